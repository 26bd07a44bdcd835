import { canWrite } from '@ggw/authz';
import { AppError, BadUserInputError, FieldErrors, ForbiddenError, ORG_COLUMNS, OrgLevel, OrgRecord, parseOrgRecord, parsePeriod, UnauthenticatedError } from '@ggw/domain';
import { ServiceContext } from '../../context';
import { checkFields } from '../entry/entry.fields';
import { RULES, Violation } from '../entry/entry.rules';
import { criteriaOf, findViolations, insertRecords, lockMessage, putAssessment, recordLocks, recordsAt, StoredRecord, updateRecords } from '../entry/entry.store';
import { findOrg } from '../org/org.service';
import { cellToInput, CRITERION_FIELD, ImportKind, importKind, IMPORT_SLUGS, ORG_CODE_HEADER } from './import.columns';
import { writeErrorWorkbook } from './import.template';
import { CellValue, DEFAULT_READER_LIMITS, ReaderLimits, readSheetRows } from './sheet-reader';

/**
 * Imports a spreadsheet of one kind of record for an org's subtree: every row goes through the
 * same field checks as the forms, rows are matched to existing records by the kind's natural
 * keys (so the same file twice changes nothing), and then either a dry run says what would
 * happen, or the whole file is written in the request's one transaction (set-based, a few
 * statements per 5,000 rows), with the rule catalogue checked afterwards: any problem and
 * nothing is written. The import is kept (`import_job`) with its counts and problems, and its
 * id is the audit trail's request id of every record it writes.
 */

/** One thing wrong with a file, where a clerk finds it: the sheet, the row, the column and what is in the cell. */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  header: string | null;
  value: CellValue;
  message: string;
}

export interface ImportOutcome {
  id: string;
  kind: string;
  orgCode: string;
  dryRun: boolean;
  status: 'CHECKED' | 'IMPORTED' | 'REJECTED';
  fileName: string;
  sha256: string;
  sizeBytes: number;
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  problemCount: number;
  /** the first 1,000 problems (all of them in the error workbook) */
  problems: ImportProblem[];
  /** where the file with its problems marked is (GET, with the bearer token), when it had any */
  errorFileUrl: string | null;
}

export interface ImportRequest {
  id: string;
  orgCode: string;
  kind: ImportKind;
  dryRun: boolean;
  file: { path: string; fileName: string; sha256: string; sizeBytes: number };
  limits?: ReaderLimits;
}

const KEPT_PROBLEMS = 1000;

/** Orgs whose existing records are read and matched at once (a county's villages: a few thousand records). */
const MATCH_ORGS = 20;

/** Problems as they are found: every one counted, the first 100,000 held (a file wrong in every cell stays small in memory). */
class Problems {
  readonly items: ImportProblem[] = [];
  private count = 0;

  push(...found: ImportProblem[]): void {
    for (const p of found) {
      this.count++;
      if (this.items.length < 100_000) this.items.push(p);
    }
  }

  get length(): number {
    return this.count;
  }
}

/** A field value as compared between a row and a stored record (money and numbers by their amount). */
function comparable(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return String(Number(value));
  return String(value);
}

interface CheckedRow {
  row: number;
  org: OrgRecord;
  values: Record<string, unknown>;
  key: string | null;
  cells: { values: Record<string, CellValue> | null; columns: Record<string, string> };
}

export async function runImport(ctx: ServiceContext, req: ImportRequest): Promise<ImportOutcome> {
  const viewer = await ctx.viewer();
  if (!viewer) throw new UnauthenticatedError('请先登录');
  const root = await findOrg(ctx, { code: req.orgCode });
  if (!canWrite(viewer, root.path)) throw new ForbiddenError(`您在${root.name}只有查看权限,不能导入数据`);
  const { kind } = req;
  const orgs = new Map((await ctx.session.query(`SELECT ${ORG_COLUMNS} FROM org o WHERE o.path <@ $1::ltree ORDER BY o.path`, [root.path]))
    .map(parseOrgRecord).filter((o) => canWrite(viewer, o.path)).map((o) => [o.code, o]));
  const fields = kind.writes ?? kind.columns.filter((c) => c.spec !== null).map((c) => c.field);
  const specs = Object.fromEntries(kind.columns.filter((c) => c.spec !== null).map((c) => [c.field, c.spec!]));
  const today = new Date().toISOString().slice(0, 10);

  const problems = new Problems();
  const rows: CheckedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  const keyOf = (org: OrgRecord, values: Record<string, unknown>) => {
    const key = kind.keys.find((k) => k.every((f) => values[f] !== null && values[f] !== undefined));
    return key ? `${org.id}|${key.map((f) => `${f}=${comparable(values[f])}`).join('|')}` : null;
  };
  let rowCount = 0;
  const read = () => readSheetRows(req.file.path, req.file.fileName, kind.columns.map((c) => c.header),
    kind.columns.filter((c) => c.spec && !c.spec.required).map((c) => c.header), req.limits ?? DEFAULT_READER_LIMITS);
  for await (const r of read()) {
    rowCount++;
    // parsing and checking is the API's own CPU: let other requests in every few hundred rows
    if (rowCount % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    const at = (header: string) => ({ row: r.row, column: r.columns[header] ?? null, header, value: r.values[header] ?? null });
    const code = r.values[ORG_CODE_HEADER];
    const org = code === null || code === undefined ? undefined : orgs.get(String(code).trim());
    if (!org) {
      problems.push({ ...at(ORG_CODE_HEADER), message: code === null || code === undefined ? '组织代码不能为空' : `组织代码 "${code}" 不是${root.name}或其下级单位(或您无权录入)` });
      continue;
    }
    const input: Record<string, unknown> = {};
    let bad = false;
    for (const c of kind.columns) {
      if (c.spec === null) continue;
      const converted = cellToInput(c.spec, r.values[c.header] ?? null);
      if ('problem' in converted) {
        problems.push({ ...at(c.header), message: converted.problem });
        bad = true;
      } else input[c.field] = converted.value;
    }
    if (bad) continue;
    let values: Record<string, unknown>;
    try {
      values = checkFields(specs, input, 'create', { today, foundedOn: org.foundedOn }, endProblems(kind, input));
    } catch (error) {
      if (!(error instanceof FieldErrors)) throw error;
      for (const e of error.fieldErrors) {
        const header = kind.columns.find((c) => c.field === e.field)?.header ?? e.field;
        problems.push({ ...at(header), message: e.message });
      }
      continue;
    }
    // the cell values are kept only where a later step points at them (a person named in a pair);
    // the columns are one object the reader shares between rows
    rows.push({ row: r.row, org, values, key: null, cells: { values: kind.refs ? r.values : null, columns: r.columns } });
  }
  // a row points at people by 身份证号 or name: found among the orgs' records, then keyed
  if (kind.refs) await resolveRefs(ctx, kind, rows, problems);
  keepRows(rows, (r) => {
    r.key = keyOf(r.org, r.values);
    const first = r.key === null ? undefined : firstRowOfKey.get(r.key);
    if (first !== undefined) {
      problems.push({ row: r.row, column: null, header: null, value: null, message: `与第 ${first} 行是同一条记录,请删去重复的一行` });
      return false;
    }
    if (r.key !== null) firstRowOfKey.set(r.key, r.row);
    return true;
  });
  firstRowOfKey.clear();
  // an optional column the file leaves out changes nothing on the records it matches (a ledger
  // without 手机号 does not clear the phones); a new record gets its default
  const present = rows[0]?.cells.columns ?? {};
  const compared = fields.filter((f) => {
    const c = kind.columns.find((x) => x.field === f);
    return !c || c.header in present;
  });

  await dropLockedRows(ctx, kind, rows, problems);

  // match the rows to what the orgs already have, a few orgs at a time: a county's 100,000
  // existing records are never held at once next to the file's 100,000 rows
  const touched = [...new Map(rows.map((r) => [r.org.id, r.org])).values()];
  const rowsOf = new Map<string, CheckedRow[]>();
  for (const r of rows) {
    const list = rowsOf.get(r.org.id);
    if (list) list.push(r);
    else rowsOf.set(r.org.id, [r]);
  }
  const creates: CheckedRow[] = [];
  const updates: Array<CheckedRow & { record: StoredRecord }> = [];
  let unchanged = 0;
  for (let i = 0; i < touched.length; i += MATCH_ORGS) {
    const orgs = touched.slice(i, i + MATCH_ORGS);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const existing = new Map<string, StoredRecord>();
    for (const record of await existingOf(ctx, kind, orgs)) {
      const key = keyOf(byId.get(record.orgId)!, record);
      if (key !== null && !existing.has(key)) existing.set(key, record);
    }
    for (const r of orgs.flatMap((o) => rowsOf.get(o.id)!)) {
      const record = r.key === null ? undefined : existing.get(r.key);
      if (!record) creates.push(r);
      else if (compared.every((f) => comparable(record[f]) === comparable(r.values[f]))) unchanged++;
      else updates.push({ ...r, record });
    }
  }
  rowsOf.clear();
  // the rows again in file order (creates and updates were gathered org by org)
  creates.sort((a, b) => a.row - b.row);
  updates.sort((a, b) => a.row - b.row);

  let status: ImportOutcome['status'] = req.dryRun ? 'CHECKED' : problems.length ? 'REJECTED' : 'IMPORTED';
  if (status === 'IMPORTED') {
    // written in a savepoint: a locked period or a broken rule takes back every row, and the import's record stays
    try {
      await ctx.session.savepoint(() => writeRows(ctx, kind, { created: fields, updated: compared }, creates, updates, touched));
    } catch (error) {
      if (!(error instanceof ImportRejected) && !(error instanceof AppError)) throw error;
      problems.push(...(error instanceof ImportRejected ? error.problems : [{ row: null, column: null, header: null, value: null, message: error.message }]));
      status = 'REJECTED';
    }
  }
  const outcome: ImportOutcome = {
    id: req.id, kind: kind.slug, orgCode: root.code, dryRun: req.dryRun, status,
    fileName: req.file.fileName, sha256: req.file.sha256, sizeBytes: req.file.sizeBytes, rowCount,
    created: status === 'REJECTED' ? 0 : creates.length, updated: status === 'REJECTED' ? 0 : updates.length, unchanged: status === 'REJECTED' ? 0 : unchanged,
    problemCount: problems.length, problems: problems.items.slice(0, KEPT_PROBLEMS), errorFileUrl: problems.length ? `/imports/${req.id}/errors.xlsx` : null,
  };
  const errorFile = problems.length ? await writeErrorWorkbook(kind, read(), problems.items) : null;
  await ctx.session.query(
    `INSERT INTO import_job (tenant_id, id, org_id, user_id, kind, file_name, sha256, size_bytes, dry_run, status, row_count, created, updated, unchanged,
                             problem_count, problems, error_file)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [root.tenantId, req.id, root.id, viewer.userId, kind.slug, req.file.fileName, req.file.sha256, req.file.sizeBytes, req.dryRun, status, rowCount,
      outcome.created, outcome.updated, outcome.unchanged, problems.length, JSON.stringify(outcome.problems), errorFile]);
  return outcome;
}

/** Problems found while writing (rules broken by the rows), which take back the whole file. */
class ImportRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('import rejected');
  }
}

/**
 * Writes the rows set-based, then checks the hard rules at the touched orgs: a violation the
 * import brought (not there before) rejects the file, pointing at the row where it can.
 */
async function writeRows(
  ctx: ServiceContext, kind: ImportKind, fields: { created: string[]; updated: string[] }, creates: CheckedRow[],
  updates: Array<CheckedRow & { record: StoredRecord }>, touched: OrgRecord[],
): Promise<void> {
  const table = 'records' in kind.target ? kind.target.records.table : 'assessment';
  const hard = RULES.filter((r) => r.severity === 'HARD' && r.tables.includes(table));
  const key = (v: Violation) => `${v.rule}|${v.orgId}|${v.recordId ?? ''}|${v.subject}`;
  const before = new Set((await findViolations(ctx.session, hard, touched, null, null)).map(key));
  let ids: string[] = [];
  if ('records' in kind.target) {
    ids = await insertRecords(ctx.session, kind.target.records, fields.created, creates.map((r) => ({ tenantId: r.org.tenantId, orgId: r.org.id, values: r.values })));
    const updated = await updateRecords(ctx.session, kind.target.records, fields.updated,
      updates.map((r) => ({ tenantId: r.org.tenantId, id: r.record.id, version: r.record.version, values: r.values })));
    if (updated !== updates.length) {
      throw new ImportRejected([{ row: null, column: null, header: null, value: null, message: '导入期间有记录被他人修改,请重新导入' }]);
    }
  } else {
    // an assessment is an org's year: its criteria are set together (a few rows per org)
    for (const r of [...creates, ...updates]) {
      const results = kind.target.assessments.map((c) => ({ criterionKey: c.key, met: r.values[`${CRITERION_FIELD}${c.key}`] === true }));
      await putAssessment(ctx.session, r.org, r.values.year as number, results);
    }
  }
  const broken = (await findViolations(ctx.session, hard, touched, null, null)).filter((v) => !before.has(key(v)));
  if (broken.length) {
    const rowOf = new Map<string, number>([...ids.map((id, i) => [id, creates[i].row] as const), ...updates.map((u) => [u.record.id, u.row] as const)]);
    throw new ImportRejected(broken.map((v) => ({ row: v.recordId ? rowOf.get(v.recordId) ?? null : null, column: null, header: null, value: null, message: v.detail })));
  }
}

/** The file of an import given back with its problems marked, if the viewer may read the import and it had problems. */
export async function importErrorFile(ctx: ServiceContext, id: string): Promise<{ fileName: string; content: Buffer } | null> {
  const [row] = await ctx.session.query<{ fileName: string; content: Buffer | null }>(
    `SELECT file_name AS "fileName", error_file AS content FROM import_job WHERE id = $1`, [id]);
  return row?.content ? { fileName: row.fileName, content: row.content } : null;
}

/** What the touched orgs already have, as rows of the import's fields (what its rows are matched and compared against). */
async function existingOf(ctx: ServiceContext, kind: ImportKind, orgs: OrgRecord[]): Promise<StoredRecord[]> {
  if ('records' in kind.target) return recordsAt(ctx.session, kind.target.records, orgs, kind.writes ?? kind.columns.filter((c) => c.spec !== null).map((c) => c.field));
  const rows = await ctx.session.query<{ tenantId: string; orgId: string; year: number; version: number; met: Record<string, boolean> }>(
    `SELECT a.tenant_id AS "tenantId", a.org_id AS "orgId", a.year, max(a.version)::int AS version, jsonb_object_agg(a.criterion_key, a.met) AS met
       FROM assessment a WHERE (a.tenant_id, a.org_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[])) GROUP BY 1, 2, 3`,
    [orgs.map((o) => o.tenantId), orgs.map((o) => o.id)]);
  return rows.map((r) => ({
    tenantId: r.tenantId, id: `${r.orgId}|${r.year}`, orgId: r.orgId, version: r.version, year: r.year,
    ...Object.fromEntries(Object.entries(r.met).map(([k, met]) => [`${CRITERION_FIELD}${k}`, met])),
  }));
}

/**
 * The kind a slug names for an import into `orgCode`: an assessment's columns are the criteria
 * of the org's county, so assessments are imported a county (or less) at a time.
 */
export async function importKindFor(ctx: ServiceContext, slug: string, orgCode: string | null): Promise<ImportKind> {
  const kind = await importKind(slug, async () => {
    const viewer = await ctx.viewer();
    const org = orgCode ? await findOrg(ctx, { code: orgCode }) : viewer?.roles[0] ? await findOrg(ctx, { id: viewer.roles[0].orgId }) : null;
    if (!org) throw new BadUserInputError('请给出 orgCode', 'orgCode');
    if (org.level === OrgLevel.CITY || org.level === OrgLevel.PROVINCE) {
      throw new BadUserInputError('"五好"评定按县导入(各县的评定标准不同):请给出一个县(市、区)或其下级的 orgCode', 'orgCode');
    }
    const criteria = await criteriaOf(ctx.session, org.tenantId);
    if (!criteria.length) throw new BadUserInputError(`${org.name}所在的县还没有设置"五好"评定标准`, 'orgCode');
    return criteria;
  });
  if (!kind) throw new BadUserInputError(`kind 应为以下之一:${IMPORT_SLUGS.join('、')}`, 'kind');
  return kind;
}

/**
 * Finds the records the rows name (a pair's volunteer and beneficiary): by 身份证号 where given,
 * else by a name that is unique among the candidates (the row's org, and for a volunteer the
 * orgs above it). A row whose person is not found, or not found once, gets a problem and is
 * dropped; the others get the ids in place of the names.
 */
async function resolveRefs(ctx: ServiceContext, kind: ImportKind, rows: CheckedRow[], problems: Problems): Promise<void> {
  const orgIds = [...new Set(rows.map((r) => r.org.id))];
  const paths = [...new Set(rows.map((r) => r.org.path))];
  for (const ref of kind.refs ?? []) {
    // candidates: the records of the rows' orgs, and of the orgs above them where allowed
    const candidates = await ctx.session.query<{ id: string; orgId: string; path: string; name: string; idNumber: string | null }>(
      `SELECT p.id, p.org_id AS "orgId", o.path::text AS path, p.name, p.id_number AS "idNumber"
         FROM ${ref.table} p JOIN org o ON o.tenant_id = p.tenant_id AND o.id = p.org_id
        WHERE ${ref.above ? 'o.path @> ANY($1::ltree[])' : 'p.org_id = ANY($1::uuid[])'}`,
      [ref.above ? paths : orgIds]);
    const header = (field: string) => kind.columns.find((c) => c.field === field)!.header;
    const byPath = new Map<string, typeof candidates>();
    for (const c of candidates) {
      const list = byPath.get(c.path);
      if (list) list.push(c);
      else byPath.set(c.path, [c]);
    }
    keepRows(rows, (r) => {
      // the row's org, and every org above it where allowed (paths are codes joined by dots)
      const parts = r.org.path.split('.');
      const reach = ref.above ? parts.map((_p, k) => parts.slice(0, k + 1).join('.')) : [r.org.path];
      const mine = reach.flatMap((path) => byPath.get(path) ?? []);
      const idNumber = r.values[ref.idNumber] as string | null;
      const name = r.values[ref.name] as string;
      const found = idNumber ? mine.filter((c) => c.idNumber === idNumber) : mine.filter((c) => c.name === name);
      const by = idNumber ? ref.idNumber : ref.name;
      const at = { row: r.row, column: r.cells.columns[header(by)] ?? null, header: header(by), value: r.cells.values?.[header(by)] ?? null };
      const where = ref.above ? `${r.org.name}或其上级` : r.org.name;
      if (found.length !== 1) {
        problems.push({ ...at, message: found.length === 0
          ? `${where}没有${idNumber ? `身份证号为 ${idNumber} ` : `名为“${name}”`}的${ref.label};请先录入${ref.label}`
          : `${where}有 ${found.length} 位名为“${name}”的${ref.label};请填写${ref.label}身份证号以区分` });
        return false;
      }
      r.values[ref.field] = found[0].id;
      return true;
    });
  }
  for (const r of rows) for (const ref of kind.refs ?? []) {
    delete r.values[ref.name];
    delete r.values[ref.idNumber];
  }
}

/** A span that ends must end after it starts (as the forms check). */
function endProblems(kind: ImportKind, input: Record<string, unknown>): Array<{ field: string; message: string }> {
  const end = 'records' in kind.target ? kind.target.records.end : undefined;
  if (!end) return [];
  const [start, stop] = [input[end.after], input[end.field]];
  const startLabel = kind.columns.find((c) => c.field === end.after)?.header ?? end.after;
  return typeof start === 'string' && typeof stop === 'string' && stop <= start ? [{ field: end.field, message: `${end.label}应晚于${startLabel}(${start})` }] : [];
}

/**
 * Rows dated in a period whose records are held (a submitted or approved report, a closed
 * period): each gets a problem at its date, in a dry run too, and is dropped. The database
 * refuses such a write anyway; this only says which row.
 */
async function dropLockedRows(ctx: ServiceContext, kind: ImportKind, rows: CheckedRow[], problems: Problems): Promise<void> {
  const dated = kind.columns.filter((c) => c.spec && ['date', 'year', 'period'].includes(c.spec.type));
  if (!dated.length || !rows.length) return;
  const locks = await recordLocks(ctx.session, [...new Map(rows.map((r) => [r.org.id, r.org])).values()]);
  if (!locks.size) return;
  const dayOf = (type: string, value: unknown) => (type === 'year' ? `${value}-01-01` : type === 'period' ? parsePeriod(String(value)).start : String(value));
  keepRows(rows, (r) => {
    const held = locks.get(r.org.id);
    if (!held) return true;
    for (const c of dated) {
      const value = r.values[c.field];
      if (value === null || value === undefined) continue;
      const day = dayOf(c.spec!.type, value);
      const lock = held.find((l) => l.from <= day && day < l.to);
      if (!lock) continue;
      problems.push({ row: r.row, column: r.cells.columns[c.header] ?? null, header: c.header, value: String(value), message: lockMessage(lock.held) });
      return false;
    }
    return true;
  });
}

/** Keeps, in order and in place, the rows `keep` says yes to (a file's 100,000 rows: no splicing one at a time). */
function keepRows(rows: CheckedRow[], keep: (r: CheckedRow) => boolean): void {
  let kept = 0;
  for (const r of rows) if (keep(r)) rows[kept++] = r;
  rows.length = kept;
}
