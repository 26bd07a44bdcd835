import { entityColumns, entityRowParser, ORG_COLUMNS, OrgLevel, OrgRecord, parseOrgRecord, Report, ReportStatus } from '@ggw/domain';
import { RequestSession } from '../../common/session';

/** The one home of the `report` table's SQL: reading a report, and moving it from one state to the next. */

export type ReportRecord = Omit<Report, 'frozen'>;

// the frozen figures are read by the roll-up engine (APPROVED), not with the report
const COLUMNS = entityColumns(Report, 'r', ['frozen']);
const parseReport = entityRowParser<ReportRecord>(Report, ['frozen']);

/** An org's report for a period (readable to the viewer), or null; `lock`: held until commit. */
export async function findReport(session: RequestSession, org: { tenantId: string; id: string }, period: string, lock = false): Promise<ReportRecord | null> {
  const [row] = await session.query(
    `SELECT ${COLUMNS} FROM report r WHERE r.tenant_id = $1 AND r.org_id = $2 AND r.period = $3 ${lock ? 'FOR NO KEY UPDATE' : ''}`,
    [org.tenantId, org.id, period]);
  return row ? parseReport(row) : null;
}

/**
 * The orgs of a subtree that exist in a period (the root left out) with their reports, or null
 * where they have none: one statement. A city's subtree spans its counties' tenants, so nothing
 * here filters by tenant (row-level security says what the viewer may see).
 */
export async function subtreeReports(session: RequestSession, root: Pick<OrgRecord, 'path' | 'id' | 'tenantId' | 'level'>, period: { key: string; start: string; end: string }, childrenOnly = false): Promise<Array<{ org: OrgRecord; report: ReportRecord | null }>> {
  // below a county everything is in its tenant: the tenant's index finds the subtree fastest
  const oneTenant = root.level !== OrgLevel.CITY && root.level !== OrgLevel.PROVINCE;
  const rows = await session.query<Record<string, unknown>>(
    `SELECT ${ORG_COLUMNS}, to_jsonb(r) AS report FROM org o
       LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM report r WHERE r.tenant_id = o.tenant_id AND r.org_id = o.id AND r.period = $2) r ON true
      WHERE o.path <@ $1::ltree AND o.id <> $3 ${childrenOnly ? 'AND o.parent_id = $3' : ''} ${oneTenant ? 'AND o.tenant_id = $6' : 'AND $6::uuid IS NOT NULL'}
        AND o.founded_on < $5::date AND (o.dissolved_on IS NULL OR o.dissolved_on > $4::date)
      ORDER BY o.path`,
    [root.path, period.key, root.id, period.start, period.end, root.tenantId]);
  return rows.map(({ report, ...org }) => ({ org: parseOrgRecord(org), report: report ? parseReport(report) : null }));
}

/** What a transition writes besides the status. */
export interface ReportChange {
  status: ReportStatus;
  submittedBy?: string;
  approvedBy?: string;
  returnReason?: string | null;
  forceReason?: string | null;
  /** a submission's: the org's own figures at that moment */
  frozen?: Record<string, number>;
}

const SET: Record<keyof Omit<ReportChange, 'status'>, string> = {
  submittedBy: 'submitted_by = $6, submitted_at = now(), first_submitted_at = coalesce(first_submitted_at, now())',
  approvedBy: 'approved_by = $7, approved_at = now()',
  returnReason: 'return_reason = $8',
  forceReason: 'force_reason = $9',
  frozen: 'frozen = $10',
};

/**
 * Moves a report to `change.status` if it is still in `from` (a first submission creates it);
 * returns the report as it is now, or null when another request moved it first.
 */
export async function moveReport(
  session: RequestSession, org: { tenantId: string; id: string }, period: string, from: ReportStatus | null, change: ReportChange,
): Promise<ReportRecord | null> {
  const sets = (Object.keys(SET) as Array<keyof typeof SET>).filter((k) => change[k] !== undefined).map((k) => SET[k]);
  const params = [org.tenantId, org.id, period, from, change.status, change.submittedBy ?? null, change.approvedBy ?? null,
    change.returnReason ?? null, change.forceReason ?? null, change.frozen ? JSON.stringify(change.frozen) : null];
  // every parameter typed once, whichever the statement uses
  const typed = `WITH p AS (SELECT $4::text AS from_status, $6::uuid AS submitted_by, $7::uuid AS approved_by, $8::text AS return_reason,
                                   $9::text AS force_reason, $10::jsonb AS frozen)`;
  const [row] = from === null
    ? await session.query(
      `${typed}, r AS (INSERT INTO report (tenant_id, id, org_id, period, status, submitted_at, first_submitted_at, submitted_by, force_reason, frozen)
         SELECT $1, gen_random_uuid(), $2, $3, $5, now(), now(), p.submitted_by, p.force_reason, p.frozen FROM p
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
 * submitted now that it has passed, or first submitted after it (a resubmission after a return
 * does not make a report late). The deadline is `ggw_report_due_at`: the tenant's calendar for
 * the org's level, the end of that day in Beijing time.
 */
export async function lateReports(session: RequestSession, root: { path: string }, period: { key: string; start: string; end: string }): Promise<DeadlineRow[]> {
  const rows = await session.query<Record<string, unknown>>(
    `WITH measured AS (
       SELECT ${ORG_COLUMNS}, r.status, to_json(r.submitted_at) #>> '{}' AS "submittedAt", r.first_submitted_at,
              ggw_report_due_at(o.tenant_id, o.level, $2) AS due, coalesce(r.status IN ('SUBMITTED', 'APPROVED'), false) AS submitted
         FROM org o
         LEFT JOIN report r ON r.tenant_id = o.tenant_id AND r.org_id = o.id AND r.period = $2
        WHERE o.path <@ $1::ltree AND o.founded_on < $4::date AND (o.dissolved_on IS NULL OR o.dissolved_on > $3::date))
     SELECT m.*, to_json(m.due) #>> '{}' AS "dueAt",
            floor(extract(epoch FROM (CASE WHEN m.submitted THEN m.first_submitted_at ELSE now() END) - m.due) / 86400)::int AS "daysLate"
       FROM measured m
      WHERE m.due IS NOT NULL AND ((m.submitted AND m.first_submitted_at > m.due) OR (NOT m.submitted AND now() > m.due))
      ORDER BY m.path`,
    [root.path, period.key, period.start, period.end]);
  return rows.map(({ status, submittedAt, dueAt, daysLate, due: _due, submitted: _s, first_submitted_at: _at, ...org }) => ({
    org: parseOrgRecord(org), status: (status as ReportStatus | null) ?? null, submittedAt: (submittedAt as string | null) ?? null,
    dueAt: String(dueAt), daysLate: Number(daysLate),
  }));
}

/** A period closed at an org (结账): its subtree's records of the period are read-only until reopened. */
export interface PeriodClosure {
  tenantId: string;
  id: string;
  orgId: string;
  period: string;
  closedAt: string;
  closedByName: string | null;
  reopenedAt: string | null;
  reopenedByName: string | null;
  reopenReason: string | null;
}

const CLOSURE_COLUMNS = `c.tenant_id AS "tenantId", c.id, c.org_id AS "orgId", c.period, to_json(c.closed_at) #>> '{}' AS "closedAt",
  cu.display_name AS "closedByName", to_json(c.reopened_at) #>> '{}' AS "reopenedAt", ru.display_name AS "reopenedByName", c.reopen_reason AS "reopenReason"`;
const CLOSURE_FROM = `period_close c LEFT JOIN app_user_name cu ON cu.id = c.closed_by LEFT JOIN app_user_name ru ON ru.id = c.reopened_by`;

/** The open closure of a period that holds an org: at the org itself or at an org above it (the nearest first), or null. */
export async function closureOver(session: RequestSession, org: { path: string }, period: string): Promise<(PeriodClosure & { orgPath: string }) | null> {
  const [row] = await session.query<PeriodClosure & { orgPath: string }>(
    `SELECT ${CLOSURE_COLUMNS}, a.path::text AS "orgPath" FROM ${CLOSURE_FROM} JOIN org a ON a.tenant_id = c.tenant_id AND a.id = c.org_id
      WHERE c.period = $2 AND c.reopened_at IS NULL AND a.path @> $1::ltree ORDER BY nlevel(a.path) DESC LIMIT 1`,
    [org.path, period]);
  return row ?? null;
}

/** Closes a period at an org; null when it was already closed there (another request was first). */
export async function insertClosure(session: RequestSession, org: { tenantId: string; id: string }, period: string, by: string): Promise<PeriodClosure | null> {
  const [row] = await session.query<PeriodClosure>(
    `WITH c AS (INSERT INTO period_close (tenant_id, org_id, period, closed_by) VALUES ($1, $2, $3, $4)
                ON CONFLICT (tenant_id, org_id, period) WHERE reopened_at IS NULL DO NOTHING RETURNING *)
     SELECT ${CLOSURE_COLUMNS} FROM c LEFT JOIN app_user_name cu ON cu.id = c.closed_by LEFT JOIN app_user_name ru ON ru.id = c.reopened_by`,
    [org.tenantId, org.id, period, by]);
  return row ?? null;
}

/** Reopens the open closure of a period at an org, with the reason; null when there was none (already reopened). */
export async function reopenClosure(session: RequestSession, org: { tenantId: string; id: string }, period: string, by: string, reason: string): Promise<PeriodClosure | null> {
  const [row] = await session.query<PeriodClosure>(
    `WITH c AS (UPDATE period_close SET reopened_at = now(), reopened_by = $4, reopen_reason = $5
                 WHERE tenant_id = $1 AND org_id = $2 AND period = $3 AND reopened_at IS NULL RETURNING *)
     SELECT ${CLOSURE_COLUMNS} FROM c LEFT JOIN app_user_name cu ON cu.id = c.closed_by LEFT JOIN app_user_name ru ON ru.id = c.reopened_by`,
    [org.tenantId, org.id, period, by, reason]);
  return row ?? null;
}

/** Every closure of a period at an org, the latest first (closed, reopened, closed again…). */
export async function closuresAt(session: RequestSession, org: { tenantId: string; id: string }, period: string): Promise<PeriodClosure[]> {
  return session.query<PeriodClosure>(
    `SELECT ${CLOSURE_COLUMNS} FROM ${CLOSURE_FROM} WHERE c.tenant_id = $1 AND c.org_id = $2 AND c.period = $3 ORDER BY c.closed_at DESC, c.id`,
    [org.tenantId, org.id, period]);
}
