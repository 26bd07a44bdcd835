import { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { maySeePersonalData } from '@ggw/authz';
import { maskName, maskNamesInText, maskPhone, parsePeriod } from '@ggw/domain';
import { Page, PageArgs, pageSize } from '../../common/pagination';
import { selectsField } from '../../common/selection';
import { RequestContext } from '../../context';
import { OrgRecord } from '../org/org.record';
import { OrgObject } from '../org/org.type';
import { PersonalFields, RECORD_KINDS, RecordKindName, RecordRow } from './records.loaders';
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

/** A page of the org's records of `kind`, with personal data masked by the registry's rule for the kind. */
async function list(ctx: RequestContext, kind: RecordKindName, org: OrgRecord, args: RecordListArgs, info: GraphQLResolveInfo) {
  const period = args.period === null || args.period === undefined ? null : parsePeriod(args.period);
  const page = await ctx.loaders.records[kind](org, { period, subtree: args.subtree, size: pageSize(args.first), after: args.after ?? null });
  const personal: PersonalFields | undefined = RECORD_KINDS[kind].personal;
  return personal ? maskPeople(ctx, page, personal, info) : page;
}

/**
 * Personal data is shown in full only to viewers holding a role at the record's org or the org
 * directly above it; everyone else gets it masked, also where a registered person's name
 * appears inside free text.
 */
async function maskPeople(ctx: RequestContext, page: Page<RecordRow>, fields: PersonalFields, info: GraphQLResolveInfo): Promise<Page<RecordRow>> {
  if (!selectsField(info, 'nodes')) return page; // a count alone shows nobody
  const viewer = await ctx.viewer();
  const orgs = await ctx.loaders.orgById.loadMany([...new Set(page.nodes.map((r) => r.orgId))]);
  const orgOf = new Map(orgs.flatMap((o) => (o && !(o instanceof Error) ? [[o.id, o] as const] : [])));
  const masked = page.nodes.filter((row) => !maySeePersonalData(viewer, row.orgId, orgOf.get(row.orgId)?.parentId ?? null));
  if (!masked.length) return page;
  const namesOf = new Map<string, string[]>();
  if (fields.texts?.length) {
    const keys = [...new Set(masked.map((r) => `${orgOf.get(r.orgId)?.tenantId}:${r.orgId}`))];
    const names = await ctx.loaders.peopleNames.loadMany(keys);
    keys.forEach((k, i) => namesOf.set(k.split(':')[1], Array.isArray(names[i]) ? names[i] : []));
  }
  const hidden = new Set(masked);
  // copies: the loader's cached rows stay as read
  page.nodes = page.nodes.map((row) => {
    if (!hidden.has(row)) return row;
    const copy = { ...row };
    const personal = fields.applies?.(row) ?? true;
    for (const f of personal ? fields.names ?? [] : []) if (typeof row[f] === 'string') copy[f] = maskName(row[f]);
    for (const f of personal ? fields.phones ?? [] : []) if (typeof row[f] === 'string') copy[f] = maskPhone(row[f]);
    for (const f of fields.texts ?? []) if (typeof row[f] === 'string') copy[f] = maskNamesInText(row[f], namesOf.get(row.orgId) ?? []);
    return copy;
  });
  return page;
}

@Resolver(() => OrgObject)
export class OrgRecordsResolver {
  @FieldResolver(() => VolunteerConnection, { description: '五老志愿者名册:给出期间时为本期末在册的(期末前加入且期末时未退出),与汇总指标 volunteerCount 所计的人完全一致;最近加入的在前' })
  volunteers(@Root() org: OrgRecord, @Args() args: RecordListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return list(ctx, 'volunteer', org, args, info);
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
}
