import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from 'type-graphql';
import { maySeePersonalData } from '@ggw/authz';
import { maskName, maskPhone, parsePeriod } from '@ggw/domain';
import { Page, PageArgs, pageSize } from '../../common/pagination';
import { RequestContext } from '../../context';
import { OrgRecord } from '../org/org.record';
import { OrgObject } from '../org/org.type';
import { RecordKindName, RecordRow } from './records.loaders';
import {
  ActivityConnection, ArticleConnection, AssessmentConnection, AssistancePairConnection, DonationConnection,
  VolunteerConnection,
} from './records.type';

@ArgsType()
export class RecordListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '期间:年 2020、季度 2020Q3 或月份 2020-06;不填为全部' })
  period?: string | null;

  @Field({ defaultValue: false, description: '为 true 时包含所有下级组织的记录,否则只含本组织自己的' })
  subtree: boolean;
}

async function list(ctx: RequestContext, kind: RecordKindName, org: OrgRecord, args: RecordListArgs) {
  const period = args.period === null || args.period === undefined ? null : parsePeriod(args.period);
  return ctx.loaders.records[kind](org, { period, subtree: args.subtree, size: pageSize(args.first), after: args.after ?? null });
}

/**
 * Personal data is shown in full only to viewers holding a role at the record's org or the org
 * directly above it; everyone else gets it masked.
 */
async function maskPeople(ctx: RequestContext, page: Page<RecordRow>, nameFields: string[], phoneFields: string[] = []): Promise<Page<RecordRow>> {
  const viewer = await ctx.viewer();
  const orgs = await ctx.loaders.orgById.loadMany([...new Set(page.nodes.map((r) => r.orgId))]);
  const parentOf = new Map(orgs.flatMap((o) => (o && !(o instanceof Error) ? [[o.id, o.parentId] as const] : [])));
  // copies: the loader's cached rows stay as read
  page.nodes = page.nodes.map((row) => {
    if (maySeePersonalData(viewer, row.orgId, parentOf.get(row.orgId) ?? null)) return row;
    const masked = { ...row };
    for (const f of nameFields) if (typeof row[f] === 'string') masked[f] = maskName(row[f]);
    for (const f of phoneFields) if (typeof row[f] === 'string') masked[f] = maskPhone(row[f]);
    return masked;
  });
  return page;
}

@Resolver(() => OrgObject)
export class OrgRecordsResolver {
  @FieldResolver(() => VolunteerConnection, { description: '五老志愿者名册(期间内在队的),最近加入的在前' })
  async volunteers(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext) {
    return maskPeople(ctx, await list(ctx, 'volunteer', org, args), ['name'], ['phone']);
  }

  @FieldResolver(() => ActivityConnection, { description: '活动记录(期间内举办的),最近的在前' })
  activities(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext) {
    return list(ctx, 'activity', org, args);
  }

  @FieldResolver(() => AssistancePairConnection, { description: '结对帮扶(期间内在帮扶的),最近结对的在前' })
  async pairs(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext) {
    return maskPeople(ctx, await list(ctx, 'pair', org, args), ['volunteerName', 'beneficiaryName']);
  }

  @FieldResolver(() => DonationConnection, { description: '捐款捐物(期间内接收的),最近的在前' })
  donations(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext) {
    return list(ctx, 'donation', org, args);
  }

  @FieldResolver(() => AssessmentConnection, { description: '"五好"评定各项结果(期间所在年度的),最近年度在前' })
  assessments(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext) {
    return list(ctx, 'assessment', org, args);
  }

  @FieldResolver(() => ArticleConnection, { description: '宣传稿件(期间内报送的),最近的在前' })
  articles(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext) {
    return list(ctx, 'article', org, args);
  }
}
