import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { canRead, TokenService } from '@ggw/authz';
import { FIVE_GOOD_CRITERIA } from '@ggw/db';
import { ForbiddenError, NotFoundError, ORG_TYPE_LABELS, OrgLevel, OrgType, UnauthenticatedError } from '@ggw/domain';
import { labelsOf } from '../../common/enums';
import { ServiceContext } from '../../context';
import { LEVEL_BELOW, newOrgProblems } from '../org/org.shape';
import { profileProblems } from '../users/users.service';
import { CellValue, columnLetter, parseChineseDate, readSheetRows, ReaderLimits, SheetRow } from './sheet-reader';

/** The onboarding workbook: the org tree, then the first admins. */
export const ORG_SHEET = '组织';
export const ADMIN_SHEET = '管理员';
const ORG_HEADERS = { code: '代码', name: '名称', type: '类型', parentCode: '上级代码', foundedOn: '成立日期' } as const;
const ADMIN_HEADERS = { username: '用户名', displayName: '姓名', phone: '手机号', orgCode: '组织代码' } as const;

export interface OnboardingProblem {
  sheet: string;
  row: number | null;
  column: string | null;
  header: string | null;
  value: CellValue;
  message: string;
}

export interface OnboardingOutcome {
  dryRun: boolean;
  status: 'CHECKED' | 'IMPORTED' | 'REJECTED';
  parentCode: string;
  county: { code: string; name: string } | null;
  /** orgs of the tree by level (COUNTY, TOWNSHIP, VILLAGE) */
  orgs: Record<string, number>;
  admins: number;
  problems: OnboardingProblem[];
  /** each first admin's one-time link to set a password (only after a real import; shown this once) */
  activations: Array<{ username: string; orgCode: string; token: string; expiresAt: string }>;
}

interface OrgRow { row: number; id: string; code: string; name: string; type: OrgType; parentCode: string; foundedOn: string; level?: OrgLevel }
interface AdminRow { row: number; id: string; username: string; displayName: string; phone: string | null; orgCode: string }

const text = (v: CellValue) => (v === null ? '' : String(v).trim());
const TYPE_BY_LABEL = new Map<string, OrgType>([
  ...Object.entries(ORG_TYPE_LABELS).map(([type, label]) => [label, type as OrgType] as const),
  ...Object.values(OrgType).map((t) => [t, t] as const),
  ['县', OrgType.COUNTY], ['县级市', OrgType.COUNTY], ['区', OrgType.COUNTY], ['市辖区', OrgType.COUNTY],
]);

/**
 * Checks an org-tree workbook and, unless a dry run, creates the county it describes below
 * `parentCode` (a city or province): its townships and villages, the standard 五好 criteria and
 * its first admins (ADMIN at the org named on their row), each with a one-time activation link.
 * Every problem of both sheets is reported at once; a workbook with any is written not at all.
 * For a platform admin, or an admin of the city or province above (the database checks again).
 */
export async function runOnboarding(
  ctx: ServiceContext, tokens: TokenService,
  req: { parentCode: string; dryRun: boolean; file: { path: string; fileName: string }; limits?: ReaderLimits },
): Promise<OnboardingOutcome> {
  const viewer = await ctx.viewer();
  if (!viewer) throw new UnauthenticatedError('请先登录');
  // the org above, for a platform admin (who reads no org) or an admin there; nobody else learns it exists
  const [parent] = await ctx.session.query<{ code: string; name: string; level: OrgLevel; founded_on: string; path: string }>(
    `SELECT code, name, level, founded_on::text AS founded_on, path FROM ggw_onboarding_parent($1)`, [req.parentCode]);
  if (!parent) {
    const readable = await ctx.loaders.orgByCode.load(req.parentCode);
    if (readable && canRead(viewer, readable.path)) throw new ForbiddenError(`只有平台管理员或 ${readable.name} 的管理员可以在它下面新建县级组织`);
    throw new NotFoundError(`没有代码为 ${req.parentCode} 的组织`, { code: req.parentCode });
  }
  if (parent.level !== OrgLevel.CITY && parent.level !== OrgLevel.PROVINCE) {
    throw new ForbiddenError(`${parent.name} 不是市或省:新的县级组织只能建在市或省下面`);
  }

  const problems: OnboardingProblem[] = [];
  // a sheet refused as a whole is one problem, and its rows are not checked one by one
  const orgRows = await readOrgs(req.file, req.limits, problems);
  const adminRows = await readAdmins(req.file, req.limits, problems);
  const tree = orgRows ? checkTree({ code: parent.code, level: parent.level, foundedOn: parent.founded_on }, orgRows, problems) : [];
  if (orgRows && adminRows) checkAdmins(adminRows, tree, problems);

  // codes and usernames are unique platform-wide
  const taken = await ctx.session.query<{ kind: string; value: string }>(`SELECT kind, value FROM ggw_taken($1::text[], $2::text[])`,
    [(orgRows ?? []).map((o) => o.code), (adminRows ?? []).map((a) => a.username)]);
  for (const t of taken) {
    if (t.kind === 'code') for (const o of orgRows!.filter((x) => x.code === t.value)) problems.push(orgProblem(o, ORG_HEADERS.code, o.code, `代码 ${o.code} 已被平台上另一个组织使用`));
    else for (const a of adminRows!.filter((x) => x.username === t.value)) problems.push(adminProblem(a, ADMIN_HEADERS.username, a.username, `用户名 ${a.username} 已被使用,请换一个`));
  }

  const county = tree.find((o) => o.level === OrgLevel.COUNTY) ?? null;
  const outcome: OnboardingOutcome = {
    dryRun: req.dryRun, status: problems.length ? 'REJECTED' : req.dryRun ? 'CHECKED' : 'IMPORTED', parentCode: parent.code,
    county: county && { code: county.code, name: county.name },
    orgs: Object.fromEntries([OrgLevel.COUNTY, OrgLevel.TOWNSHIP, OrgLevel.VILLAGE].map((l) => [l, tree.filter((o) => o.level === l).length])),
    admins: adminRows?.length ?? 0, problems: problems.sort((a, b) => a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0)), activations: [],
  };
  if (problems.length || req.dryRun) return outcome;

  await ctx.session.query(`SELECT ggw_onboard_county($1, $2::jsonb, $3::jsonb, $4::jsonb)`, [
    parent.code,
    JSON.stringify(tree.map(({ id, code, name, type, parentCode, foundedOn }) => ({ id, code, name: name.trim(), type, parentCode, foundedOn }))),
    JSON.stringify(FIVE_GOOD_CRITERIA),
    JSON.stringify(adminRows!.map(({ id, username, displayName, phone, orgCode }) => ({ id, username, displayName, phone, orgCode }))),
  ]);
  for (const a of adminRows!) {
    const link = await tokens.issuePasswordLink({ userId: a.id, tokenVersion: 1 }, a.username);
    outcome.activations.push({ username: a.username, orgCode: a.orgCode, token: link.token, expiresAt: link.expiresAt.toISOString() });
  }
  return outcome;
}

/** A problem in a cell of the 组织 sheet (columns in the template's order). */
function orgProblem(o: { row: number }, header: string, value: CellValue, message: string): OnboardingProblem {
  return { sheet: ORG_SHEET, row: o.row, column: columnLetter(Object.values(ORG_HEADERS).indexOf(header as never) + 1), header, value, message };
}

/** A problem in a cell of the 管理员 sheet, or of the sheet as a whole (no row). */
function adminProblem(a: { row: number } | null, header: string | null, value: CellValue, message: string): OnboardingProblem {
  return { sheet: ADMIN_SHEET, row: a?.row ?? null, column: header ? columnLetter(Object.values(ADMIN_HEADERS).indexOf(header as never) + 1) : null, header, value, message };
}

/** Reads one sheet whole (a county's tree is a few hundred rows); a sheet refused as a whole is one problem, and null. */
async function readSheet(file: { path: string; fileName: string }, sheet: string, headers: string[], optional: string[], limits: ReaderLimits | undefined, problems: OnboardingProblem[]): Promise<SheetRow[] | null> {
  const rows: SheetRow[] = [];
  try {
    for await (const r of readSheetRows(file.path, file.fileName, headers, optional, limits, sheet)) rows.push(r);
  } catch (error) {
    if (error instanceof Error && 'reason' in error) {
      problems.push({ sheet, row: null, column: null, header: null, value: null, message: error.message });
      return null;
    }
    throw error;
  }
  return rows;
}

async function readOrgs(file: { path: string; fileName: string }, limits: ReaderLimits | undefined, problems: OnboardingProblem[]): Promise<OrgRow[] | null> {
  const rows = await readSheet(file, ORG_SHEET, Object.values(ORG_HEADERS), [], limits, problems);
  if (!rows) return null;
  const out: OrgRow[] = [];
  for (const r of rows) {
    const cell = (h: string) => r.values[h];
    const problem = (h: string, message: string) => problems.push({ ...orgProblem(r, h, cell(h), message), column: r.columns[h] ?? null });
    const code = text(cell(ORG_HEADERS.code));
    const type = TYPE_BY_LABEL.get(text(cell(ORG_HEADERS.type)));
    const foundedOn = parseChineseDate(cell(ORG_HEADERS.foundedOn));
    if (!code) problem(ORG_HEADERS.code, '请填写组织代码');
    if (!text(cell(ORG_HEADERS.name))) problem(ORG_HEADERS.name, '请填写名称');
    if (!type) problem(ORG_HEADERS.type, `类型必须是 ${Object.values(labelsOf(OrgType)).filter((l) => l !== '省' && l !== '市').join('/')} 之一`);
    if (!text(cell(ORG_HEADERS.parentCode))) problem(ORG_HEADERS.parentCode, '请填写上级组织的代码');
    if (!foundedOn) problem(ORG_HEADERS.foundedOn, '成立日期应为日期,如 2021-03-01、2021.3.1 或 2021年3月1日');
    out.push({ row: r.row, id: randomUUID(), code, name: text(cell(ORG_HEADERS.name)), type: type ?? OrgType.VILLAGE, parentCode: text(cell(ORG_HEADERS.parentCode)), foundedOn: foundedOn ?? '' });
  }
  return out;
}

async function readAdmins(file: { path: string; fileName: string }, limits: ReaderLimits | undefined, problems: OnboardingProblem[]): Promise<AdminRow[] | null> {
  const rows = await readSheet(file, ADMIN_SHEET, Object.values(ADMIN_HEADERS), [ADMIN_HEADERS.phone], limits, problems);
  return rows && rows.map((r) => ({
    row: r.row, id: randomUUID(), username: text(r.values[ADMIN_HEADERS.username]).toLowerCase(), displayName: text(r.values[ADMIN_HEADERS.displayName]),
    phone: text(r.values[ADMIN_HEADERS.phone] ?? null) || null, orgCode: text(r.values[ADMIN_HEADERS.orgCode]),
  }));
}

/**
 * The tree of the workbook, parents first (the order the database inserts it in), with each
 * org's level; every problem of the tree reported where it is: a duplicate code, a parent that
 * is neither in the workbook nor the org above, a cycle, not exactly one county, and what
 * `newOrgProblems` finds (type for the level, 统计用区划代码, dates).
 */
function checkTree(parent: { code: string; level: OrgLevel; foundedOn: string }, rows: OrgRow[], problems: OnboardingProblem[]): OrgRow[] {
  const problem = (o: OrgRow, header: string, value: CellValue, message: string) => problems.push(orgProblem(o, header, value, message));
  const byCode = new Map<string, OrgRow>();
  for (const o of rows.filter((x) => x.code)) {
    const first = byCode.get(o.code);
    if (first) problem(o, ORG_HEADERS.code, o.code, `代码 ${o.code} 与第 ${first.row} 行重复`);
    else byCode.set(o.code, o);
  }
  const roots = rows.filter((o) => o.parentCode === parent.code);
  if (roots.length !== 1) {
    problems.push({ sheet: ORG_SHEET, row: roots[1]?.row ?? null, column: roots.length ? 'D' : null, header: roots.length ? ORG_HEADERS.parentCode : null, value: parent.code,
      message: roots.length ? `只能有一个县级组织的上级代码是 ${parent.code}(第 ${roots.map((r) => r.row).join('、')} 行)` : `没有上级代码为 ${parent.code} 的县级组织:请填写一行县(市、区)关工委,上级代码填 ${parent.code}` });
  }
  for (const o of rows) {
    if (o.parentCode && o.parentCode !== parent.code && !byCode.has(o.parentCode)) problem(o, ORG_HEADERS.parentCode, o.parentCode, `上级代码 ${o.parentCode} 不在这个工作簿里,也不是 ${parent.code}`);
  }
  // breadth first from the county: what is not reached hangs in a cycle (or under a missing parent, said above)
  const ordered: OrgRow[] = [];
  const children = new Map<string, OrgRow[]>();
  for (const o of byCode.values()) children.set(o.parentCode, [...(children.get(o.parentCode) ?? []), o]);
  if (roots.length === 1 && byCode.get(roots[0].code) === roots[0]) {
    const queue: Array<[OrgRow, { code: string; level: OrgLevel; foundedOn: string }]> = [[roots[0], parent]];
    while (queue.length) {
      const [o, above] = queue.shift()!;
      const level = LEVEL_BELOW[above.level];
      for (const p of newOrgProblems(above, o)) {
        const header = p.field === 'parentCode' ? ORG_HEADERS.parentCode : ORG_HEADERS[p.field as keyof typeof ORG_HEADERS];
        problem(o, header, o[p.field as keyof OrgRow] as CellValue, p.message);
      }
      if (!level) continue;
      o.level = level;
      ordered.push(o);
      for (const c of children.get(o.code) ?? []) queue.push([c, { code: o.code, level, foundedOn: o.foundedOn }]);
    }
  }
  const reached = new Set(ordered);
  for (const o of byCode.values()) {
    if (!reached.has(o) && byCode.has(o.parentCode) && o.parentCode !== parent.code && roots.length === 1) {
      problem(o, ORG_HEADERS.parentCode, o.parentCode, `上级关系成环或挂在一个无效的组织下:从 ${o.code} 向上找不到县级组织`);
    }
  }
  return ordered;
}

function checkAdmins(rows: AdminRow[], tree: OrgRow[], problems: OnboardingProblem[]): void {
  const problem = (a: AdminRow | null, header: string | null, value: CellValue, message: string) => problems.push(adminProblem(a, header, value, message));
  const codes = new Map(tree.map((o) => [o.code, o]));
  const seen = new Map<string, number>();
  for (const a of rows) {
    // the same checks as createUser's
    const profile = profileProblems(a);
    for (const p of profile) {
      const header = ADMIN_HEADERS[p.field as 'username' | 'displayName' | 'phone'];
      problem(a, header, a[p.field as 'username' | 'displayName' | 'phone'], p.message);
    }
    if (!profile.some((p) => p.field === 'username') && seen.has(a.username)) problem(a, ADMIN_HEADERS.username, a.username, `用户名与第 ${seen.get(a.username)} 行重复`);
    seen.set(a.username, seen.get(a.username) ?? a.row);
    if (!codes.has(a.orgCode)) problem(a, ADMIN_HEADERS.orgCode, a.orgCode, `组织代码 ${a.orgCode || '(空)'} 不是“${ORG_SHEET}”工作表里的组织`);
  }
  if (tree.length && !rows.some((a) => codes.get(a.orgCode)?.level === OrgLevel.COUNTY)) {
    problem(null, null, null, `请在“${ADMIN_SHEET}”工作表中至少填写一位县级管理员(组织代码填县级组织的代码),否则新县没有人能登录管理`);
  }
}

/** The onboarding workbook to fill in: 组织 (type drop-down), 管理员, and 填表说明. */
export async function writeOnboardingTemplate(parentCode: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '关工委工作报表平台';
  const orgs = workbook.addWorksheet(ORG_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const admins = workbook.addWorksheet(ADMIN_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const help = workbook.addWorksheet('填表说明');
  orgs.columns = Object.values(ORG_HEADERS).map((header) => ({ header, width: header === '名称' ? 24 : 16, style: { numFmt: header === ORG_HEADERS.foundedOn ? 'yyyy-mm-dd' : '@' } }));
  admins.columns = Object.values(ADMIN_HEADERS).map((header) => ({ header, width: 18, style: { numFmt: '@' } }));
  for (const s of [orgs, admins]) s.getRow(1).font = { bold: true };
  const types = [OrgType.COUNTY, OrgType.XIANG, OrgType.TOWN, OrgType.SUBDISTRICT, OrgType.DEPARTMENT, OrgType.SCHOOL, OrgType.ENTERPRISE, OrgType.VILLAGE, OrgType.COMMUNITY]
    .map((t) => ORG_TYPE_LABELS[t]);
  (orgs as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('C2:C5001', {
    type: 'list', allowBlank: false, formulae: [`"${types.join(',')}"`], showErrorMessage: true, errorStyle: 'stop', errorTitle: '类型', error: '请从下拉列表中选择类型',
  });
  orgs.addRow(['(示例)220599', '某某县', ORG_TYPE_LABELS[OrgType.COUNTY], parentCode, '1991-06-01']);
  help.columns = [{ header: '工作表', width: 10 }, { header: '列', width: 12 }, { header: '填写说明', width: 100 }];
  help.getRow(1).font = { bold: true };
  for (const row of [
    [ORG_SHEET, ORG_HEADERS.code, '地方组织用统计用区划代码:县 6 位(市代码前 4 位开头),乡镇街道 9 位(县代码加 3 位),村和社区 12 位(乡镇代码加 3 位);部门、学校、企业用上级代码加字母编号,如 220582B01。代码全平台唯一。'],
    [ORG_SHEET, ORG_HEADERS.name, '组织名称,如 集安市、台上镇、石湖村'],
    [ORG_SHEET, ORG_HEADERS.type, `从下拉列表选择:${types.join('、')}。县级一行,类型为“县(市、区)”`],
    [ORG_SHEET, ORG_HEADERS.parentCode, `县级那一行填 ${parentCode}(上级市或省);其余每行填本工作簿中上级组织的代码`],
    [ORG_SHEET, ORG_HEADERS.foundedOn, '关工委成立日期,如 2021-03-01、2021.3.1 或 2021年3月1日;不早于上级'],
    [ADMIN_SHEET, ADMIN_HEADERS.username, '登录用的用户名:3–50 个小写字母、数字或 . _ -,全平台唯一'],
    [ADMIN_SHEET, ADMIN_HEADERS.displayName, '姓名'],
    [ADMIN_SHEET, ADMIN_HEADERS.phone, '手机号(可空)'],
    [ADMIN_SHEET, ADMIN_HEADERS.orgCode, '在哪个组织任管理员(“组织”工作表中的代码);至少一位在县级'],
    ['', '', '先试导入:所有问题一次列出;正式导入后,每位管理员得到一个 72 小时内有效的一次性激活令牌,用它设置密码。删除示例行后再导入。'],
  ]) help.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
