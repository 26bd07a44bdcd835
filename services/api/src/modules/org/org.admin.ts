import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { isAdminAt } from '@ggw/authz';
import { ConflictError, FieldErrors, ForbiddenError, OrgLevel, OrgType, sqlStateOf, UnauthenticatedError } from '@ggw/domain';
import { randomUUID } from 'node:crypto';
import { ServiceContext, RequestContext } from '../../context';
import { DateScalar } from '../../common/scalars';
import { OrgRecord } from './org.record';
import { findOrg } from './org.service';
import { LEVEL_BELOW, NewOrg, newOrgProblems } from './org.shape';
import { OrgObject } from './org.type';

/**
 * Creates an org under `parentCode`, as an admin of the parent: a township or a department
 * under a county, a village, community or school under a township. (A county is created with
 * its whole tree by onboarding.) The database checks the shape and the rights again.
 */
export async function createOrg(ctx: ServiceContext, parentCode: string, org: NewOrg): Promise<OrgRecord> {
  const viewer = await ctx.viewer();
  if (!viewer) throw new UnauthenticatedError('请先登录');
  const parent = await findOrg(ctx, { code: parentCode });
  if (!isAdminAt(viewer, parent.path)) throw new ForbiddenError(`只有 ${parent.name} 或上级的管理员可以在它下面新建组织`);
  const level = LEVEL_BELOW[parent.level];
  const problems = level === OrgLevel.TOWNSHIP || level === OrgLevel.VILLAGE ? newOrgProblems(parent, org)
    : [{ field: 'parentCode', message: level ? '县级组织连同其下级,通过导入组织架构工作簿创建(POST /onboarding)' : `${parent.name} 是村级组织,下面不能再建组织` }];
  if (problems.length) throw new FieldErrors(problems);
  const record: OrgRecord = {
    tenantId: parent.tenantId, id: randomUUID(), parentId: parent.id, path: `${parent.path}.${org.code}`, level: level!,
    type: org.type, code: org.code, name: org.name.trim(), foundedOn: org.foundedOn, dissolvedOn: null,
  };
  try {
    await ctx.session.savepoint(() => ctx.session.query(
      `INSERT INTO org (tenant_id, id, parent_id, path, level, type, code, name, founded_on) VALUES ($1, $2, $3, $4::ltree, $5, $6, $7, $8, $9)`,
      [record.tenantId, record.id, record.parentId, record.path, record.level, record.type, record.code, record.name, record.foundedOn]));
  } catch (error) {
    if (sqlStateOf(error) === '23505') throw new ConflictError(`代码 ${org.code} 已被另一个组织使用(组织代码全平台唯一)`, { field: 'code' });
    throw error;
  }
  // the new org is not yet in the scopes this request started with: answered from what was written
  return record;
}

@Resolver()
export class OrgAdminResolver {
  @Mutation(() => OrgObject, { description: '在 parentCode 下新建组织(乡镇、街道、部门,或村、社区、学校);需是上级组织或更上级的管理员。县级组织通过导入组织架构工作簿创建' })
  createOrg(
    @Arg('parentCode', { description: '上级组织代码' }) parentCode: string,
    @Arg('code', { description: '组织代码:地方组织用统计用区划代码(上级代码加 3 位数字),部门、学校、企业用上级代码加字母编号' }) code: string,
    @Arg('name', { description: '名称' }) name: string,
    @Arg('type', () => OrgType, { description: '组织类型' }) type: OrgType,
    @Arg('foundedOn', () => DateScalar, { description: '成立日期' }) foundedOn: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<OrgRecord> {
    // the Date scalar gives midnight UTC of the day
    return createOrg(ctx, parentCode, { code, name, type, foundedOn: foundedOn.toISOString().slice(0, 10) });
  }
}

export const ORG_ADMIN_MUTATIONS = ['createOrg'] as const;
