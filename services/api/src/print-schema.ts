import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchemaSdl, SCHEMA_FILE } from './schema-file';

/** Writes the SDL to the committed `schema.graphql` (run `pnpm schema:print` after changing the API). */
writeFileSync(resolve(SCHEMA_FILE), printSchemaSdl());
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
