import { OrgLevel, OrgType } from '@ggw/domain';

/** An org as the API reads it: the columns of `org`, dates as ISO text. */
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

/** The select list that produces an OrgRecord from `org o`. */
export const ORG_COLUMNS = `o.id, o.tenant_id AS "tenantId", o.parent_id AS "parentId", o.path::text AS path,
  o.level, o.type, o.code, o.name, o.founded_on::text AS "foundedOn", o.dissolved_on::text AS "dissolvedOn"`;
