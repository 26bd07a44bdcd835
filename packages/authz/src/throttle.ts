/**
 * Login throttling: after `limit` failures for the same username, or from the same client
 * address, within `windowMs`, further attempts are refused until the window has passed. In
 * memory, per process: behind several API processes, each counts on its own.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until a login for this username from this address may be tried again (0: now). */
  retryAfter(username: string, address: string): number {
    let wait = 0;
    for (const key of [`u:${username}`, `a:${address}`]) {
      const list = this.recent(key);
      if (list.length >= this.limit) wait = Math.max(wait, Math.ceil((list[0] + this.windowMs - this.now()) / 1000));
    }
    return wait;
  }

  fail(username: string, address: string): void {
    for (const key of [`u:${username}`, `a:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username}`);
  }
}
