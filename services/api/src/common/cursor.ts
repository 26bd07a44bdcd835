import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadUserInputError, UUID_PATTERN } from '@ggw/domain';

/** What one part of a cursor's sort key is; each is checked before it can reach SQL. */
export type CursorPart = 'path' | 'date' | 'year' | 'uuid' | 'timestamp' | 'integer' | 'username';

const PART_PATTERNS: Record<CursorPart, RegExp> = {
  // ltree labels of org codes, dot-separated
  path: /^[A-Za-z0-9_]{1,64}(\.[A-Za-z0-9_]{1,64}){0,15}$/,
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  year: /^\d{4}$/,
  uuid: UUID_PATTERN,
  integer: /^\d{1,18}$/,
  username: /^[a-z0-9][a-z0-9._-]{2,49}$/,
  timestamp: /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/,
};

function partIsValid(kind: CursorPart, value: unknown): boolean {
  if (typeof value !== 'string' || !PART_PATTERNS[kind].test(value)) return false;
  if (kind === 'date' || kind === 'timestamp') return !Number.isNaN(Date.parse(kind === 'date' ? `${value}T00:00:00Z` : value));
  return true;
}

const MAX_CURSOR_LENGTH = 1024;
const INVALID = '无效的分页游标:请使用上一页 pageInfo.endCursor 返回的值';

/**
 * Opaque, tamper-evident cursors: base64url of the JSON of `[list, ...sortKey]`, then a dot and
 * an HMAC-SHA256 (truncated to 128 bits) of that text under a key of the process's secret. A
 * cursor the server did not make, one edited by hand, or one made for another list (an `orgs`
 * cursor passed to `volunteers`) is BAD_USER_INPUT before any SQL; the parts of a genuine one
 * are still checked against their declared types, so a cursor from an older version of a list
 * can never reach a cast.
 */
export class CursorCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    // a key of its own: a cursor's MAC can never serve as a token signature, or the reverse
    this.key = createHmac('sha256', secret).update('ggw-cursor-v1').digest();
  }

  encode(list: string, sortKey: readonly string[]): string {
    const payload = Buffer.from(JSON.stringify([list, ...sortKey]), 'utf8').toString('base64url');
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /** The sort key of a cursor made by `encode(list, …)` whose parts are of the kinds given. */
  decode(cursor: string, list: string, parts: readonly CursorPart[], field = 'after'): string[] {
    const bad = () => new BadUserInputError(INVALID, field);
    if (cursor.length > MAX_CURSOR_LENGTH) throw bad();
    const dot = cursor.indexOf('.');
    if (dot <= 0) throw bad();
    const payload = cursor.slice(0, dot);
    const given = Buffer.from(cursor.slice(dot + 1), 'base64url');
    const expected = this.mac(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw bad();
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw bad();
    }
    if (!Array.isArray(value) || value[0] !== list || value.length !== parts.length + 1) throw bad();
    const key = value.slice(1);
    if (!parts.every((kind, i) => partIsValid(kind, key[i]))) throw bad();
    return key as string[];
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, 16);
  }
}
