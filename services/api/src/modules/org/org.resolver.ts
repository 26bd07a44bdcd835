import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { rollupsAskedWith } from '../rollup/rollup.service';
import { recordsAskedWith } from '../records/records.resolver';
import { pageSize } from '../../common/pagination';
import { RequestContext } from '../../context';
import { findOrg, listOrgs, subtreeAskedWith } from './org.service';
import { OrgRecord } from './org.record';
import { OrgFilterArgs, OrgLookupArgs, OrgPageArgs, OrgSearchArgs } from './org.input';
import { OrgConnection, OrgObject, OrgRefObject } from './org.type';
import { canRead } from '@ggw/authz';

@Resolver(() => OrgObject)
export class OrgResolver {
  @Query(() => OrgObject, { description: '按 id 或代码查一个组织;不存在时返回 NOT_FOUND 错误' })
  async org(@Args() args: OrgLookupArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<OrgRecord> {
    // its roll-ups, its tree and its record lists are asked for in the same round trip as the org itself
    const byCode = args.code !== null && args.code !== undefined && (args.id === null || args.id === undefined);
    const ahead = byCode ? [rollupsAskedWith(ctx, info, args.code!), subtreeAskedWith(ctx, info, args.code!), recordsAskedWith(ctx, info, args.code!)] : [];
    const org = await findOrg(ctx, args);
    for (const asked of ahead) await asked.answer(org);
    return org;
  }

  @Query(() => OrgConnection, { description: '组织列表:按名称或代码搜索,按层级、类型筛选,按树的先序分页' })
  orgs(@Args() args: OrgSearchArgs, @Ctx() ctx: RequestContext) {
    return listOrgs(ctx, { ...args, size: pageSize(args.first) });
  }

  @FieldResolver(() => OrgObject, { nullable: true, description: '上级组织;根组织或上级不在查看范围内时为空(面包屑用 ancestors)' })
  async parent(@Root() org: OrgRecord, @Ctx() ctx: RequestContext): Promise<OrgRecord | null> {
    const parent = org.parentId ? await ctx.loaders.orgById.load(org.parentId) : null;
    const viewer = await ctx.viewer();
    return parent && viewer && canRead(viewer, parent.path) ? parent : null;
  }

  @FieldResolver(() => [OrgObject], { description: '直接下级组织,按代码排序;可按层级、类型筛选' })
  async children(@Root() org: OrgRecord, @Args() filter: OrgFilterArgs, @Ctx() ctx: RequestContext): Promise<OrgRecord[]> {
    const children = await ctx.loaders.childrenByParentId.load(org.id);
    return children.filter((c) => (!filter.level || c.level === filter.level) && (!filter.type || c.type === filter.type));
  }

  @FieldResolver(() => [OrgRefObject], { description: '所有上级组织的名称与代码,从根开始,不含本组织(面包屑导航)' })
  async ancestors(@Root() org: OrgRecord, @Ctx() ctx: RequestContext): Promise<Array<Pick<OrgRecord, 'code' | 'name' | 'level'>>> {
    // only what a breadcrumb needs: an ancestor's other data is not the viewer's to see
    return (await ctx.loaders.ancestorsByPath.load(org.path)).map(({ code, name, level }) => ({ code, name, level }));
  }

  @FieldResolver(() => OrgConnection, { description: '本组织之下的所有组织(不含本组织),按树的先序分页;可按层级、类型筛选' })
  descendants(@Root() org: OrgRecord, @Args() args: OrgPageArgs, @Ctx() ctx: RequestContext) {
    return listOrgs(ctx, { ...args, under: org, size: pageSize(args.first) });
  }
}
