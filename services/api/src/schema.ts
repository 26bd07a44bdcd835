import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { OrgResolver } from './modules/org/org.resolver';
import { OrgRecordsResolver } from './modules/records/records.resolver';
import { OrgRollupResolver, RollupFiguresResolver } from './modules/rollup/rollup.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { ExportJobResolver, ExportScheduleResolver } from './modules/exports/exports.resolver';
import { AssessmentAndAdoptionResolver, ENTRY_RESOLVERS, OrgRulesResolver } from './modules/entry/entry.graphql';
import { OrgAuditResolver } from './modules/audit/audit.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { LabelsResolver } from './modules/labels/labels.resolver';
import { NotificationResolver, OrgReportsResolver, ReportResolver } from './modules/reports/reports.graphql';
import { ImportResolver } from './modules/imports/import.graphql';
import { UserResolver } from './modules/users/users.graphql';
import { OrgAdminResolver } from './modules/org/org.admin';

/** Every resolver class of the API; a new module adds its resolvers here. */
export const RESOLVERS = [AuthResolver, OrgResolver, OrgRecordsResolver, OrgRollupResolver, RollupFiguresResolver, ExportJobResolver, ExportScheduleResolver, OrgAuditResolver, OrgRulesResolver,
  AssessmentAndAdoptionResolver, NodeResolver, LabelsResolver,
  ReportResolver, OrgReportsResolver, NotificationResolver, ImportResolver, UserResolver, OrgAdminResolver, ...ENTRY_RESOLVERS] as const;

let schema: GraphQLSchema | undefined;

/** The API's GraphQL schema (built once per process). */
export function buildApiSchema(): GraphQLSchema {
  if (!schema) {
    schema = buildSchemaSync({ resolvers: RESOLVERS, validate: false });
    // type-graphql has no option for the root types' descriptions
    const roots: [ReturnType<GraphQLSchema['getQueryType']>, string][] = [
      [schema.getQueryType(), '查询:组织、层级、记录(按查看者权限范围)'],
      [schema.getMutationType(), '变更:登录与账号、数据录入、报表流程、用户与组织管理、导出与定时导出计划'],
    ];
    for (const [type, description] of roots) if (type) type.description = description;
  }
  return schema;
}
