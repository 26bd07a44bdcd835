import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { register } from '../../common/enums';
import { BadUserInputError, NotFoundError, UnauthenticatedError } from '@ggw/domain';
import { OrgRecord } from '../org/org.record';
import { OrgObject } from '../org/org.type';
import { RequestContext } from '../../context';
import { DateTimeScalar } from '../../common/scalars';

/** Longer is no username or password of ours; refused before any work (argon2 on a megabyte is a cheap attack). */
const MAX_USERNAME = 64;
const MAX_PASSWORD = 256;

@ObjectType({ description: '登录结果' })
export class LoginResult {
  @Field({ description: '访问令牌;之后的请求放在 Authorization: Bearer <令牌> 中' })
  token: string;

  @Field(() => DateTimeScalar, { description: '令牌过期时间' })
  expiresAt: string;
}

@ObjectType('User', { description: '用户' })
class UserObject {
  @Field(() => ID, { description: '用户 id' })
  id: string;

  @Field({ description: '用户名' })
  username: string;

  @Field({ description: '显示名' })
  displayName: string;
}

enum RoleName {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  VIEWER = 'VIEWER',
}
register(RoleName, 'Role', '角色', { ADMIN: '管理员', EDITOR: '录入员', VIEWER: '查看员' });

@ObjectType('RoleGrant', { description: '用户在某个组织的角色(该组织及其所有下级都在其权限范围内)' })
class RoleGrantObject {
  @Field(() => RoleName, { description: '角色' })
  role: RoleName;

  @Field(() => OrgObject, { description: '角色所在的组织' })
  org: OrgRecord;
}

@ObjectType('Me', { description: '当前登录的用户与其角色' })
class MeObject {
  @Field(() => UserObject, { description: '用户' })
  user: UserObject;

  @Field(() => [RoleGrantObject], { description: '角色,按组织层级从高到低' })
  roles: RoleGrantObject[];
}

@Resolver()
export class AuthResolver {
  @Query(() => MeObject, { description: '当前登录的用户是谁、在哪些组织有什么角色(前端据此决定显示哪些页面)' })
  async me(@Ctx() ctx: RequestContext): Promise<MeObject> {
    const viewer = await ctx.viewer();
    if (!viewer) throw new UnauthenticatedError('请先登录');
    const [user] = await ctx.session.query<UserObject>(
      `SELECT id, username, display_name AS "displayName" FROM app_user WHERE id = $1`, [viewer.userId]);
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
    const userId = await ctx.auth.logins.attempt(username, password, ctx.clientAddress);
    const issued = await ctx.auth.tokens.issue(userId);
    return { token: issued.token, expiresAt: issued.expiresAt.toISOString() };
  }
}
