import { ArgsType, Field, InputType } from 'type-graphql';
import { ExportFormat, ExportPeriodRule, FigureState } from '@ggw/domain';
import { PageArgs } from '../../common/pagination';
import { PeriodScalar } from '../../common/scalars';

@ArgsType()
export class RequestExportArgs {
  @Field({ description: '组织代码,如 220582;导出该组织及其所有下级' })
  orgCode: string;

  @Field(() => PeriodScalar, { description: '期间:年 2020、季度 2020Q3 或月份 2020-06' })
  period: string;

  @Field(() => ExportFormat, { description: '文件格式' })
  format: ExportFormat;

  @Field(() => FigureState, { defaultValue: FigureState.LIVE, description: '口径:LIVE 实时数(默认);APPROVED 审核数(只计已审核报表上报时的数字,年终对外公布用)' })
  figureState: FigureState;

  @Field(() => String, {
    nullable: true,
    description: '幂等键(1 到 100 个字符):同一用户用同一个键再次请求,返回原任务而不新建。不填时,同一用户一分钟内对同一组织、期间、格式的重复请求返回原任务',
  })
  idempotencyKey?: string | null;
}

@ArgsType()
export class ExportListArgs extends PageArgs {
  @Field({ description: '组织代码' })
  orgCode: string;
}

@InputType({ description: '新建定时导出计划' })
export class CreateExportScheduleInput {
  @Field({ description: '组织代码' })
  orgCode: string;

  @Field({ description: 'cron 表达式,5 个字段:分 时 日 月 周;如每月1日2点 "0 2 1 * *",每年1月1日3点 "0 3 1 1 *"' })
  cron: string;

  @Field({ defaultValue: 'Asia/Shanghai', description: '时区(IANA 名称)' })
  timeZone: string;

  @Field(() => ExportPeriodRule, { description: '每次运行导出的期间' })
  periodRule: ExportPeriodRule;

  @Field(() => [ExportFormat], { description: '每次运行生成的文件格式(至少一种,重复的只算一次)' })
  formats: ExportFormat[];

  @Field(() => FigureState, { defaultValue: FigureState.LIVE, description: '口径:LIVE 实时数(默认);APPROVED 审核数(只计已审核报表上报时的数字,年终对外公布用)' })
  figureState: FigureState;
}
