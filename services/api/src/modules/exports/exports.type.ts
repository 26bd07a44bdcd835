import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  FigureState,
  EXPORT_FORMATS, EXPORT_PERIOD_RULE_LABELS, EXPORT_STATUS_LABELS, ExportFormat, ExportPeriodRule, ExportStatus,
} from '@ggw/domain';
import { NodeInterface } from '../../common/node';
import { Connection } from '../../common/pagination';
import { OrgObject } from '../org/org.type';
import { DateTimeScalar } from '../../common/scalars';

registerEnumType(ExportFormat, {
  name: 'ExportFormat', description: '导出文件格式',
  valuesConfig: Object.fromEntries(Object.values(ExportFormat).map((v) => [v, { description: EXPORT_FORMATS[v].label }])),
});
registerEnumType(ExportStatus, {
  name: 'ExportStatus', description: '导出任务状态',
  valuesConfig: Object.fromEntries(Object.values(ExportStatus).map((v) => [v, { description: EXPORT_STATUS_LABELS[v] }])),
});
registerEnumType(ExportPeriodRule, {
  name: 'ExportPeriodRule', description: '定时导出覆盖的期间(按运行时刻在计划时区的日期计算)',
  valuesConfig: Object.fromEntries(Object.values(ExportPeriodRule).map((v) => [v, { description: EXPORT_PERIOD_RULE_LABELS[v] }])),
});

@ObjectType('ExportJob', { implements: NodeInterface, description: '一次汇总导出:在后台生成,可查看状态与进度,完成后下载' })
export class ExportJobObject {
  @Field(() => ID, { description: '导出任务 id' })
  id: string;

  @Field(() => OrgObject, { description: '导出的组织(含其所有下级)' })
  org: OrgObject;

  @Field({ description: '期间,如 2020、2020Q3、2020-06' })
  period: string;

  @Field(() => ExportFormat, { description: '文件格式' })
  format: ExportFormat;

  @Field(() => FigureState, { description: '口径:实时数或审核数' })
  figureState: FigureState;

  @Field(() => ExportStatus, { description: '状态' })
  status: ExportStatus;

  @Field(() => Int, { description: '进度,0 到 100' })
  progress: number;

  @Field(() => String, { nullable: true, description: '最近一次失败的原因(重试中或已失败时)' })
  error: string | null;

  @Field(() => Int, { description: '已尝试次数' })
  attempts: number;

  @Field({ description: '是否由定时计划产生' })
  scheduled: boolean;

  @Field(() => DateTimeScalar, { description: '请求时间' })
  createdAt: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '最近一次开始生成的时间' })
  startedAt: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '完成或最终失败的时间' })
  finishedAt: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '文件保留到此时间,之后删除' })
  expiresAt: string | null;

  @Field(() => String, { nullable: true, description: '文件名(完成后)' })
  fileName: string | null;

  @Field(() => Int, { nullable: true, description: '文件大小,字节(完成后)' })
  sizeBytes: number | null;

  @Field(() => String, { nullable: true, description: '文件的 SHA-256 校验值,十六进制(完成后;下载时也作为 ETag)' })
  sha256: string | null;

  @Field(() => String, { nullable: true, description: '下载地址(完成后):5 分钟内有效的签名链接,只对本人有效;也可带 Authorization 请求头下载 /exports/<id>/file' })
  downloadUrl: string | null;
}

export const ExportJobConnection = Connection(ExportJobObject, 'ExportJob', '导出任务列表,最新的在前');

@ObjectType('ExportSchedule', { description: '定时导出计划:按 cron 表达式在指定时区运行,为组织生成汇总文件' })
export class ExportScheduleObject {
  @Field(() => ID, { description: '计划 id' })
  id: string;

  @Field(() => OrgObject, { description: '导出的组织' })
  org: OrgObject;

  @Field({ description: 'cron 表达式(5 个字段:分 时 日 月 周),如每月1日2点为 "0 2 1 * *"' })
  cron: string;

  @Field({ description: '时区(IANA 名称),默认 Asia/Shanghai' })
  timeZone: string;

  @Field(() => ExportPeriodRule, { description: '每次运行导出的期间' })
  periodRule: ExportPeriodRule;

  @Field(() => [ExportFormat], { description: '每次运行生成的文件格式' })
  formats: ExportFormat[];

  @Field(() => FigureState, { description: '口径:实时数或审核数' })
  figureState: FigureState;

  @Field({ description: '是否已暂停' })
  paused: boolean;

  @Field(() => DateTimeScalar, { description: '下次运行时间' })
  nextRunAt: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '上次运行时间' })
  lastRunAt: string | null;

  @Field(() => String, { nullable: true, description: '计划本身的问题(如创建者已无权限而被暂停)' })
  lastError: string | null;

  @Field({ description: '创建者的显示名称;计划以创建者的权限运行' })
  createdByName: string;

  @Field(() => DateTimeScalar, { description: '创建时间' })
  createdAt: string;
}
