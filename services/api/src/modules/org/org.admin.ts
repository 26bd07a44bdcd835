import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { isAdminAt } from '@ggw/authz';
import {
  BadUserInputError, ConflictError, FieldErrors, ForbiddenError, InvalidStateError, OrgLevel, OrgType, ReportLockedError, sqlStateOf, UnauthenticatedError,
} from '@ggw/domain';
import { lockMessage, recordLocks } from '../entry/entry.store';
import { randomUUID } from 'node:crypto';
import { ServiceContext, RequestContext } from '../../context';
import { DateScalar } from '../../common/scalars';
import { OrgRecord } from './org.record';
import { administeredOrg, findOrg, signedInViewer } from './org.service';
import { LEVEL_BELOW, NewOrg, newOrgProblems } from './org.shape';
import { OrgObject } from './org.type';

/**
 * Creates an org under `parentCode`, as an admin of the parent: a township or a department
 * under a county, a village, community or school under a township. (A county is created with
 * its whole tree by onboarding.) The database checks the shape and the rights again.
 */
export async function createOrg(ctx: ServiceContext, parentCode: string, org: NewOrg): Promise<OrgRecord> {
  const parent = await administeredOrg(ctx, parentCode, '在它下面新建组织');
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

const today = () => new Date().toISOString().slice(0, 10);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Refuses a change of the tree dated inside a period whose records are held (a submitted or approved report, a closed year) at any of `orgs`. */
async function notLocked(ctx: ServiceContext, orgs: OrgRecord[], day: string): Promise<void> {
  const locks = await recordLocks(ctx.session, orgs);
  for (const org of orgs) {
    const held = (locks.get(org.id) ?? []).find((l) => l.to > day);
    if (held) throw new ReportLockedError(`${org.name}:${lockMessage(held.held)}(调整日期 ${day} 落在锁定的期间内)`, { ...held.held, orgCode: org.code });
  }
}

function checkDay(day: string, after: string, field = 'on'): void {
  if (day > today()) throw new BadUserInputError('调整日期不能晚于今天', field);
  if (day <= after) throw new BadUserInputError(`调整日期须晚于 ${after}`, field);
}

/** A database refusal of a tree change, in the clerk's words (the API checks first; the database is the second line). */
async function treeChange<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlStateOf(error) === '23514') throw new InvalidStateError('这次调整与组织的历史冲突:日期须晚于该组织上一次调整,且不能移到自己下面', {});
    throw error;
  }
}

/**
 * Moves an org (with its subtree) below another org of the same level as its parent, from
 * `day` on: figures before the day stay under the old parent, from it on count under the new
 * one; the county's own figures do not change. For an admin of both parents.
 */
export async function moveOrg(ctx: ServiceContext, code: string, newParentCode: string, day: string, reason: string | null): Promise<OrgRecord> {
  const org = await findOrg(ctx, { code });
  if (!org.parentId) throw new BadUserInputError('根组织不能移动', 'code');
  const parent = (await ctx.loaders.orgById.load(org.parentId))!;
  if (!isAdminAt(await signedInViewer(ctx), parent.path)) throw new ForbiddenError(`只有 ${parent.name} 或上级的管理员可以把 ${org.name} 移走`);
  const target = await administeredOrg(ctx, newParentCode, `把组织移到 ${newParentCode} 下面`);
  if (target.tenantId !== org.tenantId) throw new BadUserInputError('只能在本县(市、区)之内调整隶属关系', 'newParentCode');
  if (target.level !== parent.level) throw new BadUserInputError(`新的上级须与原上级同级(${parent.level})`, 'newParentCode');
  if (target.id === parent.id) throw new BadUserInputError(`${org.name} 已经在 ${target.name} 下面`, 'newParentCode');
  if (target.dissolvedOn && target.dissolvedOn <= day) throw new BadUserInputError(`${target.name} 已于 ${target.dissolvedOn} 撤销`, 'newParentCode');
  checkDay(day, [org.foundedOn, target.foundedOn].sort().at(-1)!);
  await notLocked(ctx, [org, parent, target], day);
  await withReason(ctx, reason, () => treeChange(() => ctx.session.query(`SELECT ggw_move_org($1, $2, $3)`, [org.id, target.id, day])));
  return { ...org, parentId: target.id, path: `${target.path}.${org.code}` };
}

/**
 * 撤乡并镇: from `day` on, the orgs of `codes` are merged into `intoCode`: their current
 * children move under it, and they are dissolved on that day and, in the dated tree, placed
 * below it (so its previous years, compared like for like, are the sum of its predecessors).
 * Their figures before the day stay theirs.
 */
export async function mergeOrgs(ctx: ServiceContext, codes: string[], intoCode: string, day: string, reason: string | null): Promise<OrgRecord> {
  const into = await administeredOrg(ctx, intoCode, '合并组织');
  if (!codes.length || codes.length > 20) throw new BadUserInputError('请给出 1–20 个被合并的组织', 'codes');
  if (codes.includes(intoCode)) throw new BadUserInputError('合并后的组织不能同时是被合并的组织', 'codes');
  const merged: OrgRecord[] = [];
  for (const code of new Set(codes)) {
    const org = await administeredOrg(ctx, code, '合并组织');
    if (org.tenantId !== into.tenantId || org.level !== into.level || org.parentId !== into.parentId) {
      throw new BadUserInputError(`${org.name} 与 ${into.name} 不是同一上级下的同级组织,不能合并`, 'codes');
    }
    if (org.dissolvedOn) throw new BadUserInputError(`${org.name} 已于 ${org.dissolvedOn} 撤销`, 'codes');
    checkDay(day, [org.foundedOn, into.foundedOn].sort().at(-1)!);
    merged.push(org);
  }
  const children = await ctx.session.query<{ id: string; code: string }>(
    `SELECT id, code FROM org WHERE parent_id = ANY($1::uuid[]) AND (dissolved_on IS NULL OR dissolved_on > $2) ORDER BY path`, [merged.map((m) => m.id), day]);
  await notLocked(ctx, [into, ...merged], day);
  await withReason(ctx, reason, async () => {
    // the villages move one by one; the history's reach is rebuilt once, by the merger itself
    for (const c of children) await treeChange(() => ctx.session.query(`SELECT ggw_move_org($1, $2, $3, false)`, [c.id, into.id, day]));
    for (const m of merged) await treeChange(() => ctx.session.query(`SELECT ggw_merge_org($1, $2, $3)`, [m.id, into.id, day]));
  });
  return into;
}

/** Dissolves an org from `day` on (it stops counting); one with current children must have them moved or dissolved first. */
export async function dissolveOrg(ctx: ServiceContext, code: string, day: string, reason: string | null): Promise<OrgRecord> {
  const org = await findOrg(ctx, { code });
  const parent = org.parentId ? await ctx.loaders.orgById.load(org.parentId) : null;
  if (!parent || !isAdminAt(await signedInViewer(ctx), parent.path)) throw new ForbiddenError(`只有 ${parent?.name ?? '上级'} 或更上级的管理员可以撤销 ${org.name}`);
  if (org.dissolvedOn) throw new InvalidStateError(`${org.name} 已于 ${org.dissolvedOn} 撤销`, { dissolvedOn: org.dissolvedOn });
  if (day <= org.foundedOn) throw new BadUserInputError(`撤销日期须晚于成立日期 ${org.foundedOn}`, 'on');
  const [{ n }] = await ctx.session.query<{ n: number }>(`SELECT count(*)::int AS n FROM org WHERE parent_id = $1 AND (dissolved_on IS NULL OR dissolved_on > $2)`, [org.id, day]);
  if (n > 0) throw new InvalidStateError(`${org.name} 下面还有 ${n} 个组织:请先把它们移走(moveOrg、mergeOrgs)或撤销`, { children: n });
  await notLocked(ctx, [org], day);
  await withReason(ctx, reason, () => ctx.session.query(`UPDATE org SET dissolved_on = $2 WHERE id = $1`, [org.id, day]));
  return { ...org, dissolvedOn: day };
}

/** Renames an org from `day` on: periods before the day keep the name it had (exports show it). */
export async function renameOrg(ctx: ServiceContext, code: string, name: string, day: string): Promise<OrgRecord> {
  const org = await administeredOrg(ctx, code, '更名');
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw new BadUserInputError('名称为 1–100 个字符', 'name');
  if (day > today()) throw new BadUserInputError('更名日期不能晚于今天', 'on');
  await treeChange(() => ctx.session.query(`SELECT ggw_rename_org($1, $2, $3)`, [org.id, trimmed, day]));
  return { ...org, name: trimmed };
}

async function withReason<T>(ctx: ServiceContext, reason: string | null, work: () => Promise<T>): Promise<T> {
  if (reason !== null && reason.length > 500) throw new BadUserInputError('原因不能超过 500 个字', 'reason');
  await ctx.session.query(`SELECT set_config('ggw.reason', $1, true)`, [reason?.trim() ?? '']);
  return work();
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
    return createOrg(ctx, parentCode, { code, name, type, foundedOn: isoDay(foundedOn) });
  }

  @Mutation(() => OrgObject, { description: '调整隶属关系:从 on 起把组织(连同其下级)移到同级的另一个上级下面;此前的数字仍算在原上级,此后算在新上级。需是原上级和新上级的管理员' })
  moveOrg(
    @Arg('code', { description: '被移动的组织代码' }) code: string,
    @Arg('newParentCode', { description: '新的上级组织代码' }) newParentCode: string,
    @Arg('on', () => DateScalar, { description: '生效日期(按月统计:当月起算在新上级)' }) on: Date,
    @Arg('reason', () => String, { nullable: true, description: '原因(记入操作记录)' }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<OrgRecord> {
    return moveOrg(ctx, code, newParentCode, isoDay(on), reason);
  }

  @Mutation(() => OrgObject, { description: '撤乡并镇:从 on 起把 codes 的组织并入 intoCode,其下级移到 intoCode 下面,被合并的组织于当日撤销;此前的数字不变' })
  mergeOrgs(
    @Arg('codes', () => [String], { description: '被合并的组织代码' }) codes: string[],
    @Arg('intoCode', { description: '合并后保留的组织代码' }) intoCode: string,
    @Arg('on', () => DateScalar, { description: '生效日期' }) on: Date,
    @Arg('reason', () => String, { nullable: true, description: '原因(记入操作记录)' }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<OrgRecord> {
    return mergeOrgs(ctx, codes, intoCode, isoDay(on), reason);
  }

  @Mutation(() => OrgObject, { description: '撤销组织:从 on 起不再计入;下面还有组织时须先移走或撤销。需是上级的管理员' })
  dissolveOrg(
    @Arg('code', { description: '组织代码' }) code: string,
    @Arg('on', () => DateScalar, { description: '撤销日期' }) on: Date,
    @Arg('reason', () => String, { nullable: true, description: '原因(记入操作记录)' }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<OrgRecord> {
    return dissolveOrg(ctx, code, isoDay(on), reason);
  }

  @Mutation(() => OrgObject, { description: '更名:从 on 起使用新名称;此前期间的导出仍用原名称' })
  renameOrg(
    @Arg('code', { description: '组织代码' }) code: string,
    @Arg('name', { description: '新名称' }) name: string,
    @Arg('on', () => DateScalar, { description: '生效日期' }) on: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<OrgRecord> {
    return renameOrg(ctx, code, name, isoDay(on));
  }
}

export const ORG_ADMIN_MUTATIONS = ['createOrg', 'moveOrg', 'mergeOrgs', 'dissolveOrg', 'renameOrg'] as const;
