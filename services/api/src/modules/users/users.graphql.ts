import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { canRead } from '@ggw/authz';
import { register } from '../../common/enums';
import { Connection, Page, PageArgs, pageSize } from '../../common/pagination';
import { DateTimeScalar } from '../../common/scalars';
import { RequestContext } from '../../context';
import { OrgRecord } from '../org/org.record';
import { OrgObject } from '../org/org.type';
import * as users from './users.service';
import { UserRecord } from './users.service';

export enum RoleName {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  VIEWER = 'VIEWER',
}
register(RoleName, 'Role', '角色', { ADMIN: '管理员', EDITOR: '录入员', VIEWER: '查看员' });

@ObjectType('RoleGrant', { description: '用户在某个组织的角色(该组织及其所有下级都在其权限范围内)' })
export class RoleGrantObject {
  @Field(() => RoleName, { description: '角色' })
  role: RoleName;

  @Field(() => OrgObject, { description: '角色所在的组织' })
  org: OrgRecord;
}

@ObjectType('User', { description: '用户' })
export class UserObject {
  @Field(() => ID, { description: '用户 id' })
  id: string;

  @Field({ description: '用户名' })
  username: string;

  @Field({ description: '显示名' })
  displayName: string;

  @Field(() => String, { nullable: true, description: '手机号' })
  phone: string | null;

  @Field({ description: '是否已停用(停用的账号不能登录,已有的登录立即失效)' })
  disabled: boolean;

  @Field({ description: '是否已设置密码(激活);新建或重置密码后、用链接设置之前为 false' })
  activated: boolean;

  @Field(() => DateTimeScalar, { description: '创建时间' })
  createdAt: string;
}

@ObjectType('PasswordLink', { description: '一次性设置密码的链接令牌(激活新账号或重置密码),72 小时内有效,只显示这一次' })
class PasswordLinkObject {
  @Field({ description: '令牌:交给用户,用户以 mutation activateAccount(token, password) 设置密码' })
  token: string;

  @Field(() => DateTimeScalar, { description: '过期时间' })
  expiresAt: string;
}

@ObjectType('UserWithLink', { description: '新建或重置密码的用户,及其一次性设置密码的链接令牌' })
class UserWithLinkObject {
  @Field(() => UserObject, { description: '用户' })
  user: UserRecord;

  @Field(() => PasswordLinkObject, { description: '设置密码的链接令牌(只显示这一次)' })
  link: users.PasswordLink;
}

const UserConnection = Connection(UserObject, 'User', '用户列表');

@Resolver(() => UserObject)
export class UserResolver {
  @FieldResolver(() => OrgObject, { nullable: true, description: '账号所属组织(该组织及上级的管理员管理这个账号);看不到该组织时为空' })
  async homeOrg(@Root() user: UserRecord, @Ctx() ctx: RequestContext): Promise<OrgRecord | null> {
    const viewer = await ctx.viewer();
    const org = user.homeOrgId ? await ctx.loaders.orgById.load(user.homeOrgId) : null;
    return org && viewer && canRead(viewer, org.path) ? org : null;
  }

  @FieldResolver(() => [RoleGrantObject], { description: '用户的角色(只列出当前用户能看到的组织里的角色)' })
  async roles(@Root() user: UserRecord, @Ctx() ctx: RequestContext): Promise<RoleGrantObject[]> {
    const viewer = await ctx.viewer();
    const roles = await ctx.loaders.rolesOfUser.load(user.id);
    return roles.filter((r) => viewer && canRead(viewer, r.org.path)).map((r) => ({ role: r.role as RoleName, org: r.org }));
  }

  @Query(() => UserConnection, { description: '某组织及其下级的用户(账号属于这里或在这里有角色),按用户名排序;只有该组织或上级的管理员可查' })
  users(
    @Arg('orgCode', { description: '组织代码' }) orgCode: string,
    @Arg('search', () => String, { nullable: true, description: '按用户名或姓名查找' }) search: string | null,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<UserRecord>> {
    return users.listUsers(ctx, orgCode, search ?? null, pageSize(page.first), page.after ?? null);
  }

  @Query(() => UserObject, { description: '一个用户(自己,或账号属于、角色在自己管辖范围内的用户);看不到时为 NOT_FOUND' })
  user(@Arg('id', () => ID, { description: '用户 id' }) id: string, @Ctx() ctx: RequestContext): Promise<UserRecord> {
    return users.findUser(ctx, id);
  }

  @Mutation(() => UserWithLinkObject, { description: '新建用户,账号属于 orgCode(需是该组织或上级的管理员);返回一次性激活令牌,用户以它设置密码' })
  createUser(
    @Arg('orgCode', { description: '账号所属组织的代码' }) orgCode: string,
    @Arg('username', { description: '用户名:3–50 个小写字母、数字或 . _ -' }) username: string,
    @Arg('displayName', { description: '姓名(显示名)' }) displayName: string,
    @Arg('phone', () => String, { nullable: true, description: '手机号' }) phone: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return users.createUser(ctx, ctx.auth.tokens, { orgCode, username, displayName, phone });
  }

  @Mutation(() => UserObject, { description: '在 orgCode 授予用户角色(需是该组织或上级的管理员;已有则不变)' })
  grantRole(
    @Arg('userId', () => ID, { description: '用户 id' }) userId: string,
    @Arg('orgCode', { description: '组织代码' }) orgCode: string,
    @Arg('role', () => RoleName, { description: '角色' }) role: RoleName,
    @Ctx() ctx: RequestContext,
  ) {
    return users.grantRole(ctx, userId, orgCode, role);
  }

  @Mutation(() => UserObject, { description: '收回用户在 orgCode 的角色;该用户已有的登录立即失效' })
  revokeRole(
    @Arg('userId', () => ID, { description: '用户 id' }) userId: string,
    @Arg('orgCode', { description: '组织代码' }) orgCode: string,
    @Arg('role', () => RoleName, { description: '角色' }) role: RoleName,
    @Arg('reason', () => String, { nullable: true, description: '原因(记入操作记录)' }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return users.revokeRole(ctx, userId, orgCode, role, reason);
  }

  @Mutation(() => UserWithLinkObject, { description: '重置密码:原密码作废、已有登录失效,返回新的一次性链接令牌(账号所属组织或上级的管理员)' })
  resetPassword(@Arg('userId', () => ID, { description: '用户 id' }) userId: string, @Ctx() ctx: RequestContext) {
    return users.resetPassword(ctx, ctx.auth.tokens, userId);
  }

  @Mutation(() => UserObject, { description: '停用账号:不能再登录,已有登录立即失效(账号所属组织或上级的管理员;不能停用自己)' })
  disableUser(
    @Arg('userId', () => ID, { description: '用户 id' }) userId: string,
    @Arg('reason', () => String, { nullable: true, description: '原因(记入操作记录)' }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return users.setDisabled(ctx, userId, true, reason);
  }

  @Mutation(() => UserObject, { description: '重新启用停用的账号' })
  enableUser(@Arg('userId', () => ID, { description: '用户 id' }) userId: string, @Ctx() ctx: RequestContext) {
    return users.setDisabled(ctx, userId, false, null);
  }
}

/** The mutations of this module that need a signed-in viewer (the gate's list). */
export const USER_ADMIN_MUTATIONS = ['createUser', 'grantRole', 'revokeRole', 'resetPassword', 'disableUser', 'enableUser', 'changePassword'] as const;
export const USER_QUERIES = ['users', 'user'] as const;
