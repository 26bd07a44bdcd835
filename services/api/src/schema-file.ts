import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildApiSchema } from './schema';

/** The committed SDL, at the root of the checkout, where front-end teams look for it. */
export const SCHEMA_FILE = join(__dirname, '..', '..', '..', 'schema.graphql');

/** The schema as SDL, types sorted, so the file changes only when the API does. */
export function printSchemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(buildApiSchema()))}\n`;
}
