import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { RequestContext } from '../../context';

@ObjectType({ description: '登录结果' })
export class LoginResult {
  @Field({ description: '访问令牌;之后的请求放在 Authorization: Bearer <令牌> 中' })
  token: string;

  @Field({ description: '令牌过期时间(ISO 8601)' })
  expiresAt: string;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginResult, { description: '用户名和密码登录,换取访问令牌;错误时返回 UNAUTHENTICATED,连续失败会被暂时限制' })
  async login(
    @Arg('username', { description: '用户名' }) username: string,
    @Arg('password', { description: '密码' }) password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginResult> {
    const userId = await ctx.auth.logins.attempt(username, password, ctx.clientAddress);
    const issued = await ctx.auth.tokens.issue(userId);
    return { token: issued.token, expiresAt: issued.expiresAt.toISOString() };
  }
}
