export type { OrgRecord } from '@ggw/domain';

/** The select list that produces an OrgRecord from `org o`. */
export const ORG_COLUMNS = `o.id, o.tenant_id AS "tenantId", o.parent_id AS "parentId", o.path::text AS path,
  o.level, o.type, o.code, o.name, o.founded_on::text AS "foundedOn", o.dissolved_on::text AS "dissolvedOn"`;
