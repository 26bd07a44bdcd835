import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { UnauthenticatedError, RateLimitedError } from '@ggw/domain';
import { verifyLogin } from '@ggw/authz';
import { RequestContext } from '../../context';

@ObjectType({ description: '登录结果' })
export class LoginResult {
  @Field({ description: '访问令牌;之后的请求放在 Authorization: Bearer <令牌> 中' })
  token: string;

  @Field({ description: '令牌过期时间(ISO 8601)' })
  expiresAt: string;
}

const BAD_LOGIN = '用户名或密码错误';

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginResult, { description: '用户名和密码登录,换取访问令牌;错误时返回 UNAUTHENTICATED,连续失败会被暂时限制' })
  async login(
    @Arg('username', { description: '用户名' }) username: string,
    @Arg('password', { description: '密码' }) password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginResult> {
    const name = username.trim().toLowerCase();
    const { throttle, tokens } = ctx.auth;
    const wait = throttle.retryAfter(name, ctx.clientAddress);
    if (wait > 0) throw new RateLimitedError(`登录失败次数过多,请 ${wait} 秒后再试`, { retryAfterSeconds: wait });
    const [user] = await ctx.session.query<{ id: string; password_hash: string }>(
      'SELECT id, password_hash FROM app_user WHERE username = $1 AND NOT disabled',
      [name],
    );
    // the same argon2 work whether or not the user exists
    if (!(await verifyLogin(user?.password_hash ?? null, password)) || !user) {
      throttle.fail(name, ctx.clientAddress);
      throw new UnauthenticatedError(BAD_LOGIN);
    }
    throttle.succeed(name, ctx.clientAddress);
    const issued = await tokens.issue(user.id);
    return { token: issued.token, expiresAt: issued.expiresAt.toISOString() };
  }
}
