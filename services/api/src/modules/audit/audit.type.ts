import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { register } from '../../common/enums';
import { Connection, PageArgs } from '../../common/pagination';
import { DateTimeScalar } from '../../common/scalars';

/** The kinds of record the audit trail covers (GraphQL name → table). */
export enum AuditedKind {
  VOLUNTEER = 'volunteer',
  BENEFICIARY = 'beneficiary',
  PAIR = 'assistance_pair',
  ACTIVITY = 'activity',
  DONATION = 'donation',
  DISBURSEMENT = 'disbursement',
  ARTICLE = 'article',
  ASSESSMENT = 'assessment',
  GUARANTEE = 'guarantee',
  PLAN_TARGET = 'plan_target',
  REPORTED_FIGURE = 'reported_figure',
  REPORT = 'report',
  PERIOD_CLOSE = 'period_close',
  ORG = 'org',
  USER = 'app_user',
  ROLE = 'role_assignment',
}
const KIND_LABELS: Record<keyof typeof AuditedKind, string> = {
  VOLUNTEER: '五老志愿者', BENEFICIARY: '帮扶对象', PAIR: '结对帮扶', ACTIVITY: '活动', DONATION: '捐赠', DISBURSEMENT: '支出', ARTICLE: '宣传稿件',
  ASSESSMENT: '"五好"评定', GUARANTEE: '"四有"保障', PLAN_TARGET: '工作计划目标', REPORTED_FIGURE: '已公布数字', REPORT: '报表',
  PERIOD_CLOSE: '年度关账', ORG: '组织', USER: '用户账号', ROLE: '角色授予',
};
register(AuditedKind, 'AuditedKind', '审计日志记录的记录种类', Object.fromEntries(Object.entries(AuditedKind).map(([k, v]) => [v, KIND_LABELS[k as keyof typeof AuditedKind]])) as Record<AuditedKind, string>);

export enum AuditOperation {
  INSERT = 'INSERT',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
register(AuditOperation, 'AuditOperation', '对记录做了什么', { INSERT: '新增', UPDATE: '修改', DELETE: '删除' });

@ObjectType('AuditEvent', { description: '审计日志的一条:谁、何时、在哪个请求中、对哪条记录做了什么,改前改后的内容(个人信息按查看者权限脱敏)' })
export class AuditEventObject {
  @Field(() => ID, { description: '日志序号(越大越新)' })
  id: string;

  @Field(() => DateTimeScalar, { description: '时间' })
  at: string;

  @Field(() => AuditOperation, { description: '操作' })
  operation: AuditOperation;

  @Field(() => AuditedKind, { description: '记录种类' })
  kind: AuditedKind;

  @Field(() => ID, { description: '记录 id' })
  recordId: string;

  @Field(() => String, { nullable: true, description: '操作人姓名;系统导入等无操作人时为空' })
  actorName: string | null;

  @Field(() => String, { nullable: true, description: '请求编号(响应头 x-request-id),便于与服务日志对照' })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: '删除原因(仅删除时)' })
  reason: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: '修改或删除前的内容;新增时为空' })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: '新增或修改后的内容;删除时为空' })
  after: Record<string, unknown> | null;

  @Field(() => [String], { description: '修改了哪些字段(仅修改时;不含版本号)' })
  changedFields: string[];
}

export const AuditEventConnection = Connection(AuditEventObject, 'AuditEvent', '审计日志的分页列表');

@ArgsType()
export class AuditTrailArgs extends PageArgs {
  @Field(() => AuditedKind, { nullable: true, description: '只看这一种记录' })
  kind?: AuditedKind | null;

  @Field(() => String, { nullable: true, description: '只看这个时间之后的(ISO 8601,如 2021-03-01 或 2021-03-01T08:00:00+08:00)' })
  since?: string | null;

  @Field({ defaultValue: false, description: '为 true 时包含所有下级组织的记录变更' })
  subtree: boolean;
}
