import { entityColumns, entityRowParser } from './entities/columns';
import { Org } from './entities/org.entity';

/**
 * An org as services read it: the org entity's columns (path and dates as text), less what only
 * the database uses. Read with `orgColumns`; the entity stays the one declaration of the table.
 */
export type OrgRecord = Omit<Org, 'createdAt'>;

/** The select list that reads an OrgRecord from the `org` table (or a row of its shape) under `alias`. */
export function orgColumns(alias: string): string {
  return entityColumns(Org, alias, ['createdAt']);
}

/** `orgColumns` of `org o`, the alias every org query uses. */
export const ORG_COLUMNS = orgColumns('o');

/** Checks and types a row read with `orgColumns`. */
export const parseOrgRecord = entityRowParser<OrgRecord>(Org, ['createdAt']);
