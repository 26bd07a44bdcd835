import { canWrite, isAdminAt, isWithin, Viewer } from '@ggw/authz';
import {
  ConflictError, FieldErrors, isUuid, ForbiddenError, InvalidStateError, OrgRecord, Period, REPORT_STATUS_LABELS, ReportStatus, RuleViolatedError,
  UnauthenticatedError,
} from '@ggw/domain';
import { ownFigures } from '@ggw/rollup';
import { ServiceContext } from '../../context';
import { RULES } from '../entry/entry.rules';
import { findViolations, lockOrg } from '../entry/entry.store';
import { findOrg } from '../org/org.service';
import {
  closureOver, closuresAt, findReport, insertClosure, lateReports, moveReport, PeriodClosure, reopenClosure, ReportChange, ReportRecord, subtreeReports,
} from './reports.store';

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
  // what the level above will approve: the org's own figures as they are now (its records are locked from here on)
  const frozen = (await ctx.session.serially((m) => ownFigures(m, [org.id], period))).get(org.id) ?? {};
  return move(ctx, org, period, report, { status: ReportStatus.SUBMITTED, submittedBy: viewer.userId, forceReason, frozen });
}

/** An admin of a level above the org (never of the org itself), who decides on its report. */
function requireApprover(viewer: Viewer, org: OrgRecord): void {
  const above = viewer.roles.some((r) => r.role === 'ADMIN' && r.path !== org.path && isWithin(org.path, r.path));
  if (above) return;
  throw new ForbiddenError(isAdminAt(viewer, org.path)
    ? `不能审核本组织自己的报表:${org.name}的报表由上级管理员审核`
    : `只有${org.name}上级的管理员可以审核、退回或重开它的报表`);
}

/** Names of the orgs below `org` (children only, or the whole subtree) that exist in the period and whose report is not approved. */
async function notApproved(ctx: ServiceContext, org: OrgRecord, period: Period, childrenOnly: boolean): Promise<string[]> {
  const rows = await subtreeReports(ctx.session, org, period, childrenOnly);
  return rows.filter((r) => r.report?.status !== ReportStatus.APPROVED).map((r) => r.org.name);
}

const someOf = (names: string[]) => `${names.slice(0, 5).join('、')}${names.length > 5 ? ` 等 ${names.length} 个` : ''}`;

/** Approves a submitted report; an org's own report only once every report below it is approved. */
export async function approveReport(ctx: ServiceContext, orgCode: string, period: Period): Promise<ReportRecord> {
  const viewer = await signedIn(ctx);
  const org = await findOrg(ctx, { code: orgCode });
  requireApprover(viewer, org);
  await locked(ctx, org);
  const report = await findReport(ctx.session, org, period.key, true);
  requireState(report, [ReportStatus.SUBMITTED], '审核', org, ReportStatus.APPROVED);
  const waiting = await notApproved(ctx, org, period, true);
  if (waiting.length) {
    throw new InvalidStateError(`下级报表尚未全部审核,不能审核${org.name}的报表:${someOf(waiting)}`,
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
  const closed = await closureOver(ctx.session, org, period.key);
  if (closed) {
    throw new InvalidStateError(`${period.key} 已结账,请先由结账单位的管理员重开该期间(reopenPeriod),再重开${org.name}的报表`,
      { status: report!.status, allowed: ['reopenPeriod'] });
  }
  const parentOrg = org.parentId ? await ctx.loaders.orgById.load(org.parentId) : null;
  const parent = parentOrg ? await findReport(ctx.session, parentOrg, period.key) : null;
  if (parent?.status === ReportStatus.APPROVED) {
    throw new InvalidStateError(`上级的报表已审核,请先重开上级的报表`, { status: report!.status, allowed: [] });
  }
  return move(ctx, org, period, report, { status: ReportStatus.RETURNED, returnReason: why });
}

/** Every org below an org (tree order) with where its report for the period stands (none: not started). */
export async function reportBoard(ctx: ServiceContext, org: OrgRecord, period: Period): Promise<Array<{ org: OrgRecord; state: State; report: ReportRecord | null }>> {
  const rows = await subtreeReports(ctx.session, org, period);
  for (const r of rows) ctx.loaders.orgById.prime(r.org.id, r.org); // the rows' figures and names look them up
  return rows.map((r) => ({ ...r, state: r.report?.status ?? 'NOT_STARTED' }));
}

/** A report's transitions, oldest first, from its audit trail: who moved it, when, from what to what, and why. */
export async function reportHistory(ctx: ServiceContext, report: ReportRecord) {
  return ctx.session.query<{ at: string; actorName: string | null; from: string | null; to: string | null; reason: string | null; forceReason: string | null }>(
    `SELECT to_json(e.at) #>> '{}' AS at, u.display_name AS "actorName", e.before ->> 'status' AS "from", e.after ->> 'status' AS "to",
            CASE WHEN e.after ->> 'status' = 'RETURNED' THEN e.after ->> 'return_reason' END AS reason,
            CASE WHEN e.after ->> 'status' = 'SUBMITTED' THEN e.after ->> 'force_reason' END AS "forceReason"
       FROM audit_event e LEFT JOIN app_user_name u ON u.id = e.actor_id
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

/** An org that closes its own periods: a tenant root (a county, or a city or province). */
function requireCloser(viewer: Viewer, org: OrgRecord): void {
  if (org.id !== org.tenantId) throw new ForbiddenError(`结账在县(市、区)及以上进行:${org.name}的期间由其所在县结账`);
  if (!isAdminAt(viewer, org.path)) throw new ForbiddenError(`只有${org.name}或其上级的管理员可以结账或重开期间`);
}

/**
 * Closes a period at a county (结账) once every report below it is approved: from then on no
 * record of the period in the county can change, whoever writes, until its admin reopens it.
 */
export async function closePeriod(ctx: ServiceContext, orgCode: string, period: Period): Promise<PeriodClosure> {
  const viewer = await signedIn(ctx);
  const org = await findOrg(ctx, { code: orgCode });
  requireCloser(viewer, org);
  await locked(ctx, org);
  const open = await closureOver(ctx.session, org, period.key);
  if (open) {
    const here = open.orgId === org.id;
    if (here) throw new ConflictError(`${org.name} ${period.key} 已于 ${open.closedAt} 结账`, { status: 'CLOSED' });
    throw new InvalidStateError(`${period.key} 已由上级结账,${org.name}无需再结账`, { status: 'CLOSED', allowed: [] });
  }
  const waiting = await notApproved(ctx, org, period, false);
  if (waiting.length) {
    throw new InvalidStateError(`还有 ${waiting.length} 个组织的报表未审核,不能结账:${someOf(waiting)}`, { status: 'OPEN', allowed: ['approveReport'], waitingFor: waiting });
  }
  const closed = await insertClosure(ctx.session, org, period.key, viewer.userId);
  if (!closed) throw new ConflictError(`${org.name} ${period.key} 刚被他人结账,请刷新后再看`, { status: 'CLOSED' });
  return closed;
}

/** Reopens a closed period at a county, with a reason: its records can change again, and its reports can be reopened. */
export async function reopenPeriod(ctx: ServiceContext, orgCode: string, period: Period, reason: string): Promise<PeriodClosure> {
  const viewer = await signedIn(ctx);
  const why = checkReason(reason, 'reason', '重开原因');
  const org = await findOrg(ctx, { code: orgCode });
  requireCloser(viewer, org);
  await locked(ctx, org);
  const reopened = await reopenClosure(ctx.session, org, period.key, viewer.userId, why);
  if (!reopened) throw new InvalidStateError(`${org.name} ${period.key} 未结账,无需重开`, { status: 'OPEN', allowed: ['closePeriod'] });
  return reopened;
}

/** The closure that holds an org's period now (at the org or above), or null while the period is open. */
export async function periodClosure(ctx: ServiceContext, org: OrgRecord, period: Period): Promise<PeriodClosure | null> {
  return closureOver(ctx.session, org, period.key);
}

/** Every closing and reopening of a period at an org, latest first. */
export async function periodClosures(ctx: ServiceContext, org: OrgRecord, period: Period): Promise<PeriodClosure[]> {
  return closuresAt(ctx.session, org, period.key);
}

/** Sets when one level's reports of one kind of period are due in a county (its admins only; the database checks again). */
export async function setReportDeadline(ctx: ServiceContext, orgCode: string, periodKind: string, level: string, dueOffsetDays: number) {
  const viewer = await signedIn(ctx);
  const org = await findOrg(ctx, { code: orgCode });
  if (org.id !== org.tenantId) throw new ForbiddenError(`报送日历按县(市、区)设置:请在${org.name}所在的县设置`);
  if (!isAdminAt(viewer, org.path)) throw new ForbiddenError(`只有${org.name}或其上级的管理员可以设置报送日历`);
  if (!Number.isInteger(dueOffsetDays) || dueOffsetDays < -366 || dueOffsetDays > 366) {
    throw new FieldErrors([{ field: 'dueOffsetDays', message: '截止日相对期间结束的天数应为 -366 到 366 之间的整数' }]);
  }
  await ctx.session.query(
    `INSERT INTO report_deadline (tenant_id, period_kind, level, due_offset_days) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, period_kind, level) DO UPDATE SET due_offset_days = excluded.due_offset_days`,
    [org.tenantId, periodKind, level, dueOffsetDays]);
  return reportCalendar(ctx, org);
}

/** A user's own messages (催报 reminders), newest first; only unread ones when asked. */
export async function notifications(ctx: ServiceContext, unreadOnly: boolean, limit: number) {
  await signedIn(ctx);
  return ctx.session.query<{ id: string; kind: string; orgId: string; period: string; title: string; body: string; createdAt: string; readAt: string | null }>(
    `SELECT n.id, n.kind, n.org_id AS "orgId", n.period, n.title, n.body, to_json(n.created_at) #>> '{}' AS "createdAt", to_json(n.read_at) #>> '{}' AS "readAt"
       FROM notification n
      WHERE n.user_id = $1 AND ($2::boolean IS FALSE OR n.read_at IS NULL)
      ORDER BY n.created_at DESC, n.id LIMIT $3`,
    [(await ctx.viewer())!.userId, unreadOnly, limit]);
}

/** How many of the user's messages are unread. */
export async function unreadNotificationCount(ctx: ServiceContext): Promise<number> {
  const viewer = await signedIn(ctx);
  const [{ n }] = await ctx.session.query<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [viewer.userId]);
  return n;
}

/** Marks the user's messages read (others' ids, unknown ids and ones already read are left alone); returns the ids marked. */
export async function markNotificationsRead(ctx: ServiceContext, ids: string[]): Promise<string[]> {
  const viewer = await signedIn(ctx);
  if (ids.length > 500) throw new FieldErrors([{ field: 'ids', message: '一次最多标记 500 条' }]);
  if (!ids.every(isUuid)) throw new FieldErrors([{ field: 'ids', message: '消息编号格式不对' }]);
  const rows = await ctx.session.query<{ id: string }>(
    // (as a CTE: TypeORM answers a bare UPDATE with [rows, count])
    `WITH r AS (UPDATE notification SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL RETURNING id) SELECT id FROM r`,
    [viewer.userId, ids]);
  return rows.map((r) => r.id);
}
