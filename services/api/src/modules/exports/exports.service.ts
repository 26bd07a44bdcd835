import { isAdminAt } from '@ggw/authz';
import {
  BadUserInputError, checkTimeZone, ConflictError, ExportFormat, ExportPeriodRule, FigureState, ForbiddenError, isUuid, nextRun, NotFoundError, OrgRecord,
  parsePeriod, UnauthenticatedError,
} from '@ggw/domain';
import {
  countJobs, createExportJob, deleteScheduleRow, ExportJobRecord, ExportScheduleRecord, findJob, findJobByIdempotencyKey, findRecentRequest, findSchedule,
  insertSchedule, listJobs, listSchedulesOf, setPaused,
} from '@ggw/exports';
import { Page, toPage } from '../../common/pagination';
import { ServiceContext } from '../../context';
import { findOrg } from '../org/org.service';

/** What an export is asked for (the mutation's arguments, or anyone else's request). */
export interface ExportRequest {
  orgCode: string;
  period: string;
  format: ExportFormat;
  /** live figures (the default) or those of approved reports */
  figureState?: FigureState;
  idempotencyKey?: string | null;
}

/** A new schedule, as asked for. */
export interface NewSchedule {
  orgCode: string;
  cron: string;
  timeZone: string;
  periodRule: ExportPeriodRule;
  formats: ExportFormat[];
  figureState?: FigureState;
}

/** The same request twice within this many seconds returns the first job. */
export const DUPLICATE_WINDOW_SECONDS = 60;

/** The viewer, who must be an admin over `org` (FORBIDDEN otherwise: the org itself is visible to them). */
async function adminOver(ctx: ServiceContext, org: OrgRecord, what: string) {
  const viewer = await ctx.viewer();
  if (!viewer) throw new UnauthenticatedError('请先登录');
  if (!isAdminAt(viewer, org.path)) throw new ForbiddenError(`只有${org.name}或其上级的管理员可以${what}`);
  return viewer;
}

/**
 * Queues an export of the org's subtree (admins only), in the request's transaction: the job
 * row and its queue entry are committed together. The same request again (the same
 * idempotency key, or the same org, period and format within a minute) returns the first job.
 */
export async function requestExport(ctx: ServiceContext, args: ExportRequest): Promise<ExportJobRecord> {
  const org = await findOrg(ctx, { code: args.orgCode });
  const viewer = await adminOver(ctx, org, '导出汇总');
  const period = parsePeriod(args.period);
  const key = args.idempotencyKey ?? null;
  const figureState = args.figureState ?? FigureState.LIVE;
  if (key !== null && (key.length < 1 || key.length > 100)) throw new BadUserInputError('idempotencyKey 应为 1 到 100 个字符', 'idempotencyKey');
  // concurrent duplicates wait for each other here, then find the first one's row
  await ctx.session.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`export:${viewer.userId}:${key ?? `${org.id}:${period.key}:${args.format}:${figureState}`}`]);
  const existing = await ctx.session.serially((m) => key !== null
    ? findJobByIdempotencyKey(m, viewer.userId, key)
    : findRecentRequest(m, { tenantId: org.tenantId, orgId: org.id, period: period.key, format: args.format, figureState, userId: viewer.userId, withinSeconds: DUPLICATE_WINDOW_SECONDS }));
  if (existing) {
    if (existing.orgId !== org.id || existing.period !== period.key || existing.format !== args.format || existing.figureState !== figureState) {
      throw new ConflictError('该幂等键已用于另一个导出请求(组织、期间、格式或口径不同)', { idempotencyKey: key });
    }
    return existing;
  }
  const created = await ctx.session.serially((m) =>
    createExportJob(m, { tenantId: org.tenantId, orgId: org.id, period: period.key, format: args.format, figureState, requestedBy: viewer.userId, idempotencyKey: key }));
  return created!; // not a schedule's run: nothing to conflict with
}

/** One export, for anyone who may read its org (row-level security); NOT_FOUND otherwise, as for no such export. */
export async function findExport(ctx: ServiceContext, id: string): Promise<ExportJobRecord> {
  if (!isUuid(id)) throw new BadUserInputError(`id 不是有效的 UUID:${id}`, 'id');
  const job = await ctx.session.serially((m) => findJob(m, id));
  if (!job) throw new NotFoundError(`没有 id 为 ${id} 的导出任务`, { id });
  return job;
}

/** The exports of an org (anyone who may read the org), newest first, keyset-paginated. */
export async function listExports(ctx: ServiceContext, orgCode: string, size: number, after: string | null | undefined): Promise<Page<ExportJobRecord>> {
  const org = await findOrg(ctx, { code: orgCode });
  const from = after !== null && after !== undefined ? (ctx.cursors.decode(after, 'export_job', ['timestamp', 'uuid']) as [string, string]) : null;
  const rows = await ctx.session.serially((m) => listJobs(m, org, size + 1, from));
  return toPage(rows, size, (r) => ctx.cursors.encode('export_job', [r.createdAt, r.id]), () => ctx.session.serially((m) => countJobs(m, org)));
}

/** The export schedules of an org (admins only). */
export async function listSchedules(ctx: ServiceContext, orgCode: string): Promise<ExportScheduleRecord[]> {
  const org = await findOrg(ctx, { code: orgCode });
  await adminOver(ctx, org, '查看定时导出计划');
  return ctx.session.serially((m) => listSchedulesOf(m, org));
}

/** Creates a schedule (admins only); it runs with its creator's rights. */
export async function createSchedule(ctx: ServiceContext, input: NewSchedule): Promise<ExportScheduleRecord> {
  const org = await findOrg(ctx, { code: input.orgCode });
  const viewer = await adminOver(ctx, org, '设置定时导出');
  const timeZone = checkTimeZone(input.timeZone);
  const formats = [...new Set(input.formats)];
  if (formats.length === 0) throw new BadUserInputError('formats 至少要有一种格式', 'formats');
  const [{ now }] = await ctx.session.query<{ now: Date }>(`SELECT now()`);
  const next = nextRun(input.cron, timeZone, now);
  return ctx.session.serially((m) => insertSchedule(m, {
    tenantId: org.tenantId, orgId: org.id, cron: input.cron.trim().split(/\s+/).join(' '), timeZone, periodRule: input.periodRule, formats,
    figureState: input.figureState ?? FigureState.LIVE, nextRunAt: next, createdBy: viewer.userId,
  }));
}

/** A schedule the viewer may manage: visible (row-level security) and theirs to administer. */
async function manageableSchedule(ctx: ServiceContext, id: string): Promise<ExportScheduleRecord> {
  if (!isUuid(id)) throw new BadUserInputError(`id 不是有效的 UUID:${id}`, 'id');
  const row = await ctx.session.serially((m) => findSchedule(m, id));
  const viewer = await ctx.viewer();
  // not there, or not the viewer's to see: the same answer
  if (!row || !viewer || !isAdminAt(viewer, row.path)) throw new NotFoundError(`没有 id 为 ${id} 的定时导出计划`, { id });
  return row;
}

/**
 * Pauses or resumes a schedule (admins only). Resuming moves its next run to the first one
 * after now, so runs missed while paused do not all fire at once.
 */
export async function setSchedulePaused(ctx: ServiceContext, id: string, paused: boolean): Promise<ExportScheduleRecord> {
  const s = await manageableSchedule(ctx, id);
  const [{ now }] = await ctx.session.query<{ now: Date }>(`SELECT now()`);
  return ctx.session.serially((m) => setPaused(m, s, paused, nextRun(s.cron, s.timeZone, now)));
}

/** Deletes a schedule (admins only); the exports it made stay. */
export async function deleteSchedule(ctx: ServiceContext, id: string): Promise<boolean> {
  const s = await manageableSchedule(ctx, id);
  await ctx.session.serially((m) => deleteScheduleRow(m, s));
  return true;
}

/** A user's display name (a schedule's creator). */
export async function userName(ctx: ServiceContext, userId: string): Promise<string> {
  const [row] = await ctx.session.query<{ name: string }>(`SELECT display_name AS name FROM app_user_name WHERE id = $1`, [userId]);
  return row?.name ?? '';
}

