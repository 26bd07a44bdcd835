import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { FIGURE_STATE_LABELS, FigureState, OrgLevel, OrgType } from '@ggw/domain';
import { register } from '../../common/enums';
import { disagrees, metric, SUMMARY_METRICS, writeSummary } from '@ggw/rollup';
import { PageArgs, pageSize, toPage } from '../../common/pagination';
import { PeriodScalar } from '../../common/scalars';
import { RequestContext } from '../../context';
import { OrgRecord } from '../org/org.record';
import { countOrgs } from '../org/org.service';
import { OrgObject } from '../org/org.type';
import { figuresAsked } from '../../common/selection';
import { descendantsPage, loadRollups, periodArg, planTargets, reportedFigures, requireOne, RollupView, sortRows, SUMMARY_ASKED, tableAsked } from './rollup.service';
import { Discrepancy, Figure, FigureKey, PlanProgress, RollupConnection, RollupObject, RollupTable } from './rollup.type';

const PERIOD_DESCRIPTION = '期间:年 2020、季度 2020Q3 或月份 2020-06';
const STATE_DESCRIPTION = '哪种数:LIVE 按当前记录实时汇总(默认);APPROVED 只汇总已审核报表上报时冻结的数字(对外公布用)';

register(FigureState, 'FigureState', '汇总口径', FIGURE_STATE_LABELS);

const stateArg = () => Arg('state', () => FigureState, { defaultValue: FigureState.LIVE, description: STATE_DESCRIPTION });

@ArgsType()
class DescendantRollupArgs extends PageArgs {
  @Field(() => PeriodScalar, { description: PERIOD_DESCRIPTION })
  period: string;

  @Field(() => OrgLevel, { nullable: true, description: '只要该层级的组织(如 VILLAGE:所有村社区)' })
  level?: OrgLevel | null;

  @Field(() => OrgType, { nullable: true, description: '只要该类型的组织' })
  type?: OrgType | null;
}

@Resolver(() => OrgObject)
export class OrgRollupResolver {
  @FieldResolver(() => RollupObject, { description: '本组织(含所有下级)在该期间的汇总指标,带上年同期与变化' })
  async rollup(
    @Root() org: OrgRecord,
    @Arg('period', () => PeriodScalar, { description: PERIOD_DESCRIPTION }) period: string,
    @stateArg() state: FigureState,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const p = periodArg(period);
    return requireOne(await loadRollups(ctx, { kind: 'orgs', ids: [org.id] }, p, figuresAsked(info), state), org);
  }

  @FieldResolver(() => RollupTable, { description: '下级单位汇总表:本组织合计与每个直接下级并列(乡镇表、村表),可按任一指标排序' })
  async childRollups(
    @Root() org: OrgRecord,
    @Arg('period', () => PeriodScalar, { description: PERIOD_DESCRIPTION }) period: string,
    @Arg('sortBy', () => FigureKey, { nullable: true, description: '按该指标排序(如 fiveGoodRate);不填按代码' }) sortBy: string | null,
    @Arg('descending', { defaultValue: true, description: '为 true 时从大到小' }) descending: boolean,
    @stateArg() state: FigureState,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const p = periodArg(period);
    const asked = tableAsked(info, sortBy);
    const [total, rows] = await Promise.all([
      loadRollups(ctx, { kind: 'orgs', ids: [org.id] }, p, asked, state),
      loadRollups(ctx, { kind: 'children', parentId: org.id }, p, asked, state),
    ]);
    return { total: requireOne(total, org), rows: sortRows(rows, sortBy, descending) };
  }

  @FieldResolver(() => RollupConnection, { description: '任意深度下级的汇总(如县的所有村),按树的先序分页' })
  async descendantRollups(@Root() org: OrgRecord, @Args() args: DescendantRollupArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const p = periodArg(args.period);
    const size = pageSize(args.first);
    const afterPath = args.after !== null && args.after !== undefined ? ctx.cursors.decode(args.after, 'org', ['path'])[0] : null;
    const rows = await loadRollups(ctx, { kind: 'descendants', rootId: org.id, ...descendantsPage(args), afterPath }, p, figuresAsked(info));
    return toPage(rows, size, (r) => ctx.cursors.encode('org', [r.org.path]), () => countOrgs(ctx, { under: org, level: args.level, type: args.type }));
  }

  @FieldResolver(() => String, { description: '根据数据写成的年度工作总结数字段落(中文),含比上年变化' })
  async summary(
    @Root() org: OrgRecord,
    @Arg('period', () => PeriodScalar, { description: PERIOD_DESCRIPTION }) period: string,
    @stateArg() state: FigureState,
    @Ctx() ctx: RequestContext,
  ) {
    const p = periodArg(period);
    const view = requireOne(await loadRollups(ctx, { kind: 'orgs', ids: [org.id] }, p, SUMMARY_ASKED, state), org);
    const figures = (v: Record<string, unknown>) => Object.fromEntries(SUMMARY_METRICS.map((k) => [k, (v[k] as number | null | undefined) ?? null]));
    return writeSummary({ org, now: figures(view), before: figures(view.previousYear!) });
  }

  @FieldResolver(() => [Discrepancy], { description: '本组织手工公布的数字中与计算值不一致的(如“五老骨干占29%”,计算为32.0%)' })
  async discrepancies(@Root() org: OrgRecord, @Arg('period', () => PeriodScalar, { description: PERIOD_DESCRIPTION }) period: string, @Ctx() ctx: RequestContext) {
    const p = periodArg(period);
    const reported = await reportedFigures(ctx, org, p);
    if (reported.length === 0) return [];
    const view = requireOne(await loadRollups(ctx, { kind: 'orgs', ids: [org.id] }, p, { keys: reported.map((r) => r.metricKey), lastYear: false }), org);
    return reported
      .map((r) => ({ ...r, label: metric(r.metricKey).label, computedValue: (view[r.metricKey] as number | null | undefined) ?? null }))
      .filter((r) => disagrees(r.reportedValue, r.computedValue));
  }

  @FieldResolver(() => [PlanProgress], { description: '本组织该年度工作计划目标与实际完成情况' })
  async planProgress(@Root() org: OrgRecord, @Arg('year', () => Int, { description: '年度' }) year: number, @Ctx() ctx: RequestContext) {
    const p = periodArg(String(year));
    const targets = await planTargets(ctx, org, year);
    if (targets.length === 0) return [];
    const view = requireOne(await loadRollups(ctx, { kind: 'orgs', ids: [org.id] }, p, { keys: targets.map((t) => t.metricKey), lastYear: false }), org);
    return targets.map((t) => {
      const actual = (view[t.metricKey] as number | null | undefined) ?? null;
      return { ...t, label: metric(t.metricKey).label, actual, completion: actual === null || t.target === 0 ? null : actual / t.target };
    }) satisfies PlanProgress[];
  }
}

@Resolver(() => RollupObject)
export class RollupFiguresResolver {
  @FieldResolver(() => [Figure], { description: '指标列表,带名称、单位、上年值与变化(用于通用表格):给出 keys 时只含这些指标,按所给顺序;不给为全部指标' })
  figures(@Root() view: RollupView, @Arg('keys', () => [FigureKey], { nullable: true, description: '要哪些指标;只算、只传这些' }) keys: string[] | null) {
    return view.figures(keys ?? null);
  }
}
