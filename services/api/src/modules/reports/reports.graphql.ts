import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { OrgLevel, parsePeriod, REPORT_STATUS_LABELS, ReportStatus } from '@ggw/domain';
import { register } from '../../common/enums';
import { DateTimeScalar, PeriodScalar } from '../../common/scalars';
import { RequestContext } from '../../context';
import { OrgRecord } from '../org/org.record';
import { OrgObject } from '../org/org.type';
import {
  approveReport, closePeriod, markNotificationsRead, notifications, overdueReports, periodClosure, periodClosures, reopenPeriod, reopenReport,
  reportBoard, reportCalendar, reportHistory, returnReport, setReportDeadline, submitReport, unreadNotificationCount,
} from './reports.service';
import { findReport, PeriodClosure, ReportRecord } from './reports.store';

register(ReportStatus, 'ReportStatus', '报表状态', REPORT_STATUS_LABELS);

enum ReportState {
  NOT_STARTED = 'NOT_STARTED',
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
}
register(ReportState, 'ReportState', '报表进度(含未填报)', { NOT_STARTED: '未填报', ...REPORT_STATUS_LABELS });

enum PeriodKind {
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
}
register(PeriodKind, 'PeriodKind', '期间类别', { YEAR: '年', QUARTER: '季', MONTH: '月' });

enum NotificationKind {
  REPORT_OVERDUE = 'REPORT_OVERDUE',
}
register(NotificationKind, 'NotificationKind', '消息类别', { REPORT_OVERDUE: '催报' });

@ObjectType('PeriodClosure', { description: '结账:县(市、区)在下级报表全部审核后关闭一个期间,此后该期间的数据只读,直到管理员重开' })
class PeriodClosureObject {
  @Field(() => ID, { description: '唯一标识' })
  id: string;

  @Field({ description: '期间' })
  period: string;

  @Field(() => DateTimeScalar, { description: '结账时间' })
  closedAt: string;

  @Field(() => String, { nullable: true, description: '结账人' })
  closedByName: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '重开时间;仍在结账中时为空' })
  reopenedAt: string | null;

  @Field(() => String, { nullable: true, description: '重开人' })
  reopenedByName: string | null;

  @Field(() => String, { nullable: true, description: '重开原因' })
  reopenReason: string | null;
}

@ObjectType('Notification', { description: '站内消息(如催报),只有收件人能看到' })
class NotificationObject {
  @Field(() => ID, { description: '唯一标识' })
  id: string;

  @Field(() => NotificationKind, { description: '类别' })
  kind: NotificationKind;

  orgId: string;

  @Field({ description: '所涉期间' })
  period: string;

  @Field({ description: '标题' })
  title: string;

  @Field({ description: '正文' })
  body: string;

  @Field(() => DateTimeScalar, { description: '发送时间' })
  createdAt: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '阅读时间;未读为空' })
  readAt: string | null;
}

@ObjectType({ description: '报表状态的一次变化' })
class ReportTransition {
  @Field(() => DateTimeScalar, { description: '时间' })
  at: string;

  @Field(() => String, { nullable: true, description: '操作人' })
  actorName: string | null;

  @Field(() => ReportStatus, { nullable: true, description: '变化前的状态;新建时为空' })
  from: ReportStatus | null;

  @Field(() => ReportStatus, { nullable: true, description: '变化后的状态' })
  to: ReportStatus | null;

  @Field(() => String, { nullable: true, description: '退回或重开的原因' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: '强制上报的说明' })
  forceReason: string | null;
}

@ObjectType('Report', { description: '一个组织一个期间的报表:上报、审核、退回、重开' })
export class ReportObject {
  @Field(() => ID, { description: '唯一标识' })
  id: string;

  @Field(() => Int, { description: '版本号:每次状态变化加一' })
  version: number;

  @Field({ description: '期间' })
  period: string;

  @Field(() => ReportStatus, { description: '状态' })
  status: ReportStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: '上报时间' })
  submittedAt: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '审核时间' })
  approvedAt: string | null;

  @Field(() => String, { nullable: true, description: '最近一次退回或重开的原因' })
  returnReason: string | null;

  @Field(() => String, { nullable: true, description: '强制上报的说明(有需核对之处仍上报时)' })
  forceReason: string | null;
}

@ObjectType({ description: '审核台的一行:一个下级组织及其报表' })
class ReportBoardRow {
  @Field(() => OrgObject, { description: '下级组织' })
  org: OrgRecord;

  @Field(() => ReportState, { description: '报表进度' })
  state: ReportState;

  @Field(() => ReportObject, { nullable: true, description: '报表;未填报时为空' })
  report: ReportRecord | null;
}

@ObjectType({ description: '误期的报表:截止时仍未上报,或晚于截止时间才上报' })
class OverdueReport {
  @Field(() => OrgObject, { description: '组织' })
  org: OrgRecord;

  @Field(() => DateTimeScalar, { description: '截止时间(北京时间当天结束)' })
  dueAt: string;

  @Field(() => ReportState, { description: '报表进度' })
  state: ReportState;

  @Field(() => DateTimeScalar, { nullable: true, description: '上报时间' })
  submittedAt: string | null;

  @Field(() => Int, { description: '误期天数:已上报的按上报时间,未上报的按现在' })
  daysLate: number;
}

@ObjectType({ description: '报送日历的一条:某一层级的某类期间报表何时截止' })
class ReportDeadline {
  @Field(() => PeriodKind, { description: '期间类别' })
  periodKind: PeriodKind;

  @Field(() => OrgLevel, { description: '组织层级' })
  level: OrgLevel;

  @Field(() => Int, { description: '截止日相对于期间结束的天数(负数为期间结束前,如 -31:年报于 12 月 1 日截止)' })
  dueOffsetDays: number;
}

@Resolver(() => ReportObject)
export class ReportResolver {
  @FieldResolver(() => [ReportTransition], { description: '状态变化的历史(上报、强制上报、退回、审核、重开),最早的在前' })
  history(@Root() report: ReportRecord, @Ctx() ctx: RequestContext) {
    return reportHistory(ctx, report);
  }

  @Mutation(() => ReportObject, { description: '上报报表:先按规则目录检查;有违反规则之处不能上报,有需核对之处须填写上报说明(forceWithReason)后强制上报。本组织或上级的录入员、管理员可用' })
  submitReport(
    @Arg('orgCode', { description: '组织代码' }) orgCode: string,
    @Arg('period', () => PeriodScalar, { description: '期间' }) period: string,
    @Arg('forceWithReason', () => String, { nullable: true, description: '强制上报的说明(有需核对之处时必填)' }) forceWithReason: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return submitReport(ctx, orgCode, parsePeriod(period), forceWithReason);
  }

  @Mutation(() => ReportObject, { description: '审核通过已上报的报表;下级报表须已全部审核。仅上级管理员可用,不能审核本组织自己的报表' })
  approveReport(@Arg('orgCode', { description: '组织代码' }) orgCode: string, @Arg('period', () => PeriodScalar, { description: '期间' }) period: string, @Ctx() ctx: RequestContext) {
    return approveReport(ctx, orgCode, parsePeriod(period));
  }

  @Mutation(() => ReportObject, { description: '退回已上报的报表,写明原因;报表回到填报单位修改后重新上报。仅上级管理员可用' })
  returnReport(
    @Arg('orgCode', { description: '组织代码' }) orgCode: string,
    @Arg('period', () => PeriodScalar, { description: '期间' }) period: string,
    @Arg('reason', { description: '退回原因(2–500 字)' }) reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    return returnReport(ctx, orgCode, parsePeriod(period), reason);
  }

  @Mutation(() => ReportObject, { description: '重开已审核的报表(上级报表尚未审核时),写明原因。仅上级管理员可用' })
  reopenReport(
    @Arg('orgCode', { description: '组织代码' }) orgCode: string,
    @Arg('period', () => PeriodScalar, { description: '期间' }) period: string,
    @Arg('reason', { description: '重开原因(2–500 字)' }) reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    return reopenReport(ctx, orgCode, parsePeriod(period), reason);
  }

  @Mutation(() => PeriodClosureObject, { description: '结账:本县(市、区)以下报表全部审核后关闭该期间,此后该期间本县任何数据都不能修改,直到重开。县及以上的管理员可用' })
  closePeriod(@Arg('orgCode', { description: '县(市、区)及以上组织的代码' }) orgCode: string, @Arg('period', () => PeriodScalar, { description: '期间' }) period: string, @Ctx() ctx: RequestContext) {
    return closePeriod(ctx, orgCode, parsePeriod(period));
  }

  @Mutation(() => PeriodClosureObject, { description: '重开已结账的期间,写明原因;此后可再重开下级报表、修改数据。县及以上的管理员可用' })
  reopenPeriod(
    @Arg('orgCode', { description: '县(市、区)及以上组织的代码' }) orgCode: string,
    @Arg('period', () => PeriodScalar, { description: '期间' }) period: string,
    @Arg('reason', { description: '重开原因(2–500 字)' }) reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    return reopenPeriod(ctx, orgCode, parsePeriod(period), reason);
  }

  @Mutation(() => [ReportDeadline], { description: '设置报送日历的一条(某一层级某类期间的截止日),返回本县整个日历。县(市、区)的管理员可用' })
  setReportDeadline(
    @Arg('orgCode', { description: '县(市、区)的代码' }) orgCode: string,
    @Arg('periodKind', () => PeriodKind, { description: '期间类别' }) periodKind: PeriodKind,
    @Arg('level', () => OrgLevel, { description: '报送报表的组织层级' }) level: OrgLevel,
    @Arg('dueOffsetDays', () => Int, { description: '截止日相对于期间结束的天数(-366 到 366;如 -31:年报于 12 月 1 日截止)' }) dueOffsetDays: number,
    @Ctx() ctx: RequestContext,
  ) {
    return setReportDeadline(ctx, orgCode, periodKind, level, dueOffsetDays);
  }
}

@Resolver(() => NotificationObject)
export class NotificationResolver {
  @Query(() => [NotificationObject], { description: '我的站内消息(催报等),最新的在前' })
  notifications(
    @Arg('unreadOnly', { defaultValue: false, description: '为 true 时只要未读的' }) unreadOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 20, description: '最多几条(1–100)' }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    return notifications(ctx, unreadOnly, Math.min(Math.max(first, 1), 100));
  }

  @Query(() => Int, { description: '我的未读消息数' })
  unreadNotificationCount(@Ctx() ctx: RequestContext) {
    return unreadNotificationCount(ctx);
  }

  @Mutation(() => [ID], { description: '把我的消息标为已读;返回这次标记的消息(别人的、已读的不算)' })
  markNotificationsRead(@Arg('ids', () => [ID], { description: '消息编号(一次最多 500 条)' }) ids: string[], @Ctx() ctx: RequestContext) {
    return markNotificationsRead(ctx, ids);
  }

  @FieldResolver(() => OrgObject, { nullable: true, description: '所涉组织(已无权查看时为空)' })
  org(@Root() n: { orgId: string }, @Ctx() ctx: RequestContext) {
    return ctx.loaders.orgById.load(n.orgId);
  }
}

@Resolver(() => OrgObject)
export class OrgReportsResolver {
  @FieldResolver(() => ReportObject, { nullable: true, description: '本组织该期间的报表;未填报时为空' })
  report(@Root() org: OrgRecord, @Arg('period', () => PeriodScalar, { description: '期间' }) period: string, @Ctx() ctx: RequestContext) {
    return findReport(ctx.session, org, parsePeriod(period).key);
  }

  @FieldResolver(() => [OverdueReport], { description: '误期的报表:本组织及以下各组织中,截止时仍未上报的、或晚报的(按本县报送日历),按树的先序' })
  overdueReports(@Root() org: OrgRecord, @Arg('period', () => PeriodScalar, { description: '期间' }) period: string, @Ctx() ctx: RequestContext) {
    return overdueReports(ctx, org, parsePeriod(period));
  }

  @FieldResolver(() => PeriodClosureObject, { nullable: true, description: '该期间是否已结账:结账中时为本组织或其上级的结账记录,未结账为空' })
  periodClosure(@Root() org: OrgRecord, @Arg('period', () => PeriodScalar, { description: '期间' }) period: string, @Ctx() ctx: RequestContext): Promise<PeriodClosure | null> {
    return periodClosure(ctx, org, parsePeriod(period));
  }

  @FieldResolver(() => [PeriodClosureObject], { description: '本组织该期间的结账、重开记录,最新的在前' })
  periodClosures(@Root() org: OrgRecord, @Arg('period', () => PeriodScalar, { description: '期间' }) period: string, @Ctx() ctx: RequestContext) {
    return periodClosures(ctx, org, parsePeriod(period));
  }

  @FieldResolver(() => [ReportDeadline], { description: '本县(市、区)的报送日历' })
  reportCalendar(@Root() org: OrgRecord, @Ctx() ctx: RequestContext) {
    return reportCalendar(ctx, org);
  }

  @FieldResolver(() => [ReportBoardRow], { description: '审核台:本组织以下的每个组织(按树的先序)及其该期间报表的进度(未填报、填报中、已上报、已退回、已审核);各行的指标经 org { rollup } 取得' })
  reportBoard(@Root() org: OrgRecord, @Arg('period', () => PeriodScalar, { description: '期间' }) period: string, @Ctx() ctx: RequestContext) {
    return reportBoard(ctx, org, parsePeriod(period));
  }
}

/** The mutations above, for the gate (each checks the viewer's rights itself, and the database again). */
export const REPORT_MUTATIONS = ['submitReport', 'approveReport', 'returnReport', 'reopenReport', 'closePeriod', 'reopenPeriod', 'setReportDeadline', 'markNotificationsRead'];
