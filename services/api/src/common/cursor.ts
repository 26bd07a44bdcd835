import { BadUserInputError } from '@ggw/domain';

/** Opaque cursors: base64url of the JSON of the sort key of the last row of a page. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` with `arity` parts; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, arity: number, field = 'after'): (string | number)[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === arity &&
      value.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return value;
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError('无效的分页游标:请使用上一页 pageInfo.endCursor 返回的值', field);
}
