import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { pageSize } from '../../common/pagination';
import { RequestContext } from '../../context';
import { OrgRecord } from '../org/org.record';
import { OrgObject } from '../org/org.type';
import { auditTrail } from './audit.service';
import { AuditEventConnection, AuditTrailArgs } from './audit.type';

@Resolver(() => OrgObject)
export class OrgAuditResolver {
  @FieldResolver(() => AuditEventConnection, { description: '审计日志:本组织(subtree 为 true 时含所有下级)记录的每次新增、修改、删除,最新的在前;仅本组织或上级的管理员可用' })
  auditTrail(@Root() org: OrgRecord, @Args() args: AuditTrailArgs, @Ctx() ctx: RequestContext) {
    return auditTrail(ctx, org, { size: pageSize(args.first), after: args.after, kind: args.kind, since: args.since, subtree: args.subtree });
  }
}
