import { createHash } from 'node:crypto';

/**
 * A UUID derived from a natural key, so that loading the same data twice yields the same
 * rows (idempotent loaders, `ON CONFLICT DO NOTHING`). Formatted as a version-5-style UUID.
 */
export function stableId(...parts: Array<string | number>): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The text form of a UUID (any version), the one pattern every check of an id uses. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
