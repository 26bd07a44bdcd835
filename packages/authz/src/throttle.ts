import { DataSource } from 'typeorm';
import { RateLimitedError, UnauthenticatedError, writesRefused } from '@ggw/domain';
import { verifyLogin } from './passwords';
import { Principal } from './tokens';

/** How many failed logins are tolerated within the window, by what they are counted against. */
export interface LoginThrottleLimits {
  /** one username from one address: the ordinary guesser */
  perUserAndAddress: number;
  /** one username from anywhere: a guesser that changes addresses */
  perUser: number;
  /** one address, any usernames: high, because a township office behind one NAT or a proxy shares it */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginThrottleLimits = { perUserAndAddress: 5, perUser: 20, perAddress: 100, windowMs: 15 * 60_000 };

const BAD_LOGIN = '用户名或密码错误';

/**
 * Logins with throttling shared by every API process: failures are counted in PostgreSQL
 * (`login_failure`, reached only through three definer functions) per (username, address), per
 * username and per address, each with its own ceiling; past any of them, the logins it covers
 * are refused until the window has passed, so a colleague's typos in the same office (one NAT)
 * lock nobody else out. Each statement runs on its own, outside the request's transaction: a
 * failure must be recorded although the request fails, and a login never holds one pooled
 * connection while waiting for another.
 */
export class LoginService {
  private readonly windowSeconds: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: LoginThrottleLimits = DEFAULT_LOGIN_LIMITS,
    /** Told of every refused attempt (a wrong password, or a throttled one): the metrics count them. */
    private readonly onRefused: (refusal: UnauthenticatedError | RateLimitedError) => void = () => undefined,
  ) {
    this.windowSeconds = Math.max(1, Math.ceil(limits.windowMs / 1000));
  }

  /** The user (and token version) for a correct username and password; UNAUTHENTICATED or RATE_LIMITED otherwise. */
  async attempt(username: string, password: string, address: string): Promise<Principal> {
    const name = username.trim().toLowerCase();
    const keys = [`p:${address}:${name}`, `u:${name}`, `a:${address}`];
    const limits = [this.limits.perUserAndAddress, this.limits.perUser, this.limits.perAddress];
    const [{ wait }] = await this.dataSource.query('SELECT ggw_login_wait($1::text[], $2::int[], $3) AS wait', [keys, limits, this.windowSeconds]);
    if (wait > 0) throw this.refused(new RateLimitedError(`登录失败次数过多,请 ${wait} 秒后再试`, { retryAfterSeconds: wait }));
    // the hash is readable only through this definer function (an enabled user with a password)
    const [user]: Array<{ id: string; password_hash: string; token_version: number }> = await this.dataSource.query(
      'SELECT id, password_hash, token_version FROM ggw_login_user($1)',
      [name],
    );
    // the same argon2 work whether or not the user exists
    if (!(await verifyLogin(user?.password_hash ?? null, password)) || !user) {
      await unlessWritesRefused(this.dataSource.query('SELECT ggw_login_failed($1::text[], $2)', [keys, this.windowSeconds]));
      throw this.refused(new UnauthenticatedError(BAD_LOGIN));
    }
    // a correct password clears what was counted against this user; the address keeps its count
    await unlessWritesRefused(this.dataSource.query('SELECT ggw_login_succeeded($1::text[])', [keys.slice(0, 2)]));
    return { userId: user.id, tokenVersion: user.token_version };
  }

  private refused<E extends UnauthenticatedError | RateLimitedError>(refusal: E): E {
    this.onRefused(refusal);
    return refusal;
  }
}

/**
 * The throttle's own bookkeeping, done unless the database takes no writes (read-only for
 * maintenance, or out of disk): users can still sign in to read then. The counts already made
 * still apply (ggw_login_wait reads them); failures made meanwhile are not counted, a
 * trade-off for the length of a maintenance window.
 */
async function unlessWritesRefused(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!writesRefused(error)) throw error;
  }
}
