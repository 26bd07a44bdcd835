export { ORG_COLUMNS, type OrgRecord, parseOrgRecord } from '@ggw/domain';
