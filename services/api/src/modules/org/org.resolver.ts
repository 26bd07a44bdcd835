import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { pageSize } from '../../common/pagination';
import { RequestContext } from '../../context';
import { findOrg, listOrgs } from './org.service';
import { OrgRecord } from './org.record';
import { OrgFilterArgs, OrgLookupArgs, OrgPageArgs, OrgSearchArgs } from './org.input';
import { OrgConnection, OrgObject } from './org.type';

@Resolver(() => OrgObject)
export class OrgResolver {
  @Query(() => OrgObject, { description: '按 id 或代码查一个组织;不存在时返回 NOT_FOUND 错误' })
  org(@Args() args: OrgLookupArgs, @Ctx() ctx: RequestContext): Promise<OrgRecord> {
    return findOrg(ctx, args);
  }

  @Query(() => OrgConnection, { description: '组织列表:按名称或代码搜索,按层级、类型筛选,按树的先序分页' })
  orgs(@Args() args: OrgSearchArgs, @Ctx() ctx: RequestContext) {
    return listOrgs(ctx, { ...args, size: pageSize(args.first) });
  }

  @FieldResolver(() => OrgObject, { nullable: true, description: '上级组织;根组织为空' })
  parent(@Root() org: OrgRecord, @Ctx() ctx: RequestContext): Promise<OrgRecord | null> {
    return org.parentId ? ctx.loaders.orgById.load(org.parentId) : Promise.resolve(null);
  }

  @FieldResolver(() => [OrgObject], { description: '直接下级组织,按代码排序;可按层级、类型筛选' })
  async children(@Root() org: OrgRecord, @Args() filter: OrgFilterArgs, @Ctx() ctx: RequestContext): Promise<OrgRecord[]> {
    const children = await ctx.loaders.childrenByParentId.load(org.id);
    return children.filter((c) => (!filter.level || c.level === filter.level) && (!filter.type || c.type === filter.type));
  }

  @FieldResolver(() => [OrgObject], { description: '所有上级组织,从根开始,不含本组织(用于面包屑导航)' })
  ancestors(@Root() org: OrgRecord, @Ctx() ctx: RequestContext): Promise<OrgRecord[]> {
    return ctx.loaders.ancestorsByPath.load(org.path);
  }

  @FieldResolver(() => OrgConnection, { description: '本组织之下的所有组织(不含本组织),按树的先序分页;可按层级、类型筛选' })
  descendants(@Root() org: OrgRecord, @Args() args: OrgPageArgs, @Ctx() ctx: RequestContext) {
    return listOrgs(ctx, { ...args, under: org, size: pageSize(args.first) });
  }
}
