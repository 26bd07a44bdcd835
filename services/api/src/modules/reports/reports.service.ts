import { canWrite, isAdminAt, isWithin, Viewer } from '@ggw/authz';
import {
  ConflictError, FieldErrors, ForbiddenError, InvalidStateError, OrgRecord, Period, REPORT_STATUS_LABELS, ReportStatus, RuleViolatedError,
  UnauthenticatedError,
} from '@ggw/domain';
import { ServiceContext } from '../../context';
import { RULES } from '../entry/entry.rules';
import { findViolations, lockOrg } from '../entry/entry.store';
import { findOrg } from '../org/org.service';
import { childReports, findReport, lateReports, moveReport, ReportChange, ReportRecord, subtreeReports } from './reports.store';

/**
 * The reporting cycle, level by level: an org's editors submit its report for a period (the rule
 * catalogue runs first over the org's own records: hard violations refuse it, soft ones need a
 * written explanation), an
 * admin of a level above approves it or returns it with a reason, and an approved report can be
 * reopened, with a reason, while the level above has not approved its own. Every transition is
 * checked against the state in the database; its history is the report's audit trail.
 */

type State = ReportStatus | 'NOT_STARTED';

/** What may be done to a report in each state (INVALID_STATE lists them). */
const ALLOWED: Record<State, string[]> = {
  NOT_STARTED: ['submitReport'],
  DRAFT: ['submitReport'],
  RETURNED: ['submitReport'],
  SUBMITTED: ['approveReport', 'returnReport'],
  APPROVED: ['reopenReport'],
};

const STATE_LABELS: Record<State, string> = { NOT_STARTED: '未填报', ...REPORT_STATUS_LABELS };

function requireState(report: ReportRecord | null, expected: State[], action: string, org: OrgRecord, target: ReportStatus): void {
  const state: State = report?.status ?? 'NOT_STARTED';
  // already where this action leads: another request did it first (two approvers at once)
  if (state === target) throw new ConflictError(`${org.name}的报表刚被他人${action}(当前为"${STATE_LABELS[state]}"),请刷新后再看`, { status: state });
  if (!expected.includes(state)) {
    throw new InvalidStateError(`${org.name}的报表当前为"${STATE_LABELS[state]}",不能${action};现在可以:${ALLOWED[state].join('、')}`,
      { status: state, allowed: ALLOWED[state] });
  }
}

async function signedIn(ctx: ServiceContext): Promise<Viewer> {
  const viewer = await ctx.viewer();
  if (!viewer) throw new UnauthenticatedError('请先登录');
  return viewer;
}

function checkReason(reason: string | null | undefined, field: string, what: string): string {
  const text = (reason ?? '').trim();
  if (text.length < 2 || [...text].length > 500) throw new FieldErrors([{ field, message: `${what}应为 2 到 500 个字` }]);
  return text;
}

/** The org, locked for the transition (a second transition of the same report waits, then sees the first's result). */
async function locked(ctx: ServiceContext, org: OrgRecord): Promise<void> {
  if (!(await lockOrg(ctx.session, { tenantId: org.tenantId, id: org.id }))) throw new ForbiddenError(`您不能改变${org.name}报表的状态`);
}

/** A move that found the report in another state than it read: someone else moved it first. */
async function move(ctx: ServiceContext, org: OrgRecord, period: Period, from: ReportRecord | null, change: ReportChange): Promise<ReportRecord> {
  const moved = await moveReport(ctx.session, org, period.key, from?.status ?? null, change);
  if (!moved) throw new ConflictError(`${org.name}的报表刚被他人处理,请刷新后再试`);
  return moved;
}

/** Submits an org's report (EDITOR or ADMIN of the org or above). */
export async function submitReport(ctx: ServiceContext, orgCode: string, period: Period, forceWithReason?: string | null): Promise<ReportRecord> {
  const viewer = await signedIn(ctx);
  const org = await findOrg(ctx, { code: orgCode });
  if (!canWrite(viewer, org.path)) throw new ForbiddenError(`只有${org.name}或其上级的录入员、管理员可以上报报表`);
  await locked(ctx, org);
  const report = await findReport(ctx.session, org, period.key, true);
  requireState(report, ['NOT_STARTED', ReportStatus.DRAFT, ReportStatus.RETURNED], '上报', org, ReportStatus.SUBMITTED);
  // a report answers for the org's own records; those below are in their own (approved) reports
  const violations = await findViolations(ctx.session, RULES, [org], period, null);
  const listed = violations.map((v) => ({ rule: v.rule, severity: v.severity, orgId: v.orgId, recordId: v.recordId, detail: v.detail }));
  const hard = violations.filter((v) => v.severity === 'HARD');
  if (hard.length) {
    throw new RuleViolatedError(`有 ${hard.length} 处违反规则,请改正后再上报:${hard.slice(0, 3).map((v) => v.detail).join(';')}`, { rule: hard[0].rule, violations: listed });
  }
  const soft = violations.filter((v) => v.severity === 'SOFT');
  let forceReason: string | null = null;
  if (soft.length) {
    if (forceWithReason === null || forceWithReason === undefined) {
      throw new RuleViolatedError(`有 ${soft.length} 处需要核对;核对无误请填写上报说明后强制上报(forceWithReason)`, { rule: soft[0].rule, forceable: true, violations: listed });
    }
    forceReason = checkReason(forceWithReason, 'forceWithReason', '上报说明');
  }
  return move(ctx, org, period, report, { status: ReportStatus.SUBMITTED, submittedBy: viewer.userId, forceReason });
}

/** An admin of a level above the org (never of the org itself), who decides on its report. */
function requireApprover(viewer: Viewer, org: OrgRecord): void {
  const above = viewer.roles.some((r) => r.role === 'ADMIN' && r.path !== org.path && isWithin(org.path, r.path));
  if (above) return;
  throw new ForbiddenError(isAdminAt(viewer, org.path)
    ? `不能审核本组织自己的报表:${org.name}的报表由上级管理员审核`
    : `只有${org.name}上级的管理员可以审核、退回或重开它的报表`);
}

/** The org's children that have to be approved first: those that exist in the period and whose report is not approved. */
async function unapprovedChildren(ctx: ServiceContext, org: OrgRecord, period: Period): Promise<string[]> {
  const reports = await childReports(ctx.session, org, period.key);
  const children = await ctx.session.query<{ id: string; name: string }>(
    `SELECT id, name FROM org WHERE tenant_id = $1 AND parent_id = $2 AND founded_on < $3::date AND (dissolved_on IS NULL OR dissolved_on > $4::date) ORDER BY path`,
    [org.tenantId, org.id, period.end, period.start]);
  return children.filter((c) => reports.get(c.id)?.status !== ReportStatus.APPROVED).map((c) => c.name);
}

/** Approves a submitted report; an org's own report only once every report below it is approved. */
export async function approveReport(ctx: ServiceContext, orgCode: string, period: Period): Promise<ReportRecord> {
  const viewer = await signedIn(ctx);
  const org = await findOrg(ctx, { code: orgCode });
  requireApprover(viewer, org);
  await locked(ctx, org);
  const report = await findReport(ctx.session, org, period.key, true);
  requireState(report, [ReportStatus.SUBMITTED], '审核', org, ReportStatus.APPROVED);
  const waiting = await unapprovedChildren(ctx, org, period);
  if (waiting.length) {
    throw new InvalidStateError(`下级报表尚未全部审核,不能审核${org.name}的报表:${waiting.slice(0, 5).join('、')}${waiting.length > 5 ? ` 等 ${waiting.length} 个` : ''}`,
      { status: report!.status, allowed: ALLOWED.SUBMITTED, waitingFor: waiting });
  }
  return move(ctx, org, period, report, { status: ReportStatus.APPROVED, approvedBy: viewer.userId });
}

/** Returns a submitted report to its editors with a reason (退回). */
export async function returnReport(ctx: ServiceContext, orgCode: string, period: Period, reason: string): Promise<ReportRecord> {
  const viewer = await signedIn(ctx);
  const why = checkReason(reason, 'reason', '退回原因');
  const org = await findOrg(ctx, { code: orgCode });
  requireApprover(viewer, org);
  await locked(ctx, org);
  const report = await findReport(ctx.session, org, period.key, true);
  requireState(report, [ReportStatus.SUBMITTED], '退回', org, ReportStatus.RETURNED);
  return move(ctx, org, period, report, { status: ReportStatus.RETURNED, returnReason: why });
}

/** Reopens an approved report (back to its editors, with a reason) while the level above has not approved its own. */
export async function reopenReport(ctx: ServiceContext, orgCode: string, period: Period, reason: string): Promise<ReportRecord> {
  const viewer = await signedIn(ctx);
  const why = checkReason(reason, 'reason', '重开原因');
  const org = await findOrg(ctx, { code: orgCode });
  requireApprover(viewer, org);
  await locked(ctx, org);
  const report = await findReport(ctx.session, org, period.key, true);
  requireState(report, [ReportStatus.APPROVED], '重开', org, ReportStatus.RETURNED);
  const parent = org.parentId ? await findReport(ctx.session, { tenantId: org.tenantId, id: org.parentId }, period.key) : null;
  if (parent?.status === ReportStatus.APPROVED) {
    throw new InvalidStateError(`上级的报表已审核,请先重开上级的报表`, { status: report!.status, allowed: [] });
  }
  return move(ctx, org, period, report, { status: ReportStatus.RETURNED, returnReason: why });
}

/** Every org below an org (tree order) with where its report for the period stands (none: not started). */
export async function reportBoard(ctx: ServiceContext, org: OrgRecord, period: Period): Promise<Array<{ org: OrgRecord; state: State; report: ReportRecord | null }>> {
  const rows = await subtreeReports(ctx.session, org, period.key);
  for (const r of rows) ctx.loaders.orgById.prime(r.org.id, r.org); // the rows' figures and names look them up
  return rows.map((r) => ({ ...r, state: r.report?.status ?? 'NOT_STARTED' }));
}

/** A report's transitions, oldest first, from its audit trail: who moved it, when, from what to what, and why. */
export async function reportHistory(ctx: ServiceContext, report: ReportRecord) {
  return ctx.session.query<{ at: string; actorName: string | null; from: string | null; to: string | null; reason: string | null; forceReason: string | null }>(
    `SELECT to_json(e.at) #>> '{}' AS at, u.display_name AS "actorName", e.before ->> 'status' AS "from", e.after ->> 'status' AS "to",
            CASE WHEN e.after ->> 'status' = 'RETURNED' THEN e.after ->> 'return_reason' END AS reason,
            CASE WHEN e.after ->> 'status' = 'SUBMITTED' THEN e.after ->> 'force_reason' END AS "forceReason"
       FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
      WHERE e.tenant_id = $1 AND e.record_id = $2 AND e.record_kind = 'report'
        AND (e.before IS NULL OR e.after IS NULL OR e.before ->> 'status' IS DISTINCT FROM e.after ->> 'status')
      ORDER BY e.id`,
    [report.tenantId, report.id]);
}

/** Who missed the deadline for a period in an org's subtree (the org included), and by how many days. */
export async function overdueReports(ctx: ServiceContext, org: OrgRecord, period: Period) {
  const rows = await lateReports(ctx.session, org, period);
  for (const r of rows) ctx.loaders.orgById.prime(r.org.id, r.org);
  return rows.map((r) => ({ ...r, state: r.status ?? 'NOT_STARTED' }));
}

/** The reporting calendar of an org's county: when each level's report of each kind of period is due. */
export async function reportCalendar(ctx: ServiceContext, org: OrgRecord) {
  return ctx.session.query<{ periodKind: string; level: string; dueOffsetDays: number }>(
    `SELECT period_kind AS "periodKind", level, due_offset_days AS "dueOffsetDays" FROM report_deadline WHERE tenant_id = $1
      ORDER BY period_kind, array_position(ARRAY['VILLAGE', 'TOWNSHIP', 'COUNTY', 'CITY'], level)`, [org.tenantId]);
}
