import DataLoader from 'dataloader';
import { hashPassword, isAdminAt, passwordProblem, TokenService, verifyLogin } from '@ggw/authz';
import {
  BadUserInputError, ConflictError, FieldError, FieldErrors, ForbiddenError, isUuid, NotFoundError, sqlStateOf, UnauthenticatedError,
} from '@ggw/domain';
import { randomUUID } from 'node:crypto';
import { Page, toPage } from '../../common/pagination';
import { RequestSession } from '../../common/session';
import { ServiceContext } from '../../context';
import { ORG_COLUMNS, OrgRecord, parseOrgRecord } from '../org/org.record';
import { administeredOrg, findOrg, signedInViewer } from '../org/org.service';

export type RoleName = 'ADMIN' | 'EDITOR' | 'VIEWER';

/** A user as administration shows them (never the hash). */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  disabled: boolean;
  /** has set a password (activated, and not reset since) */
  activated: boolean;
  homeOrgId: string | null;
  createdAt: string;
}

export interface UserRole {
  userId: string;
  role: RoleName;
  org: OrgRecord;
}

/** A one-time link that sets a password: shown once, to the admin who asked for it. */
export interface PasswordLink {
  token: string;
  expiresAt: string;
}

const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.phone, u.disabled, u.password_set_at IS NOT NULL AS activated,
  u.home_org_id AS "homeOrgId", to_json(u.created_at) #>> '{}' AS "createdAt"`;

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,49}$/;
const PHONE = /^[0-9+ -]{5,20}$/;

const PEOPLE = '管理这里的用户和角色';

/** A user the viewer can see (their own account, one homed in or holding a role in their subtrees); NOT_FOUND otherwise. */
export async function findUser(ctx: ServiceContext, userId: string): Promise<UserRecord> {
  const [user] = isUuid(userId)
    ? await ctx.session.query<UserRecord>(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [userId])
    : [];
  if (!user) throw new NotFoundError(`没有 id 为 ${userId} 的用户`, { userId });
  return user;
}

/** A user whose account the viewer manages: an admin at or above the user's home org. */
async function managedUser(ctx: ServiceContext, userId: string): Promise<UserRecord> {
  const user = await findUser(ctx, userId);
  const home = user.homeOrgId ? await ctx.loaders.orgById.load(user.homeOrgId) : null;
  if (!home || !isAdminAt(await signedInViewer(ctx), home.path)) {
    throw new ForbiddenError(`只有 ${home?.name ?? '该用户所属组织'} 或上级的管理员可以管理这个账号`);
  }
  return user;
}

/**
 * The users of an org's subtree (homed there, or holding a role there), by username, for its
 * admins. `search` matches the username or display name.
 */
export async function listUsers(ctx: ServiceContext, orgCode: string, search: string | null, size: number, after: string | null): Promise<Page<UserRecord>> {
  const org = await administeredOrg(ctx, orgCode, PEOPLE);
  if (search !== null && search.length > 50) throw new BadUserInputError('搜索词不能超过 50 个字符', 'search');
  const afterName = after === null ? null : ctx.cursors.decode(after, 'users', ['username'])[0];
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = `(EXISTS (SELECT 1 FROM org h WHERE h.tenant_id = u.home_tenant_id AND h.id = u.home_org_id AND h.path <@ $1::ltree)
       OR EXISTS (SELECT 1 FROM role_assignment r JOIN org o ON o.tenant_id = r.org_tenant_id AND o.id = r.org_id WHERE r.user_id = u.id AND o.path <@ $1::ltree))
     AND ($2::text IS NULL OR u.username ILIKE $2 OR u.display_name ILIKE $2)`;
  const rows = await ctx.session.query<UserRecord>(
    `SELECT ${USER_COLUMNS} FROM app_user u WHERE ${where} AND ($3::text IS NULL OR u.username > $3) ORDER BY u.username LIMIT $4`,
    [org.path, pattern, afterName, size + 1]);
  return toPage(rows, size, (u) => ctx.cursors.encode('users', [u.username]),
    async () => (await ctx.session.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user u WHERE ${where}`, [org.path, pattern]))[0].n);
}

/** The roles of users that the viewer may see (row-level security), one statement for a page of users. */
export async function rolesOfUsers(session: RequestSession, userIds: readonly string[]): Promise<UserRole[][]> {
  const rows = await session.query<Record<string, unknown> & { user_id: string; role: RoleName }>(
    `SELECT r.user_id, r.role, ${ORG_COLUMNS} FROM role_assignment r JOIN org o ON o.tenant_id = r.org_tenant_id AND o.id = r.org_id
      WHERE r.user_id = ANY($1::uuid[]) ORDER BY nlevel(o.path), o.path, r.role`, [userIds]);
  return userIds.map((id) => rows.filter((r) => r.user_id === id).map((r) => {
    const { user_id: userId, role, ...org } = r;
    return { userId, role, org: parseOrgRecord(org) };
  }));
}

/** What is wrong with an account's username, display name and phone, field by field (also a workbook's admins, at onboarding). */
export function profileProblems(input: { username?: string; displayName: string; phone?: string | null }): FieldError[] {
  const problems: FieldError[] = [];
  if (input.username !== undefined && !USERNAME.test(input.username)) {
    problems.push({ field: 'username', message: '用户名为 3–50 个小写字母、数字或 . _ -,以字母或数字开头' });
  }
  const name = input.displayName.trim();
  if (!name || name.length > 50) problems.push({ field: 'displayName', message: '姓名(显示名)为 1–50 个字符' });
  if (input.phone && !PHONE.test(input.phone)) problems.push({ field: 'phone', message: '手机号只能含数字、+、空格和 -,5–20 位' });
  return problems;
}

/** Creates a user homed at `orgCode` (no role yet, no password): the answer carries the one-time activation link. */
export async function createUser(
  ctx: ServiceContext, tokens: TokenService, input: { orgCode: string; username: string; displayName: string; phone?: string | null },
): Promise<{ user: UserRecord; link: PasswordLink }> {
  const username = input.username.trim().toLowerCase();
  const problems = profileProblems({ ...input, username });
  if (problems.length) throw new FieldErrors(problems);
  const org = await administeredOrg(ctx, input.orgCode, PEOPLE);
  const viewer = await signedInViewer(ctx);
  const id = randomUUID();
  try {
    await ctx.session.savepoint(() => ctx.session.query(
      `INSERT INTO app_user (id, username, display_name, phone, home_tenant_id, home_org_id, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, username, input.displayName.trim(), input.phone || null, org.tenantId, org.id, viewer.userId]));
  } catch (error) {
    if (sqlStateOf(error) === '23505') throw new ConflictError(`用户名 ${username} 已被使用,请换一个`, { field: 'username' });
    throw error;
  }
  const user = await findUser(ctx, id);
  return { user, link: await passwordLink(tokens, user, 1) };
}

async function passwordLink(tokens: TokenService, user: UserRecord, tokenVersion: number): Promise<PasswordLink> {
  const issued = await tokens.issuePasswordLink({ userId: user.id, tokenVersion }, user.username);
  return { token: issued.token, expiresAt: issued.expiresAt.toISOString() };
}

/** Grants `role` at `orgCode` (the viewer must be an admin there); granting a role held already changes nothing. */
export async function grantRole(ctx: ServiceContext, userId: string, orgCode: string, role: RoleName): Promise<UserRecord> {
  const org = await administeredOrg(ctx, orgCode, PEOPLE);
  const user = await findUser(ctx, userId);
  const viewer = await signedInViewer(ctx);
  await ctx.session.query(
    `INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role, granted_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [user.id, org.tenantId, org.id, role, viewer.userId]);
  return user;
}

/** Revokes `role` at `orgCode`: the user's sessions end at once (their token version is raised). */
export async function revokeRole(ctx: ServiceContext, userId: string, orgCode: string, role: RoleName, reason: string | null): Promise<UserRecord> {
  const org = await administeredOrg(ctx, orgCode, PEOPLE);
  const user = await findUser(ctx, userId);
  const rows = await ctx.session.serially(async (m) => {
    await m.query(`SELECT set_config('ggw.reason', $1, true)`, [reason?.trim() ?? '']);
    return m.query(`WITH d AS (DELETE FROM role_assignment WHERE user_id = $1 AND org_tenant_id = $2 AND org_id = $3 AND role = $4 RETURNING 1) SELECT * FROM d`,
      [user.id, org.tenantId, org.id, role]);
  });
  if (!rows.length) throw new NotFoundError(`${user.displayName} 在 ${org.name} 没有这个角色`, { userId, orgCode, role });
  return user;
}

/** Clears the password (the user cannot log in until they use the new link) and ends their sessions. */
export async function resetPassword(ctx: ServiceContext, tokens: TokenService, userId: string): Promise<{ user: UserRecord; link: PasswordLink }> {
  const user = await managedUser(ctx, userId);
  const [row] = await ctx.session.query<{ token_version: number }>(
    // (a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count])
    `WITH u AS (UPDATE app_user SET password_hash = NULL, token_version = token_version + 1 WHERE id = $1 RETURNING token_version) SELECT token_version FROM u`, [user.id]);
  return { user: await findUser(ctx, user.id), link: await passwordLink(tokens, user, row.token_version) };
}

/** Disables or re-enables an account; disabling ends the user's sessions at once. Nobody disables themselves. */
export async function setDisabled(ctx: ServiceContext, userId: string, disabled: boolean, reason: string | null): Promise<UserRecord> {
  const user = await managedUser(ctx, userId);
  if (disabled && user.id === (await signedInViewer(ctx)).userId) throw new BadUserInputError('不能停用自己的账号', 'userId');
  await ctx.session.serially(async (m) => {
    await m.query(`SELECT set_config('ggw.reason', $1, true)`, [reason?.trim() ?? '']);
    await m.query(`UPDATE app_user SET disabled = $2 WHERE id = $1`, [user.id, disabled]);
  });
  return findUser(ctx, user.id);
}

/** Sets the password of an activation or reset link (once: the link dies with it); returns the new token version. */
export async function setPasswordByLink(ctx: ServiceContext, tokens: TokenService, token: string, password: string): Promise<{ userId: string; tokenVersion: number }> {
  const link = await tokens.verifyPasswordLink(token);
  const problem = passwordProblem(link.username, password);
  if (problem) throw new BadUserInputError(problem, 'password');
  const [row] = await ctx.session.query<{ v: number | null }>(`SELECT ggw_set_password_by_link($1, $2, $3) AS v`, [link.userId, link.tokenVersion, await hashPassword(password)]);
  if (row.v === null) throw new UnauthenticatedError('这个链接已经用过或已失效,请联系管理员重新获取');
  return { userId: link.userId, tokenVersion: row.v };
}

/** Changes the viewer's own password (the old one must be right); their other sessions end. */
export async function changePassword(ctx: ServiceContext, oldPassword: string, newPassword: string): Promise<{ userId: string; tokenVersion: number }> {
  const viewer = await signedInViewer(ctx);
  const [{ hash, username }] = await ctx.session.query<{ hash: string | null; username: string }>(
    `SELECT ggw_actor_password_hash() AS hash, username FROM app_user WHERE id = $1`, [viewer.userId]);
  if (!(await verifyLogin(hash, oldPassword))) throw new BadUserInputError('原密码不正确', 'oldPassword');
  const problem = passwordProblem(username, newPassword);
  if (problem) throw new BadUserInputError(problem, 'newPassword');
  if (newPassword === oldPassword) throw new BadUserInputError('新密码不能与原密码相同', 'newPassword');
  const [row] = await ctx.session.query<{ token_version: number }>(
    `WITH u AS (UPDATE app_user SET password_hash = $2 WHERE id = $1 RETURNING token_version) SELECT token_version FROM u`, [viewer.userId, await hashPassword(newPassword)]);
  return { userId: viewer.userId, tokenVersion: row.token_version };
}

/** The roles of each user of a page, in one statement (a loader of the request). */
export function createUserLoaders(session: RequestSession) {
  return { rolesOfUser: new DataLoader<string, UserRole[]>((ids) => rolesOfUsers(session, ids)) };
}
