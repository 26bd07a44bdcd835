import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildApiSchema } from './schema';

/** The committed SDL, at the root of the checkout, where front-end teams look for it. */
export const SCHEMA_FILE = join(__dirname, '..', '..', '..', 'schema.graphql');

/**
 * The schema clients were last given (copied from schema.graphql at a release), and the
 * breaking changes made since, each with its reason: a test compares the two.
 */
export const RELEASED_SCHEMA_FILE = join(__dirname, '..', '..', '..', 'schema.released.graphql');
export const BREAKING_CHANGES_FILE = join(__dirname, '..', '..', '..', 'schema-breaking-changes.json');

/** The schema as SDL, types sorted, so the file changes only when the API does. */
export function printSchemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(buildApiSchema()))}\n`;
}
