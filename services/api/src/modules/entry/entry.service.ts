import { canRead, canWrite, isWithin, Viewer } from '@ggw/authz';
import {
  AdoptionLevel, BadUserInputError, ConflictError, FieldError, FieldErrors, ForbiddenError, isUuid, NotFoundError, Period, RuleViolatedError, UnauthenticatedError,
} from '@ggw/domain';
import { ServiceContext } from '../../context';
import { OrgRecord } from '../org/org.record';
import { findOrg } from '../org/org.service';
import { readRecord, RECORD_KINDS, RecordRow } from '../records/records.loaders';
import { maskRecords } from '../records/records.masking';
import { checkFields, DateBounds } from './entry.fields';
import { WritableKind } from './entry.kinds';
import { ruleByKey, RULES, rulesFor, Violation } from './entry.rules';
import {
  assessmentVersion, criteriaOf, deleteRecord, findClientMutation, findRecord, findViolations, insertRecord, lockOrg, putAssessment, recordAtOrg,
  removeAssessment, saveClientMutation, StoredRecord, updateRecord, WriteTarget,
} from './entry.store';

/** What a write answers: the record as its list shows it to the writer, and the soft rules it breaks. */
export interface WriteResult {
  record: RecordRow;
  warnings: Violation[];
}

async function writer(ctx: ServiceContext): Promise<Viewer> {
  const viewer = await ctx.viewer();
  if (!viewer) throw new UnauthenticatedError('请先登录');
  return viewer;
}

/**
 * The org's write lock, for a viewer who may write there: the org is locked and read in one
 * statement. Where it cannot be, the org is looked up as a read would: NOT_FOUND outside the
 * viewer's subtrees, FORBIDDEN for a reader (the org is visible to them).
 */
async function writableOrg(ctx: ServiceContext, viewer: Viewer, by: { code: string } | OrgRecord): Promise<OrgRecord> {
  const locked = await lockOrg(ctx.session, 'code' in by && !('path' in by) ? { code: by.code } : { tenantId: (by as OrgRecord).tenantId, id: (by as OrgRecord).id });
  if (locked && canWrite(viewer, locked.path)) {
    ctx.loaders.orgById.prime(locked.id, locked);
    return locked;
  }
  const org = 'path' in by ? by : await findOrg(ctx, { code: by.code });
  throw new ForbiddenError(canWrite(viewer, org.path) ? `您不能录入或修改${org.name}的数据` : `您在${org.name}只有查看权限,不能录入或修改数据`);
}

const today = () => new Date().toISOString().slice(0, 10);

/** Cross-field and cross-record checks of a record's values as they will be after the write. */
async function relationErrors(ctx: ServiceContext, kind: WritableKind, org: WriteTarget, after: Record<string, unknown>, changed: string[]): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const field of changed) {
    const spec = kind.fields[field];
    const value = after[field];
    if (spec?.type === 'ref' && typeof value === 'string' && !(await recordAtOrg(ctx.session, spec.table, org, value))) {
      errors.push({ field, message: `${spec.label}不是本组织登记的记录(id ${value})` });
    }
  }
  if (kind.end) {
    const start = after[kind.end.after];
    const end = after[kind.end.field];
    if (typeof start === 'string' && typeof end === 'string' && end <= start) {
      errors.push({ field: kind.end.field, message: `${kind.end.label}应晚于${kind.fields[kind.end.after].label}(${start})` });
    }
  }
  return errors;
}

const violationKey = (v: Violation) => `${v.rule}|${v.orgId}|${v.recordId ?? ''}|${v.subject}`;

/**
 * Runs `write` between two checks of the rules a write to `table` can break, at the org: a hard
 * rule the write breaks anew (or breaks worse) refuses it (RULE_VIOLATED: the request rolls
 * back, nothing is kept); what was broken before the write does not block it. `record` is the
 * record written (null for a new one, whose id `write` returns): rules about records look only
 * at what concerns it, and a new record has broken nothing before it existed. Soft rules
 * broken by the written record come back as warnings.
 */
async function checkedWrite(ctx: ServiceContext, table: string, org: WriteTarget, record: string | null, write: () => Promise<string | null>): Promise<Violation[]> {
  const rules = rulesFor(table);
  const hardBefore = rules.filter((r) => r.severity === 'HARD' && (r.scope === 'org' || record !== null));
  const before = new Map((await findViolations(ctx.session, hardBefore, [org], null, record)).map((v) => [violationKey(v), Number(v.excess)]));
  const written = await write();
  const after = await findViolations(ctx.session, rules, [org], null, written);
  const broken = after.find((v) => v.severity === 'HARD' && !(Number(v.excess) <= (before.get(violationKey(v)) ?? -Infinity)));
  if (broken) {
    throw new RuleViolatedError(`不符合规则"${ruleByKey.get(broken.rule)!.text}":${broken.detail}`, { rule: broken.rule, detail: broken.detail });
  }
  return after.filter((v) => v.severity === 'SOFT' && v.recordId === written);
}

/** A record row as its list shows it to the viewer (masked by the same rule as everywhere). */
async function answerWith(ctx: ServiceContext, kind: WritableKind, row: RecordRow, warnings: Violation[]): Promise<WriteResult> {
  const [record] = await maskRecords(ctx, [row], RECORD_KINDS[kind.list].personal);
  return { record, warnings };
}

/** The record read back through its list. */
async function answer(ctx: ServiceContext, kind: WritableKind, tenantId: string, id: string, warnings: Violation[]): Promise<WriteResult> {
  const row = await readRecord(ctx.session, kind.list, tenantId, id);
  if (!row) throw new NotFoundError(`没有 id 为 ${id} 的${kind.label}记录`, { id });
  return answerWith(ctx, kind, row, warnings);
}

export interface CreateInput {
  orgCode: string;
  clientMutationId?: string | null;
  [field: string]: unknown;
}

/**
 * Creates a record at an org (EDITOR or ADMIN at the org or above). A `clientMutationId` the
 * same user has used before returns the record that create made, not a second one.
 */
export async function createRecord(ctx: ServiceContext, kind: WritableKind, input: CreateInput): Promise<WriteResult> {
  const viewer = await writer(ctx);
  const cmid = input.clientMutationId === null || input.clientMutationId === undefined ? null : String(input.clientMutationId).trim();
  if (cmid !== null && (cmid.length < 1 || cmid.length > 100)) throw new BadUserInputError('clientMutationId 应为 1 到 100 个字符(不计首尾空格)', 'clientMutationId');
  const target = await writableOrg(ctx, viewer, { code: String(input.orgCode) });
  if (cmid !== null) {
    const earlier = await findClientMutation(ctx.session, viewer.userId, cmid);
    if (earlier) {
      if (earlier.recordKind !== kind.table) throw new ConflictError('该 clientMutationId 已用于另一类记录的录入', { clientMutationId: cmid });
      return answer(ctx, kind, earlier.tenantId, earlier.recordId, []);
    }
  }
  const values = checkFields(kind.fields, input, 'create', { today: today(), foundedOn: target.foundedOn });
  const problems = await relationErrors(ctx, kind, target, values, Object.keys(values));
  if (problems.length) throw new FieldErrors(problems);
  let row: RecordRow | undefined;
  const warnings = await checkedWrite(ctx, kind.table, target, null, async () => {
    row = await insertRecord(ctx.session, kind, target, values);
    return row.id;
  });
  if (cmid !== null) await saveClientMutation(ctx.session, viewer.userId, cmid, target, kind, row!.id);
  return answerWith(ctx, kind, row!, warnings);
}

/**
 * A record the viewer may write, locked with its org until the write commits. Not there, or
 * not readable: NOT_FOUND (the same answer, no existence oracle); readable only: FORBIDDEN; a
 * version other than `expectedVersion`: CONFLICT with the current one.
 */
async function writableRecord(ctx: ServiceContext, kind: WritableKind, id: string, expectedVersion: number) {
  const viewer = await writer(ctx);
  if (!isUuid(id)) throw new BadUserInputError(`id 不是有效的 UUID:${id}`, 'id');
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) throw new BadUserInputError('expectedVersion 应为读到的版本号(正整数)', 'expectedVersion');
  const seen = await findRecord(ctx.session, kind, id);
  const org = seen && (await ctx.loaders.orgById.load(seen.orgId));
  if (!seen || !org || !canRead(viewer, org.path)) throw new NotFoundError(`没有 id 为 ${id} 的${kind.label}记录`, { id });
  const target = await writableOrg(ctx, viewer, org);
  const record = await findRecord(ctx.session, kind, id, true);
  if (!record) throw new NotFoundError(`没有 id 为 ${id} 的${kind.label}记录(可能刚被删除)`, { id });
  if (record.version !== expectedVersion) {
    throw new ConflictError(`该记录已被他人修改(当前版本 ${record.version},您读到的是 ${expectedVersion});请重新读取后再改`, { currentVersion: record.version });
  }
  return { record, target };
}

async function update(ctx: ServiceContext, kind: WritableKind, record: StoredRecord, target: WriteTarget, values: Record<string, unknown>) {
  const problems = await relationErrors(ctx, kind, target, { ...record, ...values }, Object.keys(values));
  if (problems.length) throw new FieldErrors(problems);
  const warnings = await checkedWrite(ctx, kind.table, target, record.id, async () => {
    const version = await updateRecord(ctx.session, kind, record, record.version, values);
    // the row is locked: only a bug could get here
    if (version === null) throw new ConflictError('该记录已被他人修改;请重新读取后再改', { id: record.id });
    return record.id;
  });
  return answer(ctx, kind, target.tenantId, record.id, warnings);
}

/** Changes the given fields of a record (null clears an optional one). */
export async function updateRecordFields(ctx: ServiceContext, kind: WritableKind, id: string, expectedVersion: number, patch: Record<string, unknown>): Promise<WriteResult> {
  const { record, target } = await writableRecord(ctx, kind, id, expectedVersion);
  const bounds: DateBounds = { today: today(), foundedOn: target.foundedOn };
  return update(ctx, kind, record, target, checkFields(kind.fields, patch, 'patch', bounds));
}

/** Ends a membership or a span (a volunteer leaves, a pair ends) on `on`. */
export async function endRecord(ctx: ServiceContext, kind: WritableKind, id: string, on: string, expectedVersion: number): Promise<WriteResult> {
  const end = kind.end!;
  const { record, target } = await writableRecord(ctx, kind, id, expectedVersion);
  const bounds: DateBounds = { today: today(), foundedOn: target.foundedOn };
  const values = checkFields({ [end.field]: { type: 'date', label: end.label, required: true } }, { [end.field]: on }, 'create', bounds);
  return update(ctx, kind, record, target, values);
}

/** A deletion's reason, trimmed: 2 to 200 characters. */
function checkReason(reason: string): string {
  const why = typeof reason === 'string' ? reason.trim() : '';
  if (why.length < 2 || [...why].length > 200) throw new FieldErrors([{ field: 'reason', message: '删除原因应为 2 到 200 个字,说明为什么删除' }]);
  return why;
}

/** Deletes a mistaken record; the reason stays in the audit trail. */
export async function deleteRecordById(ctx: ServiceContext, kind: WritableKind, id: string, expectedVersion: number, reason: string): Promise<string> {
  const why = checkReason(reason);
  const { record, target } = await writableRecord(ctx, kind, id, expectedVersion);
  await checkedWrite(ctx, kind.table, target, id, async () => {
    if (!(await deleteRecord(ctx.session, kind, record, record.version, why))) throw new ConflictError('该记录已被他人修改;请重新读取后再删', { id });
    return id;
  });
  return id;
}

/**
 * Every rule of the catalogue over an org's subtree for a period: what is broken now, whether
 * it was written before the rule existed, by an import, or went through as a soft warning.
 */
export async function ruleViolations(ctx: ServiceContext, org: OrgRecord, period: Period): Promise<Violation[]> {
  const orgs = await ctx.session.query<{ tenantId: string; id: string }>(
    `SELECT tenant_id AS "tenantId", id FROM org WHERE tenant_id = $1 AND path <@ $2::ltree`, [org.tenantId, org.path]);
  return findViolations(ctx.session, RULES, orgs, period, null);
}

export interface AssessmentInput {
  orgCode: string;
  year: number;
  results: Array<{ criterionKey: string; met: boolean }>;
  /** the version read; none for an org's first assessment of the year */
  expectedVersion?: number | null;
}

export interface AssessmentResult {
  orgId: string;
  year: number;
  version: number;
  results: RecordRow[];
  warnings: Violation[];
}

async function assessmentAnswer(ctx: ServiceContext, org: WriteTarget, year: number, warnings: Violation[]): Promise<AssessmentResult> {
  const results = await ctx.session.query<RecordRow>(
    `SELECT r.id, r.org_id AS "orgId", ${RECORD_KINDS.assessment.columns} FROM assessment r
      WHERE r.tenant_id = $1 AND r.org_id = $2 AND r.year = $3
      ORDER BY (SELECT c.position FROM assessment_criterion c WHERE c.tenant_id = r.tenant_id AND c.key = r.criterion_key)`,
    [org.tenantId, org.id, year]);
  return { orgId: org.id, year, version: Math.max(0, ...results.map((r) => Number(r.version))), results, warnings };
}

/**
 * Sets an org's 五好 assessment of a year: a result for every criterion of the tenant's set,
 * all at once (a missing criterion breaks the rule `assessment.complete`). A second set of
 * the same year names the version it read.
 */
export async function setAssessment(ctx: ServiceContext, input: AssessmentInput): Promise<AssessmentResult> {
  const viewer = await writer(ctx);
  const target = await writableOrg(ctx, viewer, { code: input.orgCode });
  const criteria = new Map((await criteriaOf(ctx.session, target.tenantId)).map((c) => [c.key, c.name]));
  const errors: FieldError[] = [];
  const thisYear = Number(today().slice(0, 4));
  const founded = Number(target.foundedOn.slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < founded || input.year > thisYear) errors.push({ field: 'year', message: `评定年度应在 ${founded}(成立)到 ${thisYear} 之间` });
  if (criteria.size === 0) errors.push({ field: 'orgCode', message: '本县还没有设置"五好"评定标准,不能录入评定' });
  else if (input.results.length === 0) errors.push({ field: 'results', message: `请给出本县 ${criteria.size} 项评定标准的结果` });
  const seen = new Set<string>();
  input.results.forEach((r, i) => {
    if (!criteria.has(r.criterionKey)) errors.push({ field: `results[${i}].criterionKey`, message: `本县的评定标准中没有 ${r.criterionKey};可用:${[...criteria.keys()].join('、')}` });
    else if (seen.has(r.criterionKey)) errors.push({ field: `results[${i}].criterionKey`, message: `${criteria.get(r.criterionKey)}重复给出` });
    seen.add(r.criterionKey);
  });
  if (errors.length) throw new FieldErrors(errors);
  const current = await assessmentVersion(ctx.session, target, input.year);
  if (current !== (input.expectedVersion ?? 0)) {
    throw new ConflictError(current === 0
      ? `${target.name} ${input.year} 年还没有评定;新建时不要传 expectedVersion`
      : `${target.name} ${input.year} 年的评定已有版本 ${current};请重新读取后带上该版本号再改`, { currentVersion: current });
  }
  const warnings = await checkedWrite(ctx, 'assessment', target, null, async () => {
    await putAssessment(ctx.session, target, input.year, input.results);
    return null;
  });
  return assessmentAnswer(ctx, target, input.year, warnings);
}

/** Deletes an org's assessment of a year (all its criteria); the reason stays in the audit trail. */
export async function deleteAssessment(ctx: ServiceContext, orgCode: string, year: number, expectedVersion: number, reason: string): Promise<boolean> {
  const why = checkReason(reason);
  const viewer = await writer(ctx);
  const target = await writableOrg(ctx, viewer, { code: orgCode });
  const current = await assessmentVersion(ctx.session, target, year);
  if (current === 0) throw new NotFoundError(`${target.name} ${year} 年没有评定`, { year });
  if (current !== expectedVersion) throw new ConflictError(`该评定已被他人修改(当前版本 ${current});请重新读取后再删`, { currentVersion: current });
  await removeAssessment(ctx.session, target, year, expectedVersion, why);
  return true;
}

/**
 * Marks an article adopted by a level of publication (or, with null, not adopted). Only a
 * writer above the article's org may: the level that adopted it, not the one that wrote it.
 */
export async function setArticleAdoption(ctx: ServiceContext, kind: WritableKind, id: string, expectedVersion: number, level: AdoptionLevel | null): Promise<WriteResult> {
  const { record, target } = await writableRecord(ctx, kind, id, expectedVersion);
  const viewer = (await ctx.viewer())!;
  const above = viewer.roles.some((r) => (r.role === 'ADMIN' || r.role === 'EDITOR') && r.path !== target.path && isWithin(target.path, r.path));
  if (!above) throw new ForbiddenError('稿件是否被采用,由上级关工委标记;报送稿件的组织不能自己标记');
  return update(ctx, kind, record, target, { adopted: level !== null, adoptedLevel: level });
}
