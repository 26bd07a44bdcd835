/** What a process learns from the others: each key's shared bucket, as ms ahead of now (0: full). */
export type ShareRates = (keys: string[], counts: number[], emissionMs: number) => Promise<Array<{ key: string; ahead_ms: number }>>;

/**
 * Requests per client: a token bucket per key (the user of a valid token, or the address of an
 * anonymous client) that holds `burst` requests and refills at `perMinute`. Taken in memory,
 * with no round trip; with `share` (every API process of a deployment), each process reports
 * once a second what it admitted per key and sets its buckets to the shared level, so a client
 * gets one rate across all processes: at most a second's worth (and each process's burst) more
 * while they catch up.
 */
export class RequestRateLimit {
  /** `admitted`: taken since the last report to the other processes. */
  private readonly buckets = new Map<string, { tokens: number; at: number; admitted: number }>();
  private readonly refillPerMs: number;
  private sweptAt: number;
  private timer?: NodeJS.Timeout;
  private sharing?: Promise<void>;

  constructor(
    readonly perMinute: number,
    readonly burst: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.refillPerMs = perMinute / 60_000;
    this.sweptAt = now();
  }

  /** Takes one request for `key`: 0 when allowed, else the seconds until one is. */
  take(key: string): number {
    const now = this.now();
    this.sweep(now);
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.admitted += 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000));
  }

  /** Shares the buckets with the other processes through `share`, every `everyMs`, until `stop`. */
  shareThrough(share: ShareRates, everyMs: number, onError: (error: unknown) => void): void {
    this.timer = setInterval(() => {
      this.sharing ??= this.share(share).catch(onError).finally(() => (this.sharing = undefined));
    }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sharing;
  }

  /** One report: what was admitted per key since the last one; then each key's shared level, less what was admitted meanwhile. */
  async share(share: ShareRates): Promise<void> {
    const keys: string[] = [];
    const counts: number[] = [];
    const now = this.now();
    for (const [key, b] of this.buckets) {
      // a full bucket that took nothing has nothing to tell and nothing to learn
      if (b.admitted === 0 && this.refilled(key, now).tokens >= this.burst) continue;
      keys.push(key);
      counts.push(b.admitted);
      b.admitted = 0;
    }
    if (!keys.length) return;
    let levels;
    try {
      levels = await share(keys, counts, 1 / this.refillPerMs);
    } catch (error) {
      // told to no one: told next time
      keys.forEach((key, i) => {
        const b = this.buckets.get(key);
        if (b) b.admitted += counts[i];
      });
      throw error;
    }
    const at = this.now();
    for (const { key, ahead_ms } of levels) {
      const b = this.buckets.get(key);
      if (!b) continue;
      b.tokens = Math.min(this.burst, this.burst - ahead_ms * this.refillPerMs) - b.admitted;
      b.at = at;
    }
  }

  private refilled(key: string, now: number) {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now, admitted: 0 };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.refillPerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** Forgets full buckets now and then, so that the map holds only clients seen lately. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, b] of this.buckets) if (b.admitted === 0 && b.tokens + (now - b.at) * this.refillPerMs >= this.burst) this.buckets.delete(key);
  }
}

/**
 * Requests in flight per client: a user may not hold more than `max` of the pool's connections
 * at once, however cheap each request looks, so one user's parallel requests cannot starve every
 * other county. In memory, per process.
 */
export class InFlightLimit {
  private readonly counts = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Takes a place for `key`; false when it already has `max` requests in flight. */
  enter(key: string): boolean {
    const n = this.counts.get(key) ?? 0;
    if (n >= this.max) return false;
    this.counts.set(key, n + 1);
    return true;
  }

  leave(key: string): void {
    const n = (this.counts.get(key) ?? 1) - 1;
    if (n > 0) this.counts.set(key, n);
    else this.counts.delete(key);
  }
}
