import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AGGREGATE_SQL_FILE, generateAggregateSql } from './aggregate-sql-file';

/** Writes the committed aggregate SQL (run `pnpm sql:generate` after changing the metric catalogue). */
mkdirSync(dirname(AGGREGATE_SQL_FILE), { recursive: true });
writeFileSync(AGGREGATE_SQL_FILE, generateAggregateSql());
process.stdout.write(`wrote ${AGGREGATE_SQL_FILE}\n`);
