/**
 * Requests per client: a token bucket per key (the user of a valid token, or the address of an
 * anonymous client) that holds `burst` requests and refills at `perMinute`. In memory, per
 * process: several API processes each allow their own share.
 */
export class RequestRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;
  private sweptAt: number;

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
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.refillPerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000));
  }

  /** Forgets full buckets now and then, so that the map holds only clients seen lately. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * this.refillPerMs >= this.burst) this.buckets.delete(key);
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
