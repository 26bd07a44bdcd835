import { Random } from '@ggw/db';

/** The project's seeded PRNG, with what hostile values need on top; shared by the fuzz suites. */
export class Rng extends Random {
  bool(p = 0.5): boolean {
    return this.chance(p);
  }
  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(0, 255);
    return b;
  }
  uuid(): string {
    const h = this.bytes(16).toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  str(n: number, alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}

/** A seed per family of a suite, from its name (FNV-1a), so families can run alone and repeat. */
export function hashString(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/** A family's failed checks, grouped by check with a few examples each (what a fuzz test asserts is empty). */
export function failureReport(family: string, failed: Array<{ check: string; detail: string; request: string; response: string }>, examples: number): string[] {
  const report: string[] = [];
  for (const check of [...new Set(failed.map((x) => x.check))]) {
    const ofCheck = failed.filter((x) => x.check === check);
    report.push(`[${family}] ${check}: ${ofCheck.length} failure(s); first examples:`);
    for (const x of ofCheck.slice(0, examples)) report.push(`    ${x.detail}\n      request:  ${x.request}\n      response: ${x.response}`);
  }
  return report;
}

/** Runs `each` over `items`, at most `concurrency` at once, in order of start (the fuzz tests' request pool). */
export async function forEachConcurrently<T>(items: T[], concurrency: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await each(items[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
