import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Metric, METRICS } from '@ggw/rollup';
import { Connection } from '../../common/pagination';
import { DecimalScalar } from '../../common/scalars';
import { OrgObject } from '../org/org.type';

const UNIT_TEXT: Record<Metric['unit'], string> = {
  个: '个', 人: '人', 元: '元', 次: '次', 场: '场', 人次: '人次', 篇: '篇', 对: '对', 比率: '比率,0 到 1 的小数',
};

/**
 * The figure keys of the catalogue as a GraphQL enum (`FigureKey`): `figures(keys:)` and
 * `sortBy` take them, so a typo fails when a client is built, not when it runs. The values are
 * the Rollup's field names.
 */
export const FigureKey: Record<string, string> = Object.fromEntries(METRICS.map((m) => [m.key, m.key]));
registerEnumType(FigureKey, {
  name: 'FigureKey',
  description: '汇总指标代码(与 Rollup 上的字段同名)',
  valuesConfig: Object.fromEntries(METRICS.map((m) => [m.key, { description: `${m.label}(${m.unit})` }])),
});

/** Counts are integers; money, rates and differences are not. */
const isInteger = (m: Metric) => m.kind === 'sum' && m.unit !== '元';

@ObjectType({ description: '一个指标的值,带上年同期值与变化(用于通用表格和导出)' })
export class Figure {
  @Field({ description: '指标代码(同 Rollup 上的字段名)' })
  key: string;

  @Field({ description: '指标名称' })
  label: string;

  @Field({ description: '单位' })
  unit: string;

  @Field({ description: '指标定义' })
  definition: string;

  @Field(() => Float, { nullable: true, description: '本期值;比率的分母为 0 时为空' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: '上年同期值' })
  previousValue: number | null;

  @Field(() => Float, { nullable: true, description: '比上年变化:比率以百分点计,其余以本单位计' })
  change: number | null;

  @Field({ description: '变化的单位(百分点,或与指标相同)' })
  changeUnit: string;
}

@ObjectType('Rollup', { description: '一个组织在一个期间的汇总指标:本级及所有下级的记录之和,比率为合计后再相除' })
export class RollupObject {
  @Field(() => ID, { description: '标识:组织与期间(供客户端缓存)' })
  id: string;

  @Field(() => OrgObject, { description: '汇总的组织' })
  org: OrgObject;

  @Field({ description: '期间,如 2020、2020Q3、2020-06' })
  period: string;

  @Field(() => RollupObject, { nullable: true, description: '上年同期的汇总(其本身不再带上年),按可比口径:以本期期末本组织下的组织计算,组织调整(如撤乡并镇)后为各前身之和' })
  previousYear: RollupObject | null;

  @Field(() => RollupChange, { nullable: true, description: '比上年同期的变化:比率以百分点计,其余以本单位计' })
  change: RollupChange | null;

  /** resolved by `figures(keys:)` (RollupFiguresResolver) */
  figures: Figure[];
}

@ObjectType('RollupChange', { description: '各指标比上年同期的变化:比率以百分点计(如 8 表示提高 8 个百分点),其余以本单位计' })
export class RollupChange {}

// One field per metric of the catalogue, on both types: the catalogue is the only place a figure is declared.
// Sums and differences always have a value (0 when nothing counts); only a rate can be
// undefined, when its denominator is 0, and only rates are nullable.
for (const m of METRICS) {
  Field(() => (isInteger(m) ? Int : m.unit === '元' ? DecimalScalar : Float), {
    nullable: m.kind === 'ratio',
    description: `${m.label}(${UNIT_TEXT[m.unit]}):${m.definition}${m.kind === 'ratio' ? ';分母为 0 时为空' : ''}`,
  })(RollupObject.prototype, m.key);
  Field(() => (m.unit === '元' ? DecimalScalar : Float), {
    nullable: true,
    description: `${m.label}比上年的变化(${m.unit === '比率' ? '百分点' : m.unit})`,
  })(RollupChange.prototype, m.key);
}

@ObjectType({ description: '下级单位汇总表:本组织合计与每个直接下级并列' })
export class RollupTable {
  @Field(() => RollupObject, { description: '本组织的合计' })
  total: RollupObject;

  @Field(() => [RollupObject], { description: '每个直接下级的汇总,按 sortBy 排序' })
  rows: RollupObject[];
}

export const RollupConnection = Connection(RollupObject, 'Rollup', '下级组织汇总的分页列表');

@ObjectType({ description: '手工公布的数字与系统计算值不一致之处' })
export class Discrepancy {
  @Field({ description: '指标代码' })
  metricKey: string;

  @Field({ description: '指标名称' })
  label: string;

  @Field({ description: '公布的值(比率为小数,如 0.29 表示 29%)' })
  reportedValue: string;

  @Field(() => Float, { nullable: true, description: '根据数据计算的值' })
  computedValue: number | null;

  @Field({ description: '公布值的出处' })
  source: string;
}

@ObjectType({ description: '工作计划目标与完成情况' })
export class PlanProgress {
  @Field({ description: '指标代码' })
  metricKey: string;

  @Field({ description: '指标名称' })
  label: string;

  @Field({ description: '目标说明' })
  description: string;

  @Field(() => Float, { description: '目标值' })
  target: number;

  @Field(() => Float, { nullable: true, description: '实际完成值(由数据计算)' })
  actual: number | null;

  @Field(() => Float, { nullable: true, description: '完成率:实际 ÷ 目标' })
  completion: number | null;
}
