import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { BadUserInputError } from '@ggw/domain';
import { RequestContext } from '../../context';

/** Longer is no username or password of ours; refused before any work (argon2 on a megabyte is a cheap attack). */
const MAX_USERNAME = 64;
const MAX_PASSWORD = 256;

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
    if (username.length > MAX_USERNAME) throw new BadUserInputError(`用户名不能超过 ${MAX_USERNAME} 个字符`, 'username');
    if (password.length > MAX_PASSWORD) throw new BadUserInputError(`密码不能超过 ${MAX_PASSWORD} 个字符`, 'password');
    const userId = await ctx.auth.logins.attempt(username, password, ctx.clientAddress);
    const issued = await ctx.auth.tokens.issue(userId);
    return { token: issued.token, expiresAt: issued.expiresAt.toISOString() };
  }
}
