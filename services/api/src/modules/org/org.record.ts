export { ORG_COLUMNS, type OrgRecord } from '@ggw/domain';
