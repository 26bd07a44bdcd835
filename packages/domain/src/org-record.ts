import { OrgLevel, OrgType } from './enums';

/** An org as services read it with plain SQL: the columns of `org`, path and dates as text. */
export interface OrgRecord {
  id: string;
  tenantId: string;
  parentId: string | null;
  path: string;
  level: OrgLevel;
  type: OrgType;
  code: string;
  name: string;
  foundedOn: string;
  dissolvedOn: string | null;
}

/** The select list that reads an OrgRecord from the `org` table (or a row of its shape) under `alias`. */
export function orgColumns(alias: string): string {
  const a = alias;
  return `${a}.id, ${a}.tenant_id AS "tenantId", ${a}.parent_id AS "parentId", ${a}.path::text AS path, ${a}.level, ${a}.type, ${a}.code, ${a}.name,
    ${a}.founded_on::text AS "foundedOn", ${a}.dissolved_on::text AS "dissolvedOn"`;
}

/** `orgColumns` of `org o`, the alias every org query uses. */
export const ORG_COLUMNS = orgColumns('o');
