import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { MAX_PASSWORD_LENGTH } from '@ggw/authz';
import { BadUserInputError, NotFoundError, UnauthenticatedError } from '@ggw/domain';
import { RoleGrantObject, RoleName, UserObject } from '../users/users.graphql';
import { changePassword, findUser, setPasswordByLink, UserRecord } from '../users/users.service';
import { RequestContext } from '../../context';
import { DateTimeScalar } from '../../common/scalars';

/** Longer is no username or password of ours; refused before any work (argon2 on a megabyte is a cheap attack). */
const MAX_USERNAME = 64;
const MAX_PASSWORD = MAX_PASSWORD_LENGTH;

@ObjectType({ description: '登录结果' })
export class LoginResult {
  @Field({ description: '访问令牌;之后的请求放在 Authorization: Bearer <令牌> 中' })
  token: string;

  @Field(() => DateTimeScalar, { description: '令牌过期时间' })
  expiresAt: string;
}

@ObjectType('Me', { description: '当前登录的用户与其角色' })
class MeObject {
  @Field(() => UserObject, { description: '用户' })
  user: UserRecord;

  @Field(() => [RoleGrantObject], { description: '角色,按组织层级从高到低' })
  roles: RoleGrantObject[];
}

@Resolver()
export class AuthResolver {
  @Query(() => MeObject, { description: '当前登录的用户是谁、在哪些组织有什么角色(前端据此决定显示哪些页面)' })
  async me(@Ctx() ctx: RequestContext): Promise<MeObject> {
    const viewer = await ctx.viewer();
    if (!viewer) throw new UnauthenticatedError('请先登录');
    const user = await findUser(ctx, viewer.userId);
    const orgs = await ctx.loaders.orgById.loadMany(viewer.roles.map((r) => r.orgId));
    const roles = viewer.roles.map((r, i) => {
      const org = orgs[i];
      if (!org || org instanceof Error) throw new NotFoundError('角色所在的组织不存在');
      return { role: r.role as RoleName, org };
    });
    return { user, roles: roles.sort((a, b) => a.org.path.split('.').length - b.org.path.split('.').length || a.org.path.localeCompare(b.org.path)) };
  }

  @Mutation(() => LoginResult, { description: '用户名和密码登录,换取访问令牌;错误时返回 UNAUTHENTICATED,连续失败会被暂时限制' })
  async login(
    @Arg('username', { description: '用户名' }) username: string,
    @Arg('password', { description: '密码' }) password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginResult> {
    if (username.length > MAX_USERNAME) throw new BadUserInputError(`用户名不能超过 ${MAX_USERNAME} 个字符`, 'username');
    if (password.length > MAX_PASSWORD) throw new BadUserInputError(`密码不能超过 ${MAX_PASSWORD} 个字符`, 'password');
    const issued = await ctx.auth.tokens.issue(await ctx.auth.logins.attempt(username, password, ctx.clientAddress));
    return { token: issued.token, expiresAt: issued.expiresAt.toISOString() };
  }

  @Mutation(() => LoginResult, { description: '用管理员给的一次性链接令牌设置密码(激活新账号,或重置后重设),并登录;链接用过即失效' })
  async activateAccount(
    @Arg('token', { description: '链接令牌' }) token: string,
    @Arg('password', { description: '新密码:至少 10 个字符,不含用户名,不是常见密码' }) password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginResult> {
    if (token.length > 2048) throw new BadUserInputError('链接令牌无效', 'token');
    if (password.length > MAX_PASSWORD) throw new BadUserInputError(`密码不能超过 ${MAX_PASSWORD} 个字符`, 'password');
    const issued = await ctx.auth.tokens.issue(await setPasswordByLink(ctx, ctx.auth.tokens, token, password));
    return { token: issued.token, expiresAt: issued.expiresAt.toISOString() };
  }

  @Mutation(() => LoginResult, { description: '修改自己的密码;其他已登录的地方立即失效,返回新的令牌' })
  async changePassword(
    @Arg('oldPassword', { description: '原密码' }) oldPassword: string,
    @Arg('newPassword', { description: '新密码:至少 10 个字符,不含用户名,不是常见密码' }) newPassword: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginResult> {
    if (oldPassword.length > MAX_PASSWORD) throw new BadUserInputError('原密码不正确', 'oldPassword');
    if (newPassword.length > MAX_PASSWORD) throw new BadUserInputError(`密码不能超过 ${MAX_PASSWORD} 个字符`, 'newPassword');
    const issued = await ctx.auth.tokens.issue(await changePassword(ctx, oldPassword, newPassword));
    return { token: issued.token, expiresAt: issued.expiresAt.toISOString() };
  }
}
