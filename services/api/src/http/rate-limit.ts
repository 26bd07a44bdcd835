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
