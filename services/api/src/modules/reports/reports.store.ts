import { entityColumns, entityRowParser, ORG_COLUMNS, OrgRecord, parseOrgRecord, Report, ReportStatus } from '@ggw/domain';
import { RequestSession } from '../../common/session';

/** The one home of the `report` table's SQL: reading a report, and moving it from one state to the next. */

export type ReportRecord = Omit<Report, never>;

const COLUMNS = entityColumns(Report, 'r');
const parseReport = entityRowParser<ReportRecord>(Report);

/** An org's report for a period (readable to the viewer), or null; `lock`: held until commit. */
export async function findReport(session: RequestSession, org: { tenantId: string; id: string }, period: string, lock = false): Promise<ReportRecord | null> {
  const [row] = await session.query(
    `SELECT ${COLUMNS} FROM report r WHERE r.tenant_id = $1 AND r.org_id = $2 AND r.period = $3 ${lock ? 'FOR NO KEY UPDATE' : ''}`,
    [org.tenantId, org.id, period]);
  return row ? parseReport(row) : null;
}

/** The reports of an org's children for a period, by child org id. */
export async function childReports(session: RequestSession, parent: { tenantId: string; id: string }, period: string): Promise<Map<string, ReportRecord>> {
  const rows = await session.query(
    `SELECT ${COLUMNS} FROM report r JOIN org o ON o.tenant_id = r.tenant_id AND o.id = r.org_id
      WHERE o.parent_id = $2 AND r.tenant_id = $1 AND r.period = $3`, [parent.tenantId, parent.id, period]);
  return new Map(rows.map(parseReport).map((r) => [r.orgId, r]));
}

/** Every org below `root` (tree order) with its report for the period, or null where it has none: one statement. */
export async function subtreeReports(session: RequestSession, root: { tenantId: string; path: string; id: string }, period: string): Promise<Array<{ org: OrgRecord; report: ReportRecord | null }>> {
  const rows = await session.query<Record<string, unknown>>(
    `SELECT ${ORG_COLUMNS}, to_jsonb(r) AS report FROM org o
       LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM report r WHERE r.tenant_id = o.tenant_id AND r.org_id = o.id AND r.period = $3) r ON true
      WHERE o.tenant_id = $1 AND o.path <@ $2::ltree AND o.id <> $4 ORDER BY o.path`,
    [root.tenantId, root.path, period, root.id]);
  return rows.map(({ report, ...org }) => ({ org: parseOrgRecord(org), report: report ? parseReport(report) : null }));
}

/** What a transition writes besides the status. */
export interface ReportChange {
  status: ReportStatus;
  submittedBy?: string;
  approvedBy?: string;
  returnReason?: string | null;
  forceReason?: string | null;
}

const SET: Record<keyof Omit<ReportChange, 'status'>, string> = {
  submittedBy: 'submitted_by = $6, submitted_at = now()',
  approvedBy: 'approved_by = $7, approved_at = now()',
  returnReason: 'return_reason = $8',
  forceReason: 'force_reason = $9',
};

/**
 * Moves a report to `change.status` if it is still in `from` (a first submission creates it);
 * returns the report as it is now, or null when another request moved it first.
 */
export async function moveReport(
  session: RequestSession, org: { tenantId: string; id: string }, period: string, from: ReportStatus | null, change: ReportChange,
): Promise<ReportRecord | null> {
  const sets = (Object.keys(SET) as Array<keyof typeof SET>).filter((k) => change[k] !== undefined).map((k) => SET[k]);
  const params = [org.tenantId, org.id, period, from, change.status, change.submittedBy ?? null, change.approvedBy ?? null, change.returnReason ?? null, change.forceReason ?? null];
  // every parameter typed once, whichever the statement uses
  const typed = `WITH p AS (SELECT $4::text AS from_status, $6::uuid AS submitted_by, $7::uuid AS approved_by, $8::text AS return_reason, $9::text AS force_reason)`;
  const [row] = from === null
    ? await session.query(
      `${typed}, r AS (INSERT INTO report (tenant_id, id, org_id, period, status, submitted_at, submitted_by, force_reason)
         SELECT $1, gen_random_uuid(), $2, $3, $5, now(), p.submitted_by, p.force_reason FROM p
         ON CONFLICT (tenant_id, org_id, period) DO NOTHING RETURNING *)
       SELECT ${COLUMNS} FROM r`, params)
    : await session.query(
      `${typed}, r AS (UPDATE report SET status = $5${sets.map((x) => `, ${x}`).join('')}
         WHERE tenant_id = $1 AND org_id = $2 AND period = $3 AND status = (SELECT from_status FROM p) RETURNING *)
       SELECT ${COLUMNS} FROM r`, params);
  return row ? parseReport(row) : null;
}

/** One org of a subtree measured against its deadline for a period. */
export interface DeadlineRow {
  org: OrgRecord;
  dueAt: string;
  status: ReportStatus | null;
  submittedAt: string | null;
  /** whole days past the deadline: by the submission, or by now when not submitted */
  daysLate: number;
}

/**
 * The orgs of a subtree (the root included) that missed their deadline for a period: not
 * submitted when it passed, or submitted after it. A deadline is the end of the day
 * `period end + offset` in Asia/Shanghai, per the tenant's calendar and the org's level.
 */
export async function lateReports(session: RequestSession, root: { tenantId: string; path: string }, period: { key: string; kind: string; start: string; end: string }): Promise<DeadlineRow[]> {
  const rows = await session.query<Record<string, unknown>>(
    `WITH measured AS (
       SELECT ${ORG_COLUMNS}, r.status, to_json(r.submitted_at) #>> '{}' AS "submittedAt",
              (($5::date + d.due_offset_days + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS due,
              r.status IN ('SUBMITTED', 'APPROVED') AS submitted, r.submitted_at
         FROM org o
         JOIN report_deadline d ON d.tenant_id = o.tenant_id AND d.period_kind = $4 AND d.level = o.level
         LEFT JOIN report r ON r.tenant_id = o.tenant_id AND r.org_id = o.id AND r.period = $3
        WHERE o.tenant_id = $1 AND o.path <@ $2::ltree AND o.founded_on < $5::date AND (o.dissolved_on IS NULL OR o.dissolved_on > $6::date))
     SELECT m.*, to_json(m.due) #>> '{}' AS "dueAt",
            floor(extract(epoch FROM (CASE WHEN m.submitted THEN m.submitted_at ELSE now() END) - m.due) / 86400)::int AS "daysLate"
       FROM measured m
      WHERE (m.submitted AND m.submitted_at > m.due) OR (NOT coalesce(m.submitted, false) AND now() > m.due)
      ORDER BY m.path`,
    [root.tenantId, root.path, period.key, period.kind, period.end, period.start]);
  return rows.map(({ status, submittedAt, dueAt, daysLate, due: _due, submitted: _s, submitted_at: _at, ...org }) => ({
    org: parseOrgRecord(org), status: (status as ReportStatus | null) ?? null, submittedAt: (submittedAt as string | null) ?? null,
    dueAt: String(dueAt), daysLate: Number(daysLate),
  }));
}
