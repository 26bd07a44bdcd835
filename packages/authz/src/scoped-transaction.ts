import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { OrgLevel, sqlStateOf, UnauthenticatedError } from '@ggw/domain';
import { RoleGrant, Viewer } from './viewer';

/**
 * Sets a user's scopes for the runner's open transaction (`ggw_apply_scopes`: row-level security
 * binds every later statement to them) and returns the user's roles. An unknown or disabled
 * user, or a token of an older `tokenVersion` (a job on a user's behalf passes none), is
 * UNAUTHENTICATED. In the same statement it names the actor and the request (or job)
 * for the audit trail, which the database writes on every record change.
 */
export async function applyUserScopes(runner: QueryRunner, userId: string, requestId = '', tokenVersion: number | null = null): Promise<Viewer> {
  try {
    const rows: Array<{ org_id: string; tenant_id: string; path: string; level: OrgLevel; role: RoleGrant['role'] }> = await runner.query(
      `SELECT s.* FROM set_config('ggw.actor', $1::uuid::text, true) a, set_config('ggw.request_id', $2, true) r, ggw_apply_scopes($1::uuid, $3::int) s`,
      [userId, requestId, tokenVersion],
    );
    return { userId, roles: rows.map((r) => ({ orgId: r.org_id, tenantId: r.tenant_id, path: r.path, level: r.level, role: r.role })) };
  } catch (error) {
    if (sqlStateOf(error) === '28000') {
      throw new UnauthenticatedError('登录已失效或令牌无效,请重新登录');
    }
    throw error;
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
