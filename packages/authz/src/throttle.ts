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

/**
 * Login throttling: failed logins are counted per (username, address), per username and per
 * address, each with its own ceiling; past any of them, logins that it covers are refused until
 * the window has passed. A colleague's failures from the same office therefore never lock
 * another user out. In memory, per process.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: LoginThrottleLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private keys(username: string, address: string): Array<[string, number]> {
    return [
      [`p:${address}:${username}`, this.limits.perUserAndAddress],
      [`u:${username}`, this.limits.perUser],
      [`a:${address}`, this.limits.perAddress],
    ];
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until a login for this username from this address may be tried again (0: now). */
  retryAfter(username: string, address: string): number {
    let wait = 0;
    for (const [key, limit] of this.keys(username, address)) {
      const list = this.recent(key);
      if (list.length >= limit) wait = Math.max(wait, Math.ceil((list[list.length - limit] + this.limits.windowMs - this.now()) / 1000));
    }
    return wait;
  }

  fail(username: string, address: string): void {
    for (const [key, limit] of this.keys(username, address)) {
      // only the latest `limit` failures matter: a flood cannot grow the list
      this.failures.set(key, [...this.recent(key), this.now()].slice(-limit));
    }
  }

  /** A correct password clears what was counted against this user; the address keeps its count. */
  succeed(username: string, address: string): void {
    this.failures.delete(`p:${address}:${username}`);
    this.failures.delete(`u:${username}`);
  }
}
