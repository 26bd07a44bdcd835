import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { OrgLevel, sqlStateOf, UnauthenticatedError } from '@ggw/domain';
import { RoleGrant, Viewer } from './viewer';

type ScopeRow = { org_id: string; tenant_id: string; path: string; level: OrgLevel; role: RoleGrant['role'] };

/**
 * The statement that sets a user's scopes for the open transaction (`ggw_apply_scopes`: row-level
 * security binds every later statement to them) and answers the user's roles. An unknown or
 * disabled user, or a token of an older `tokenVersion` (a job on a user's behalf passes none),
 * fails it (see `scopesError`). In the same statement it names the actor and the request (or
 * job) for the audit trail, which the database writes on every record change.
 */
export function scopesStatement(userId: string, requestId = '', tokenVersion: number | null = null): { sql: string; parameters: unknown[] } {
  return {
    sql: `SELECT s.* FROM set_config('ggw.actor', $1::uuid::text, true) a, set_config('ggw.request_id', $2, true) r, ggw_apply_scopes($1::uuid, $3::int) s`,
    parameters: [userId, requestId, tokenVersion],
  };
}

/** The viewer the scopes statement answered. */
export function viewerFromScopes(userId: string, rows: ScopeRow[]): Viewer {
  return { userId, roles: rows.map((r) => ({ orgId: r.org_id, tenantId: r.tenant_id, path: r.path, level: r.level, role: r.role })) };
}

/** A failed scopes statement as the caller answers it: the user refused is UNAUTHENTICATED. */
export function scopesError(error: unknown): unknown {
  return sqlStateOf(error) === '28000' ? new UnauthenticatedError('登录已失效或令牌无效,请重新登录') : error;
}

/** Sets a user's scopes for the runner's open transaction and returns the user's roles (see `scopesStatement`). */
export async function applyUserScopes(runner: QueryRunner, userId: string, requestId = '', tokenVersion: number | null = null): Promise<Viewer> {
  const { sql, parameters } = scopesStatement(userId, requestId, tokenVersion);
  try {
    return viewerFromScopes(userId, await runner.query(sql, parameters));
  } catch (error) {
    throw scopesError(error);
  }
}

/**
 * Runs `work` in a transaction of its own with `userId`'s scopes: committed when it returns,
 * rolled back when it throws. For work done on a user's behalf outside a request (exports).
 */
export async function runAsUser<T>(
  dataSource: DataSource,
  userId: string,
  work: (manager: EntityManager, viewer: Viewer) => Promise<T>,
  options: { isolation?: IsolationLevel; readOnly?: boolean; jobId?: string } = {},
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction(options.isolation);
    if (options.readOnly) await runner.query('SET TRANSACTION READ ONLY');
    const result = await work(runner.manager, await applyUserScopes(runner, userId, options.jobId));
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
