import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateDdl } from './aggregate-ddl';

/**
 * The roll-up aggregates' functions and triggers, as generated from the metric catalogue and
 * committed (`packages/rollup/sql/rollup-aggregates.sql`), so that every change of PL/pgSQL a
 * catalogue edit makes is in the diff a reviewer reads. The database runs this file, never the
 * generator's output; a test fails when the file is stale (`pnpm sql:generate`).
 */
export const AGGREGATE_SQL_FILE = join(__dirname, '..', 'sql', 'rollup-aggregates.sql');

const HEADER = `-- Generated from the metric catalogue (packages/rollup/src/metrics.ts, sources.ts) by
-- \`pnpm sql:generate\`; do not edit. Installed by migrate() when its SHA-256 differs from the
-- one recorded in rollup_catalogue, recomputing every aggregate in the same transaction.
`;

/** The file's text as this build's catalogue generates it. */
export function generateAggregateSql(): string {
  return `${HEADER}\n${aggregateDdl().map((s) => `${s.trim()};\n`).join('\n')}`;
}

/** The committed file's text: what is installed. */
export function committedAggregateSql(): string {
  return readFileSync(AGGREGATE_SQL_FILE, 'utf8');
}

export function sqlFingerprint(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}
