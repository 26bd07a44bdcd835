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
