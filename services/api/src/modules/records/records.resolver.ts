import { getNamedType, GraphQLResolveInfo, isObjectType } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { Args, ArgsType, Ctx, Field, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { parsePeriod } from '@ggw/domain';
import { PageArgs, pageSize } from '../../common/pagination';
import { fieldsWrittenIn, selectsField } from '../../common/selection';
import { PeriodScalar } from '../../common/scalars';
import { RequestContext } from '../../context';
import { OrgRecord } from '../org/org.record';
import { OrgObject } from '../org/org.type';
import { RECORD_KINDS, RecordKindName } from './records.loaders';
import { maskRecords } from './records.masking';
import {
  ActivityConnection, ArticleConnection, AssessmentConnection, AssistancePairConnection, BeneficiaryConnection, DisbursementConnection,
  DonationConnection, GuaranteeConnection, PlanTargetConnection, ReportedFigureConnection, VolunteerConnection,
} from './records.type';

@ArgsType()
export class RecordListArgs extends PageArgs {
  @Field(() => PeriodScalar, { nullable: true, description: '期间:年 2020、季度 2020Q3 或月份 2020-06;不填为全部' })
  period?: string | null;

  @Field({ defaultValue: false, description: '为 true 时包含所有下级组织的记录,否则只含本组织自己的' })
  subtree: boolean;
}

/** The org's list fields, by the kind of record each lists. */
const LIST_FIELDS: Readonly<Record<string, RecordKindName>> = {
  volunteers: 'volunteer', beneficiaries: 'beneficiary', disbursements: 'disbursement', activities: 'activity', pairs: 'pair', donations: 'donation',
  assessments: 'assessment', articles: 'article', guarantees: 'guarantee', planTargets: 'planTarget', reportedFigures: 'reportedFigure',
};

/**
 * The first pages of the record lists an `org(code:)` query selects directly on the org, asked
 * for in the same round trip as the org itself (by its code; see `aheadByCode`). A list whose
 * arguments cannot be worked out here (a bad period, a cursor) is simply not asked ahead: it
 * then asks for itself, and reports its own errors.
 */
export function recordsAskedWith(ctx: RequestContext, info: GraphQLResolveInfo, code: string): { answer(org: OrgRecord): Promise<void> } {
  const orgType = getNamedType(info.returnType);
  if (!isObjectType(orgType)) return { answer: async () => undefined };
  const asked: Array<{ answer(org: OrgRecord): Promise<void> }> = [];
  for (const s of fieldsWrittenIn(info.fieldNodes)) {
    const kind = LIST_FIELDS[s.name.value];
    const field = kind ? orgType.getFields()[s.name.value] : undefined;
    if (!kind || !field) continue;
    try {
      const args = getArgumentValues(field, s, info.variableValues);
      if (args.after !== null && args.after !== undefined) continue;
      const period = args.period === null || args.period === undefined ? null : parsePeriod(args.period as string);
      asked.push(ctx.loaders.records(kind).aheadByCode(code, { period, subtree: args.subtree === true, size: pageSize(args.first as number | undefined), after: null }));
    } catch {
      // not asked ahead
    }
  }
  return {
    async answer(org) {
      for (const a of asked) await a.answer(org);
    },
  };
}

/** A page of the org's records of `kind`, with personal data masked by the registry's rule for the kind. */
async function list(ctx: RequestContext, kind: RecordKindName, org: OrgRecord, args: RecordListArgs, info: GraphQLResolveInfo) {
  const period = args.period === null || args.period === undefined ? null : parsePeriod(args.period);
  const page = await ctx.loaders.records(kind)(org, { period, subtree: args.subtree, size: pageSize(args.first), after: args.after ?? null });
  // a count alone shows nobody; the nodes and the edges (made from the nodes) are masked alike
  if (selectsField(info, 'nodes') || selectsField(info, 'edges')) page.nodes = await maskRecords(ctx, page.nodes, RECORD_KINDS[kind].personal);
  return page;
}

@Resolver(() => OrgObject)
export class OrgRecordsResolver {
  @FieldResolver(() => VolunteerConnection, { description: '五老志愿者名册:给出期间时为本期末在册的(期末前加入且期末时未退出),与汇总指标 volunteerCount 所计的人完全一致;最近加入的在前' })
  volunteers(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return list(ctx, 'volunteer', org, args, info);
  }

  @FieldResolver(() => BeneficiaryConnection, { description: '帮扶对象名册(不分期间;身份证号从不列出)' })
  beneficiaries(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return list(ctx, 'beneficiary', org, args, info);
  }

  @FieldResolver(() => DisbursementConnection, { description: '支出记录:给出期间时为本期内支付的,金额之和即 disbursementTotal;最近的在前' })
  disbursements(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return list(ctx, 'disbursement', org, args, info);
  }

  @FieldResolver(() => ActivityConnection, { description: '活动记录:给出期间时为本期内举办的,与 activityCount 所计一致;最近的在前' })
  activities(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return list(ctx, 'activity', org, args, info);
  }

  @FieldResolver(() => AssistancePairConnection, { description: '结对帮扶:给出期间时为本期内任一时间处于帮扶中的(期末前结对、期初当天或之后才结束),与 pairCount 所计一致;最近结对的在前' })
  pairs(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return list(ctx, 'pair', org, args, info);
  }

  @FieldResolver(() => DonationConnection, { description: '捐款捐物:给出期间时为本期内接收的,金额之和即 donationTotal;最近的在前' })
  donations(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return list(ctx, 'donation', org, args, info);
  }

  @FieldResolver(() => AssessmentConnection, { description: '"五好"评定各项结果:给出期间时为期间所在年度的;最近年度在前' })
  assessments(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return list(ctx, 'assessment', org, args, info);
  }

  @FieldResolver(() => ArticleConnection, { description: '宣传稿件:给出期间时为本期内报送的,与 articleCount 所计一致;最近的在前' })
  articles(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return list(ctx, 'article', org, args, info);
  }

  @FieldResolver(() => GuaranteeConnection, { description: '"四有"保障:给出期间时为期间所在年度的;最近年度在前' })
  guarantees(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return list(ctx, 'guarantee', org, args, info);
  }

  @FieldResolver(() => PlanTargetConnection, { description: '工作计划目标(不分期间);最近年度在前' })
  planTargets(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return list(ctx, 'planTarget', org, args, info);
  }

  @FieldResolver(() => ReportedFigureConnection, { description: '已公布的数字(不分期间)' })
  reportedFigures(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return list(ctx, 'reportedFigure', org, args, info);
  }
}
