import { isAdminAt } from '@ggw/authz';
import { BadUserInputError, ForbiddenError, maskIdNumber, UnauthenticatedError } from '@ggw/domain';
import { Page, toPage } from '../../common/pagination';
import { ServiceContext } from '../../context';
import { OrgRecord } from '../org/org.record';
import { RECORD_KINDS } from '../records/records.loaders';
import { maskRecords } from '../records/records.masking';

/** One change to a record, as the database recorded it (audit_event), with its rows in API field names. */
export interface AuditEntry {
  id: string;
  at: string;
  orgId: string;
  kind: string;
  recordId: string;
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  actorId: string | null;
  actorName: string | null;
  requestId: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** what an update changed (worked out before masking: two names masked alike still differ) */
  changedFields: string[];
}

export interface AuditQuery {
  size: number;
  after?: string | null;
  /** a record table, e.g. `volunteer` */
  kind?: string | null;
  /** ISO 8601 time: only changes at or after it */
  since?: string | null;
  /** include the changes of every org below */
  subtree: boolean;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** A stored row (column names) in API field names, without its key columns; the ID number is never shown whole. */
function fieldsOf(row: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!row) return null;
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === 'org_id' || column === 'id') continue;
    out[camel(column)] = column === 'id_number' && typeof value === 'string' ? maskIdNumber(value) : value;
  }
  return out;
}

/** The personal fields of a record table, by the same registry as the lists (none for a table no list shows). */
const personalOf = (table: string) => Object.values(RECORD_KINDS).find((k) => k.table === table)?.personal;

/** Masks the rows of events the way their records' lists are masked for this viewer. */
async function masked(ctx: ServiceContext, events: AuditEntry[]): Promise<AuditEntry[]> {
  return Promise.all(events.map(async (e) => {
    const personal = personalOf(e.kind);
    if (!personal) return e;
    const [before, after] = await Promise.all([e.before, e.after].map(async (row) => {
      if (!row) return null;
      // the org rides along only to decide the masking
      const { orgId: _org, ...masked } = (await maskRecords(ctx, [{ ...row, orgId: e.orgId }], personal))[0];
      return masked;
    }));
    return { ...e, before, after };
  }));
}

/**
 * The audit trail of an org (and, with `subtree`, of every org below), newest first: who
 * changed which record, when, in which request, and the row before and after. ADMINs of the
 * org or above only; personal data masked by the same rule as everywhere.
 */
export async function auditTrail(ctx: ServiceContext, org: OrgRecord, q: AuditQuery): Promise<Page<AuditEntry>> {
  const viewer = await ctx.viewer();
  if (!viewer) throw new UnauthenticatedError('请先登录');
  if (!isAdminAt(viewer, org.path)) throw new ForbiddenError(`只有${org.name}或其上级的管理员可以查看审计日志`);
  const params: unknown[] = [org.tenantId];
  const add = (v: unknown) => `$${params.push(v)}`;
  const where = [q.subtree
    ? `e.tenant_id = $1 AND e.org_id IN (SELECT id FROM org WHERE tenant_id = $1 AND path <@ ${add(org.path)}::ltree)`
    : `e.tenant_id = $1 AND e.org_id = ${add(org.id)}`];
  if (q.kind) where.push(`e.record_kind = ${add(q.kind)}`);
  if (q.since !== null && q.since !== undefined) {
    if (Number.isNaN(Date.parse(q.since)) || !/^\d{4}-\d{2}-\d{2}/.test(q.since)) throw new BadUserInputError('since 应为 ISO 8601 时间,如 2021-03-01 或 2021-03-01T08:00:00+08:00', 'since');
    where.push(`e.at >= ${add(q.since)}::timestamptz`);
  }
  const filter = where.join(' AND ');
  const countParams = [...params];
  if (q.after) where.push(`e.id < ${add(ctx.cursors.decode(q.after, 'audit_event', ['integer'])[0])}::bigint`);
  const rows = await ctx.session.query<Omit<AuditEntry, 'changedFields'>>(
    `SELECT e.id::text AS id, to_json(e.at) #>> '{}' AS at, e.org_id AS "orgId", e.record_kind AS kind, e.record_id AS "recordId",
            e.operation, e.actor_id AS "actorId", u.display_name AS "actorName", e.request_id AS "requestId", e.reason, e.before, e.after
       FROM audit_event e LEFT JOIN app_user_name u ON u.id = e.actor_id
      WHERE ${where.join(' AND ')} ORDER BY e.id DESC LIMIT ${add(q.size + 1)}`,
    params,
  );
  const events = await masked(ctx, rows.map((r) => {
    const [before, after] = [fieldsOf(r.before), fieldsOf(r.after)];
    const changedFields = before && after ? Object.keys(after).filter((k) => k !== 'version' && JSON.stringify(before[k]) !== JSON.stringify(after[k])) : [];
    return { ...r, before, after, changedFields };
  }));
  return toPage(events, q.size, (e) => ctx.cursors.encode('audit_event', [e.id]), async () =>
    (await ctx.session.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event e WHERE ${filter}`, countParams))[0].n);
}
