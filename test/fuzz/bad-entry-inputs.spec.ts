/* eslint-disable no-console */
import { appendFileSync, writeFileSync } from 'node:fs';
import { idNumberCheckChar } from '@ggw/domain';
import { GraphQLResponse, startTestApi, TestApi } from '@ggw/testing';
import { failureReport, forEachConcurrently, hashString, Rng } from './fuzz-random';

/**
 * A deterministic (seeded) fuzz suite of bad inputs to every data-entry mutation, end to end
 * over HTTP as the users of the reference data: wrong GraphQL types, missing fields, overlong
 * strings, invalid dates and money, bad phones and 身份证 numbers, unknown enum values, ids that
 * are not UUIDs or name records of other orgs and tenants, stale and absurd versions, rule
 * violations, the wrong users, control characters and empty deletion reasons.
 *
 * Every request must fail with a coded error (never INTERNAL_SERVER_ERROR, never a success),
 * without SQL or a stack trace in its message; where the family says which code, that one. The
 * row counts of every record table, the audit trail and the roll-ups must be what they were
 * before the campaign; a valid write afterwards must still go through.
 */
const SEED = 20261126;
/** FUZZ_SCALE=0.1 runs a tenth of every family (a quick look while fixing). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Set FUZZ_DUMP=/some/file.jsonl to get every request and its answer (truncated), one JSON per line. */
const DUMP = process.env.FUZZ_DUMP;
const CONCURRENCY = 4;

const SHIHU = '220582106201';
const COUNTY = '220582';
const OTHER_COUNTY = '220521';

// REPORT_LOCKED: a write into 2020, whose reports the reference data has approved
const ALLOWED_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'RULE_VIOLATED', 'UNAUTHENTICATED', 'REPORT_LOCKED', 'INVALID_STATE']);
const ALLOWED_STATUS = new Set([200, 400]);
const LEAK = /select |insert |update |delete |\bat .*\.ts|QueryFailedError/i;
/** Coercion of variables (BAD_USER_INPUT) or of literals in the document (GRAPHQL_VALIDATION_FAILED). */
const TYPE_ERROR = ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'];

const FAMILIES = [
  'wrong-types',
  'missing-fields',
  'overlong-strings',
  'bad-dates',
  'bad-money',
  'bad-phone-id',
  'bad-enums',
  'bad-ids',
  'foreign-ids',
  'other-tenant',
  'stale-version',
  'bad-version',
  'rule-violations',
  'wrong-users',
  'control-chars',
  'bad-reason',
  'report-cycle',
] as const;
type Family = (typeof FAMILIES)[number];
const REQUESTS_PER_FAMILY: Record<Family, number> = {
  'wrong-types': 100,
  'missing-fields': 90,
  'overlong-strings': 90,
  'bad-dates': 100,
  'bad-money': 80,
  'bad-phone-id': 70,
  'bad-enums': 70,
  'bad-ids': 80,
  'foreign-ids': 70,
  'other-tenant': 60,
  'stale-version': 80,
  'bad-version': 60,
  'rule-violations': 90,
  'wrong-users': 90,
  'control-chars': 80,
  'bad-reason': 60,
  'report-cycle': 160,
};

// ---------------------------------------------------------------------------------------------
// seeded randomness


// ---------------------------------------------------------------------------------------------
// the writable kinds, as a client sees them

type FieldType = 'text' | 'enum' | 'date' | 'money' | 'money0' | 'int' | 'decimal' | 'metric' | 'period' | 'bool' | 'phone' | 'idNumber' | 'ref';
interface FieldT {
  t: FieldType;
  req?: boolean;
  /** texts: the most characters */
  max?: number;
  /** ints: the range */
  min?: number;
  hi?: number;
  /** enums: the values */
  values?: string[];
}

/** A record made in beforeAll: its id and current version. */
interface Rec {
  id: string;
  version: number;
}

interface Ctx {
  foundedOn: string;
  dayBeforeFounding: string;
  tomorrow: string;
  /** a year with no guarantee, plan target, published figure or assessment of 石湖村 (for creates that must fail for another reason) */
  freeYear: number;
  /** the year of the guarantee, plan target, published figure and assessment made in beforeAll (a second create is CONFLICT) */
  usedYear: number;
  criteria: string[];
  assessmentVersion: number;
  /** the records made in beforeAll, by table (`<table>#2`: a second one of the yearly kinds) */
  rec: Record<string, Rec>;
  /** a volunteer joined 2021-06-01, without pairs */
  v2: Rec;
  /** ids of records of other orgs of the same tenant, by table (readable neither by 石湖村's editor nor 台上镇's admin) */
  foreign: Record<string, Rec[]>;
  /** ids of records of the other tenant (通化县), by table */
  otherTenant: Record<string, Rec[]>;
  otherTenantOrgs: string[];
  /** org codes of 集安市 that 石湖村's editor cannot see, or may not write */
  foreignOrgs: string[];
  takenVolunteerIdNumber: string;
  takenBeneficiaryIdNumber: string | null;
}

interface KindT {
  name: string;
  field: string;
  table: string;
  fields: Record<string, FieldT>;
  valid(c: Ctx, rng: Rng): Record<string, unknown>;
  /** a patch that is right in every way (for stale versions and wrong users) */
  validPatch(c: Ctx, rng: Rng): Record<string, unknown>;
  end?: { field: string; valid: string };
}

const VOLUNTEER_CATEGORY = ['CADRE', 'MODEL_WORKER', 'PARTY_MEMBER', 'SOLDIER', 'TEACHER'];
const BENEFICIARY_CATEGORY = ['CHILD_IN_DIFFICULTY', 'LEFT_BEHIND_CHILD', 'POOR_STUDENT', 'YOUNG_FARMER'];
const THEME = ['CARE_ASSISTANCE', 'CIVILITY', 'FAMILY_EDUCATION', 'LECTURE', 'LEGAL_EDUCATION', 'OTHER', 'PATRIOTISM', 'SKILLS_TRAINING', 'THEORY_STUDY'];
const DONOR_KIND = ['CADRE', 'ENTERPRISE', 'SOCIAL', 'VETERAN'];
const FORM = ['GOODS', 'MONEY'];
const PURPOSE = ['SCHOLARSHIP', 'STUDENT_AID'];
const ADOPTION = ['CITY', 'COUNTY', 'NATIONAL', 'PROVINCE'];

const KINDS: KindT[] = [
  {
    name: 'Volunteer', field: 'volunteer', table: 'volunteer',
    fields: {
      name: { t: 'text', max: 50, req: true }, category: { t: 'enum', values: VOLUNTEER_CATEGORY, req: true }, isCore: { t: 'bool' },
      joinedOn: { t: 'date', req: true }, phone: { t: 'phone' }, idNumber: { t: 'idNumber' },
    },
    valid: (_c, r) => ({ name: '孙志', category: r.pick(VOLUNTEER_CATEGORY), isCore: r.chance(0.5), joinedOn: '2021-02-01', phone: '13800002222' }),
    validPatch: (_c, r) => r.pick([{ name: '王德' }, { isCore: false }, { phone: '0435-1234567' }, { category: 'SOLDIER' }]),
    end: { field: 'leftOn', valid: '2021-08-01' },
  },
  {
    name: 'Beneficiary', field: 'beneficiary', table: 'beneficiary',
    fields: { name: { t: 'text', max: 50, req: true }, category: { t: 'enum', values: BENEFICIARY_CATEGORY, req: true }, idNumber: { t: 'idNumber' } },
    valid: (_c, r) => ({ name: '孙小', category: r.pick(BENEFICIARY_CATEGORY) }),
    validPatch: (_c, r) => r.pick([{ name: '李小' }, { category: 'POOR_STUDENT' }]),
  },
  {
    name: 'Pair', field: 'pair', table: 'assistance_pair',
    fields: { volunteerId: { t: 'ref', req: true }, beneficiaryId: { t: 'ref', req: true }, startedOn: { t: 'date', req: true } },
    valid: (c) => ({ volunteerId: c.v2.id, beneficiaryId: c.rec.beneficiary.id, startedOn: '2021-07-01' }),
    validPatch: () => ({ startedOn: '2021-03-02' }),
    end: { field: 'endedOn', valid: '2021-09-01' },
  },
  {
    name: 'Activity', field: 'activity', table: 'activity',
    fields: {
      heldOn: { t: 'date', req: true }, theme: { t: 'enum', values: THEME, req: true }, title: { t: 'text', max: 200, req: true },
      sessions: { t: 'int', min: 0, hi: 10_000 }, participants: { t: 'int', min: 0, hi: 1_000_000 }, youthReached: { t: 'int', min: 0, hi: 10_000_000 },
    },
    valid: (_c, r) => ({ heldOn: '2021-04-02', theme: r.pick(THEME), title: '法治宣讲', sessions: 2, participants: 30, youthReached: 60 }),
    validPatch: (_c, r) => r.pick([{ title: '新标题' }, { participants: 40 }, { theme: 'CIVILITY' }]),
  },
  {
    name: 'Donation', field: 'donation', table: 'donation',
    fields: {
      receivedOn: { t: 'date', req: true }, donorKind: { t: 'enum', values: DONOR_KIND, req: true }, donorName: { t: 'text', max: 100, req: true },
      form: { t: 'enum', values: FORM, req: true }, amountYuan: { t: 'money', req: true }, restrictedPurpose: { t: 'enum', values: PURPOSE },
    },
    valid: (_c, r) => ({ receivedOn: '2021-05-01', donorKind: r.pick(DONOR_KIND), donorName: '某公司', form: 'MONEY', amountYuan: '1500.50' }),
    validPatch: () => ({ donorName: '某单位' }),
  },
  {
    name: 'Disbursement', field: 'disbursement', table: 'disbursement',
    fields: {
      paidOn: { t: 'date', req: true }, amountYuan: { t: 'money', req: true }, restrictedPurpose: { t: 'enum', values: PURPOSE },
      beneficiaryId: { t: 'ref' }, recipientName: { t: 'text', max: 50, req: true },
    },
    valid: (c) => ({ paidOn: '2021-06-01', amountYuan: '80', recipientName: '赵小芳', beneficiaryId: c.rec.beneficiary.id }),
    validPatch: () => ({ recipientName: '张三' }),
  },
  {
    name: 'Article', field: 'article', table: 'article',
    fields: { title: { t: 'text', max: 200, req: true }, submittedOn: { t: 'date', req: true } },
    valid: () => ({ title: '石湖村关工小组开展宣讲', submittedOn: '2021-07-01' }),
    validPatch: () => ({ title: '新稿件' }),
  },
  {
    name: 'Guarantee', field: 'guarantee', table: 'guarantee',
    fields: {
      year: { t: 'int', min: 1900, hi: 2999, req: true }, hasStaff: { t: 'bool', req: true }, hasOffice: { t: 'bool', req: true },
      hasEquipment: { t: 'bool', req: true }, hasFunding: { t: 'bool', req: true }, budgetYuan: { t: 'money0' },
    },
    valid: (c) => ({ year: c.freeYear, hasStaff: true, hasOffice: true, hasEquipment: false, hasFunding: true, budgetYuan: '5000' }),
    validPatch: () => ({ hasStaff: false }),
  },
  {
    name: 'PlanTarget', field: 'planTarget', table: 'plan_target',
    fields: { year: { t: 'int', min: 1900, hi: 2999, req: true }, metricKey: { t: 'metric', req: true }, targetValue: { t: 'money0', req: true }, description: { t: 'text', max: 200, req: true } },
    valid: (c) => ({ year: c.freeYear, metricKey: 'activityCount', targetValue: '12', description: '全年开展活动 12 次' }),
    validPatch: () => ({ description: '新说明' }),
  },
  {
    name: 'ReportedFigure', field: 'reportedFigure', table: 'reported_figure',
    fields: { period: { t: 'period', req: true }, metricKey: { t: 'metric', req: true }, reportedValue: { t: 'decimal', req: true }, source: { t: 'text', max: 500, req: true } },
    valid: (c) => ({ period: String(c.freeYear), metricKey: 'coreVolunteerShare', reportedValue: '0.29', source: '总结' }),
    validPatch: () => ({ source: '新出处' }),
  },
];
const kind = (name: string) => KINDS.find((k) => k.name === name)!;
const ENDABLE = KINDS.filter((k) => k.end);
const REF_TABLE: Record<string, string> = { volunteerId: 'volunteer', beneficiaryId: 'beneficiary' };

/** Every entry mutation (for the coverage check). */
const MUTATIONS = [
  ...KINDS.flatMap((k) => [`create${k.name}`, `update${k.name}`, `delete${k.name}`, ...(k.end ? [`end${k.name}`] : [])]),
  'setAssessment', 'deleteAssessment', 'setArticleAdoption',
  'submitReport', 'approveReport', 'returnReport', 'reopenReport', 'closePeriod', 'reopenPeriod', 'setReportDeadline', 'markNotificationsRead',
];

// ---------------------------------------------------------------------------------------------
// requests

interface Req {
  family: Family;
  label: string;
  /** the mutation called */
  mutation: string;
  /** sent as this user; null: anonymous */
  user: string | null;
  query: string;
  variables: Record<string, unknown>;
  /** the only codes the answer may have */
  expect?: string[];
}

const sel = (k: KindT) => `{ ${k.field} { id } warnings { rule } }`;
const Q = {
  create: (k: KindT) => `mutation Fuzz($input: Create${k.name}Input!) { create${k.name}(input: $input) ${sel(k)} }`,
  update: (k: KindT) => `mutation Fuzz($id: ID!, $v: Int!, $patch: ${k.name}Patch!) { update${k.name}(id: $id, expectedVersion: $v, patch: $patch) ${sel(k)} }`,
  remove: (k: KindT) => `mutation Fuzz($id: ID!, $v: Int!, $reason: String!) { delete${k.name}(id: $id, expectedVersion: $v, reason: $reason) { deletedId } }`,
  end: (k: KindT) => `mutation Fuzz($id: ID!, $on: String!, $v: Int!) { end${k.name}(id: $id, ${k.end!.field}: $on, expectedVersion: $v) ${sel(k)} }`,
  setAssessment: `mutation Fuzz($input: SetAssessmentInput!) { setAssessment(input: $input) { year version warnings { rule } } }`,
  deleteAssessment: `mutation Fuzz($orgCode: String!, $year: Int!, $v: Int!, $reason: String!) { deleteAssessment(orgCode: $orgCode, year: $year, expectedVersion: $v, reason: $reason) }`,
  adoption: `mutation Fuzz($id: ID!, $v: Int!, $level: AdoptionLevel) { setArticleAdoption(id: $id, expectedVersion: $v, level: $level) { article { id adopted } } }`,
};

type Op = 'create' | 'update' | 'remove' | 'end';

function req(family: Family, label: string, mutation: string, user: string | null, query: string, variables: Record<string, unknown>, expect?: string[]): Req {
  return { family, label, mutation, user, query, variables, expect };
}
const createReq = (f: Family, label: string, k: KindT, input: Record<string, unknown>, expect?: string[], user: string | null = 'shihu-editor') =>
  req(f, label, `create${k.name}`, user, Q.create(k), { input: { orgCode: SHIHU, ...input } }, expect);
const updateReq = (f: Family, label: string, k: KindT, id: unknown, v: unknown, patch: unknown, expect?: string[], user: string | null = 'shihu-editor') =>
  req(f, label, `update${k.name}`, user, Q.update(k), { id, v, patch }, expect);
const removeReq = (f: Family, label: string, k: KindT, id: unknown, v: unknown, reason: unknown, expect?: string[], user: string | null = 'shihu-editor') =>
  req(f, label, `delete${k.name}`, user, Q.remove(k), { id, v, reason }, expect);
const endReq = (f: Family, label: string, k: KindT, id: unknown, on: unknown, v: unknown, expect?: string[], user: string | null = 'shihu-editor') =>
  req(f, label, `end${k.name}`, user, Q.end(k), { id, on, v }, expect);
const assessmentReq = (f: Family, label: string, input: unknown, expect?: string[], user: string | null = 'shihu-editor') =>
  req(f, label, 'setAssessment', user, Q.setAssessment, { input }, expect);
const deleteAssessmentReq = (f: Family, label: string, vars: Record<string, unknown>, expect?: string[], user: string | null = 'shihu-editor') =>
  req(f, label, 'deleteAssessment', user, Q.deleteAssessment, vars, expect);
const adoptionReq = (f: Family, label: string, vars: Record<string, unknown>, expect?: string[], user: string | null = 'shihu-editor') =>
  req(f, label, 'setArticleAdoption', user, Q.adoption, vars, expect);

const recOf = (c: Ctx, k: KindT): Rec => c.rec[k.table];
const REASON = '录入错误,删除';
const fullResults = (c: Ctx, met = true) => c.criteria.map((key) => ({ criterionKey: key, met }));

// ---------------------------------------------------------------------------------------------
// bad values, by the type of the field

const BAD_DATES = ['2021-02-30', '2021-13-01', '2021-00-10', '2021-04-31', 'yesterday', '2999-01-01', '1900-01-01', '1899-12-31', '2021-1-5', '20210105', '2021/03/01', '2021-03-01T00:00:00Z', '', '   ', '0000-00-00', '99999-01-01'];
const badDate = (rng: Rng, c: Ctx) => rng.pick([...BAD_DATES, c.tomorrow, c.dayBeforeFounding]);
/** Money that is wrong everywhere (a zero is wrong only where more than zero is needed). */
const BAD_MONEY = ['12.345', '-5', '1e3', '١٢٣', '1,500', '¥100', '1500元', '.5', '5.', 'NaN', 'Infinity', '0x10', '1234567890123', '+5', '1 500', ' 12.3.4'];
const ZERO_MONEY = ['0', '0.00', '0.0', '000'];
const BAD_DECIMAL = ['abc', '1.1234567', '1e3', '0,29', '29%', '-', '.29', '1234567890123', '١٢٣'];
function badMoney(rng: Rng, t: FieldType): unknown {
  const r = rng.int(0, 9);
  if (r === 0) return rng.pick([1500.5, 12, 0.01, -3]); // a number where a string is expected: a type error of the variable
  if (r === 1 && t === 'money') return rng.pick(ZERO_MONEY);
  if (t === 'decimal') return rng.pick(BAD_DECIMAL);
  return rng.pick(BAD_MONEY);
}

function validIdNumber(rng: Rng): string {
  const body = `220582${rng.int(1940, 1965)}0${rng.int(1, 9)}1${rng.int(0, 9)}${rng.int(100, 999)}`;
  return body + idNumberCheckChar(body);
}
function badIdNumber(rng: Rng): string {
  const good = validIdNumber(rng);
  switch (rng.int(0, 7)) {
    case 0:
    case 1: {
      const wrong = '0123456789X'.split('').filter((ch) => ch !== good[17]);
      return good.slice(0, 17) + rng.pick(wrong); // a wrong check character
    }
    case 2: return good.slice(0, 17); // 17 digits
    case 3: return `${good.slice(0, 10)}AB${good.slice(12)}`; // letters
    case 4: return `${good.slice(0, 17)}${good[17] === 'X' ? 'x' : 'Y'}`;
    case 5: {
      const body = '22058219990230001';
      return body + idNumberCheckChar(body); // the check character right, a birth date that does not exist
    }
    case 6: return `${good}0`; // 19 characters
    default: return `${good.slice(0, 6)} ${good.slice(6)}`;
  }
}
const BAD_PHONES = ['12345', '1380000111', '138000011112', '12800001111', '+8613800001111', '138-0000-1111', '138 0000 1111', 'phone', '0435-123', '435-1234567', '1380000111a', '１３８００００１１１１'];

const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f'];
/** Line breaks and tabs, refused except in the multi-line fields (reasons, descriptions). */
const LINE_CONTROLS = ['\n', '\r', '\t', '\r\n'];
function withControl(rng: Rng, base: string, multiline: boolean): string {
  const c = multiline || rng.chance(0.7) ? rng.pick(CONTROLS) : rng.pick(LINE_CONTROLS);
  const i = rng.int(0, base.length);
  return rng.chance(0.2) ? c : base.slice(0, i) + c + base.slice(i);
}

function overlong(rng: Rng, max: number): string {
  const n = rng.chance(0.2) ? 10_000 : max + rng.pick([1, 1, 2, 10, max]);
  const unit = rng.pick(['x', '字', '漢', 'ab']);
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, Math.max(n, max + 1));
}

const NOT_UUIDS = ['1', 'abc', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', '00000000-0000-0000-0000-00000000000', '{00000000-0000-4000-8000-000000000000}', 'null', 'undefined', '0', '-1', '00000000000040008000000000000000'];

/** A value of the wrong GraphQL type for a field of type `t` (sent as a variable). */
function wrongType(rng: Rng, t: FieldType): unknown {
  switch (t) {
    case 'int': return rng.pick(['30', '2021', true, 1.5, { n: 1 }, [30], 2 ** 31, -(2 ** 31) - 1, 'NaN']);
    case 'bool': return rng.pick(['true', 1, 0, 'yes', { b: true }, [true]]);
    case 'enum': return rng.pick([1, true, { v: 'X' }, ['LECTURE'], 0.5]);
    case 'ref': return rng.pick([true, 1.5, { id: 'x' }, [1], false]);
    default: return rng.pick([220582, 2021, 1500.5, true, false, { text: 'x' }, ['x'], [], {}]);
  }
}

// ---------------------------------------------------------------------------------------------
// the generators, one per family

type Generator = (rng: Rng, c: Ctx) => Req;

const pickField = (rng: Rng, k: KindT, pred: (f: FieldT) => boolean): [string, FieldT] | null => {
  const fs = Object.entries(k.fields).filter(([, f]) => pred(f));
  return fs.length ? rng.pick(fs) : null;
};
const kindsWith = (pred: (f: FieldT) => boolean) => KINDS.filter((k) => Object.values(k.fields).some(pred));

const genWrongTypes: Generator = (rng, c) => {
  const f: Family = 'wrong-types';
  const r = rng.int(0, 9);
  if (r <= 3) {
    const k = rng.pick(KINDS);
    const [name, spec] = pickField(rng, k, () => true)!;
    const value = wrongType(rng, spec.t);
    if (rng.chance(0.5)) return createReq(f, `create${k.name}.${name}=${JSON.stringify(value)}`, k, { ...k.valid(c, rng), [name]: value }, TYPE_ERROR);
    return updateReq(f, `update${k.name}.${name}=${JSON.stringify(value)}`, k, recOf(c, k).id, recOf(c, k).version, { [name]: value }, TYPE_ERROR);
  }
  if (r <= 5) {
    // the arguments of update, delete and end: a string for Int, an object for ID, null for non-null
    const k = rng.pick(KINDS);
    const rec = recOf(c, k);
    const badV = rng.pick<unknown>(['1', String(rec.version), 1.5, true, null, { v: 1 }, [1]]);
    const badId = rng.pick<unknown>([null, { id: rec.id }, [rec.id], true, 1.5]);
    const which = rng.pick(['version', 'id', 'patch/reason/on']);
    const ops: Op[] = k.end ? ['update', 'remove', 'end'] : ['update', 'remove'];
    const op = rng.pick(ops);
    const id = which === 'id' ? badId : rec.id;
    const v = which === 'version' ? badV : rec.version;
    const label = `${op === 'remove' ? 'delete' : op}${k.name} ${which}`;
    if (op === 'update') return updateReq(f, label, k, id, v, which === 'patch/reason/on' ? rng.pick<unknown>([null, 'name', [k.validPatch(c, rng)], 5]) : k.validPatch(c, rng), TYPE_ERROR);
    if (op === 'remove') return removeReq(f, label, k, id, v, which === 'patch/reason/on' ? rng.pick<unknown>([null, 12345, ['重复录入'], { r: 'x' }, true]) : REASON, TYPE_ERROR);
    return endReq(f, label, k, id, which === 'patch/reason/on' ? rng.pick<unknown>([null, 20210801, ['2021-08-01'], { d: 1 }]) : k.end!.valid, v, TYPE_ERROR);
  }
  if (r === 6) {
    // the whole input of the wrong type
    const k = rng.pick(KINDS);
    const input = rng.pick<unknown>(['x', 5, [], true, null]);
    return req(f, `create${k.name} input=${JSON.stringify(input)}`, `create${k.name}`, 'shihu-editor', Q.create(k), { input }, TYPE_ERROR);
  }
  if (r === 7) {
    const input = rng.pick<Record<string, unknown>>([
      { orgCode: 220582106201, year: c.freeYear, results: fullResults(c) },
      { orgCode: SHIHU, year: String(c.freeYear), results: fullResults(c) },
      { orgCode: SHIHU, year: c.freeYear, results: c.criteria.map((k) => ({ criterionKey: k, met: 'yes' })) },
      { orgCode: SHIHU, year: c.freeYear, results: c.criteria.map(() => ({ criterionKey: 7, met: true })) },
      { orgCode: SHIHU, year: c.freeYear, results: 'all' },
      { orgCode: SHIHU, year: c.freeYear, results: [null] },
      { orgCode: SHIHU, year: c.usedYear, results: fullResults(c), expectedVersion: '1' },
      { orgCode: SHIHU, year: 2021.5, results: fullResults(c) },
    ]);
    return assessmentReq(f, 'setAssessment wrong type', input, TYPE_ERROR);
  }
  if (r === 8) {
    const vars = rng.pick<Record<string, unknown>>([
      { orgCode: SHIHU, year: String(c.usedYear), v: c.assessmentVersion, reason: REASON },
      { orgCode: 220582106201, year: c.usedYear, v: c.assessmentVersion, reason: REASON },
      { orgCode: SHIHU, year: c.usedYear, v: c.assessmentVersion, reason: 42 },
      { orgCode: SHIHU, year: null, v: c.assessmentVersion, reason: REASON },
      { orgCode: SHIHU, year: c.usedYear, v: true, reason: REASON },
    ]);
    return deleteAssessmentReq(f, 'deleteAssessment wrong type', vars, TYPE_ERROR);
  }
  // a variable declared with a type that does not fit its argument (validation), or adoption of a wrong type
  if (rng.chance(0.5)) {
    const k = rng.pick(KINDS);
    const rec = recOf(c, k);
    const decl = rng.pick(['String', 'Float', 'Boolean', 'ID', '[Int]']);
    return req(f, `update${k.name} $v declared ${decl}`, `update${k.name}`, 'shihu-editor',
      `mutation Fuzz($id: ID!, $v: ${decl}, $patch: ${k.name}Patch!) { update${k.name}(id: $id, expectedVersion: $v, patch: $patch) ${sel(k)} }`,
      { id: rec.id, v: rec.version, patch: k.validPatch(c, rng) }, ['GRAPHQL_VALIDATION_FAILED']);
  }
  return adoptionReq(f, 'setArticleAdoption wrong type', rng.pick<Record<string, unknown>>([
    { id: c.rec.article.id, v: '1', level: 'COUNTY' },
    { id: c.rec.article.id, v: 1, level: 1 },
    { id: c.rec.article.id, v: 1, level: ['COUNTY'] },
    { id: null, v: 1, level: 'COUNTY' },
  ]), TYPE_ERROR, 'jian-admin');
};

const genMissingFields: Generator = (rng, c) => {
  const f: Family = 'missing-fields';
  const r = rng.int(0, 9);
  if (r <= 3) {
    // a required field left out: of the variable (coercion) or of the literal (validation)
    const k = rng.pick(KINDS);
    const required = ['orgCode', ...Object.entries(k.fields).filter(([, s]) => s.req).map(([n]) => n)];
    const drop = rng.pick(required);
    const input: Record<string, unknown> = { orgCode: SHIHU, ...k.valid(c, rng) };
    delete input[drop];
    if (rng.chance(0.3)) input[drop] = null;
    if (rng.chance(0.6)) return req(f, `create${k.name} without ${drop}`, `create${k.name}`, 'shihu-editor', Q.create(k), { input }, ['BAD_USER_INPUT']);
    const text = Object.entries(input).map(([key, v]) => `${key}: ${k.fields[key]?.t === 'enum' && typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
    return req(f, `create${k.name} literal without ${drop}`, `create${k.name}`, 'shihu-editor',
      `mutation { create${k.name}(input: { ${text} }) ${sel(k)} }`, {}, ['GRAPHQL_VALIDATION_FAILED']);
  }
  const blankable = (s: FieldT) => !!s.req && ['text', 'date', 'money', 'money0', 'metric', 'period', 'decimal'].includes(s.t);
  if (r === 4) {
    // a required text or date blank: the service's check
    const k = rng.pick(kindsWith(blankable));
    const [name] = pickField(rng, k, blankable)!;
    const blank = rng.pick(['', ' ', '   ', '\u3000']);
    if (rng.chance(0.5)) return createReq(f, `create${k.name}.${name} blank`, k, { ...k.valid(c, rng), [name]: blank }, ['BAD_USER_INPUT']);
    return updateReq(f, `update${k.name}.${name} blank`, k, recOf(c, k).id, recOf(c, k).version, { [name]: blank }, ['BAD_USER_INPUT']);
  }
  if (r === 5) {
    // an empty patch, or a required field cleared with null
    const k = rng.pick(KINDS);
    const rec = recOf(c, k);
    if (rng.chance(0.4)) return updateReq(f, `update${k.name} empty patch`, k, rec.id, rec.version, {}, ['BAD_USER_INPUT']);
    const [name] = pickField(rng, k, (s) => !!s.req)!;
    return updateReq(f, `update${k.name}.${name}=null`, k, rec.id, rec.version, { [name]: null }, ['BAD_USER_INPUT']);
  }
  if (r === 6) {
    // an argument left out of the document
    const k = rng.pick(KINDS);
    const rec = recOf(c, k);
    const q = rng.pick([
      `mutation { update${k.name}(id: "${rec.id}", patch: {}) ${sel(k)} }`,
      `mutation { update${k.name}(expectedVersion: ${rec.version}, patch: {}) ${sel(k)} }`,
      `mutation { delete${k.name}(id: "${rec.id}", expectedVersion: ${rec.version}) { deletedId } }`,
      `mutation { delete${k.name}(id: "${rec.id}", reason: "${REASON}") { deletedId } }`,
      `mutation { create${k.name} ${sel(k)} }`,
      `mutation { setAssessment(input: { orgCode: "${SHIHU}", year: ${c.freeYear} }) { year } }`,
      `mutation { deleteAssessment(orgCode: "${SHIHU}", year: ${c.usedYear}, reason: "${REASON}") }`,
      `mutation { setArticleAdoption(id: "${c.rec.article.id}", level: COUNTY) { article { id } } }`,
    ]);
    const m = /mutation \{ (\w+)/.exec(q)![1];
    return req(f, `${m} argument left out`, m, 'shihu-editor', q, {}, ['GRAPHQL_VALIDATION_FAILED']);
  }
  if (r === 7) {
    // a variable declared non-null and not sent
    const k = rng.pick(KINDS);
    const rec = recOf(c, k);
    const vars: Record<string, unknown> = { id: rec.id, v: rec.version, reason: REASON };
    delete vars[rng.pick(['id', 'v', 'reason'])];
    return req(f, `delete${k.name} variable not sent`, `delete${k.name}`, 'shihu-editor', Q.remove(k), vars, ['BAD_USER_INPUT']);
  }
  if (r === 8) {
    const k = rng.pick(ENDABLE);
    const rec = recOf(c, k);
    return endReq(f, `end${k.name} blank end date`, k, rec.id, rng.pick(['', '  ']), rec.version, ['BAD_USER_INPUT']);
  }
  // an optional field that has a default, cleared with null (or a blank): the column is NOT NULL
  if (rng.chance(0.15)) {
    const [kn, name] = rng.pick([['Activity', 'sessions'], ['Activity', 'participants'], ['Activity', 'youthReached'], ['Volunteer', 'isCore'], ['Guarantee', 'budgetYuan']]);
    const k = kind(kn);
    const value = name === 'budgetYuan' && rng.chance(0.5) ? '' : null;
    return updateReq(f, `update${k.name}.${name}=${JSON.stringify(value)} (a field with a default, cleared)`, k, recOf(c, k).id, recOf(c, k).version, { [name]: value }, ['BAD_USER_INPUT']);
  }
  // an assessment with no result at all (of a year not assessed yet: nothing to write)
  if (rng.chance(0.1)) return assessmentReq(f, 'setAssessment with results: []', { orgCode: SHIHU, year: c.freeYear, results: [] }, ['BAD_USER_INPUT', 'RULE_VIOLATED']);
  // an assessment without the results of every criterion; an adoption without its version
  if (rng.chance(0.6)) {
    return assessmentReq(f, 'setAssessment results missing', rng.pick<unknown>([
      { orgCode: SHIHU, year: c.freeYear },
      { orgCode: SHIHU, results: fullResults(c) },
      { year: c.freeYear, results: fullResults(c) },
      { orgCode: SHIHU, year: c.freeYear, results: c.criteria.map((key) => ({ criterionKey: key })) },
      { orgCode: SHIHU, year: c.freeYear, results: c.criteria.map(() => ({ met: true })) },
    ]), ['BAD_USER_INPUT']);
  }
  return adoptionReq(f, 'setArticleAdoption version not sent', { id: c.rec.article.id, level: 'COUNTY' }, ['BAD_USER_INPUT'], 'jian-admin');
};

const genOverlong: Generator = (rng, c) => {
  const f: Family = 'overlong-strings';
  const r = rng.int(0, 9);
  if (r <= 5) {
    const k = rng.pick(kindsWith((s) => s.t === 'text'));
    const [name, spec] = pickField(rng, k, (s) => s.t === 'text')!;
    const value = overlong(rng, spec.max!);
    const label = `${name} (max ${spec.max}) of ${[...value].length} chars`;
    if (rng.chance(0.5)) return createReq(f, `create${k.name}.${label}`, k, { ...k.valid(c, rng), [name]: value }, ['BAD_USER_INPUT']);
    return updateReq(f, `update${k.name}.${label}`, k, recOf(c, k).id, recOf(c, k).version, { [name]: value }, ['BAD_USER_INPUT']);
  }
  if (r === 6) {
    const k = rng.pick(KINDS);
    const cmid = overlong(rng, 100);
    return createReq(f, `create${k.name}.clientMutationId of ${cmid.length} chars`, k, { ...k.valid(c, rng), clientMutationId: cmid }, ['BAD_USER_INPUT']);
  }
  if (r === 7) {
    const k = rng.pick(KINDS);
    const reason = overlong(rng, 200);
    return removeReq(f, `delete${k.name} reason of ${[...reason].length} chars`, k, recOf(c, k).id, recOf(c, k).version, reason, ['BAD_USER_INPUT']);
  }
  if (r === 8) {
    // overlong in fields with a format of their own: the format refuses them
    const k = rng.pick(KINDS.filter((x) => ['Volunteer', 'Beneficiary', 'Donation', 'ReportedFigure', 'PlanTarget'].includes(x.name)));
    const [name, spec] = pickField(rng, k, (s) => ['phone', 'idNumber', 'money', 'money0', 'decimal', 'metric', 'period', 'date'].includes(s.t))!;
    const value = spec.t === 'date' || spec.t === 'period' ? '2021'.repeat(rng.pick([5, 2500])) : '1'.repeat(rng.pick([50, 10_000]));
    return createReq(f, `create${k.name}.${name} of ${value.length} chars`, k, { ...k.valid(c, rng), [name]: value }, ['BAD_USER_INPUT']);
  }
  // overlong org codes and ids
  if (rng.chance(0.5)) {
    const k = rng.pick(KINDS);
    const code = SHIHU.repeat(rng.pick([10, 1000]));
    return req(f, `create${k.name} orgCode of ${code.length} chars`, `create${k.name}`, 'shihu-editor', Q.create(k), { input: { ...k.valid(c, rng), orgCode: code } }, ['NOT_FOUND', 'BAD_USER_INPUT']);
  }
  const k = rng.pick(KINDS);
  const id = `${recOf(c, k).id}${'0'.repeat(rng.pick([1, 100, 10_000]))}`;
  return updateReq(f, `update${k.name} id of ${id.length} chars`, k, id, recOf(c, k).version, k.validPatch(c, rng), ['BAD_USER_INPUT']);
};

const genBadDates: Generator = (rng, c) => {
  const f: Family = 'bad-dates';
  const r = rng.int(0, 9);
  if (r <= 5) {
    const k = rng.pick(kindsWith((s) => s.t === 'date'));
    const [name] = pickField(rng, k, (s) => s.t === 'date')!;
    const value = badDate(rng, c);
    if (rng.chance(0.5)) return createReq(f, `create${k.name}.${name}=${value}`, k, { ...k.valid(c, rng), [name]: value }, ['BAD_USER_INPUT']);
    return updateReq(f, `update${k.name}.${name}=${value}`, k, recOf(c, k).id, recOf(c, k).version, { [name]: value }, ['BAD_USER_INPUT']);
  }
  if (r <= 7) {
    const k = rng.pick(ENDABLE);
    // an end that is not a date, is in the future, or is not after the start (2021-01-05 / 2021-03-01)
    const start = k.name === 'Volunteer' ? '2021-01-05' : '2021-03-01';
    const value = rng.chance(0.6) ? badDate(rng, c) : rng.pick([start, '2020-12-31', '2021-01-01', '2021-01-04', c.foundedOn]);
    return endReq(f, `end${k.name}=${value}`, k, recOf(c, k).id, value, recOf(c, k).version, ['BAD_USER_INPUT']);
  }
  if (r === 8) {
    // years and periods out of range
    const which = rng.pick(['Guarantee.year', 'PlanTarget.year', 'ReportedFigure.period']);
    const [kn, name] = which.split('.');
    const k = kind(kn);
    const value = name === 'year' ? rng.pick([1899, 3000, 0, -2021, 10_000, 2 ** 31 - 1]) : rng.pick(['2021Q5', '2021Q0', '2021-13', '2021-00', 'yesterday', '21', '2021H1', '2021-Q1', '']);
    if (rng.chance(0.5)) return createReq(f, `create${which}=${value}`, k, { ...k.valid(c, rng), [name]: value }, ['BAD_USER_INPUT']);
    return updateReq(f, `update${which}=${value}`, k, recOf(c, k).id, recOf(c, k).version, { [name]: value }, ['BAD_USER_INPUT']);
  }
  // an assessment of a year before the founding, in the future, or impossible
  const year = rng.pick([1899, 1900, Number(c.foundedOn.slice(0, 4)) - 1, 2999, 3000, new Date().getUTCFullYear() + 1, 0, -1]);
  return assessmentReq(f, `setAssessment year ${year}`, { orgCode: SHIHU, year, results: fullResults(c) }, ['BAD_USER_INPUT']);
};

const genBadMoney: Generator = (rng, c) => {
  const f: Family = 'bad-money';
  const isMoney = (s: FieldT) => ['money', 'money0', 'decimal'].includes(s.t);
  const k = rng.pick(kindsWith(isMoney));
  const [name, spec] = pickField(rng, k, isMoney)!;
  const value = badMoney(rng, spec.t);
  const label = `${name}=${JSON.stringify(value)}`;
  if (rng.chance(0.5)) return createReq(f, `create${k.name}.${label}`, k, { ...k.valid(c, rng), [name]: value }, ['BAD_USER_INPUT']);
  return updateReq(f, `update${k.name}.${label}`, k, recOf(c, k).id, recOf(c, k).version, { [name]: value }, ['BAD_USER_INPUT']);
};

const genBadPhoneId: Generator = (rng, c) => {
  const f: Family = 'bad-phone-id';
  const k = rng.pick([kind('Volunteer'), kind('Volunteer'), kind('Beneficiary')]);
  const name = k.name === 'Volunteer' && rng.chance(0.5) ? 'phone' : 'idNumber';
  const value = name === 'phone' ? rng.pick(BAD_PHONES) : badIdNumber(rng);
  const label = `${name}=${value}`;
  if (rng.chance(0.5)) return createReq(f, `create${k.name}.${label}`, k, { ...k.valid(c, rng), [name]: value }, ['BAD_USER_INPUT']);
  return updateReq(f, `update${k.name}.${label}`, k, recOf(c, k).id, recOf(c, k).version, { [name]: value }, ['BAD_USER_INPUT']);
};

const genBadEnums: Generator = (rng, c) => {
  const f: Family = 'bad-enums';
  if (rng.chance(0.15)) {
    const level = rng.pick(['NOPE', 'county', 'VILLAGE', 'TOWNSHIP', '', 'COUNTY ']);
    return adoptionReq(f, `setArticleAdoption level=${level}`, { id: c.rec.article.id, v: c.rec.article.version, level }, ['BAD_USER_INPUT'], 'jian-admin');
  }
  const k = rng.pick(kindsWith((s) => s.t === 'enum'));
  const [name, spec] = pickField(rng, k, (s) => s.t === 'enum')!;
  const value = rng.pick(['NOPE', spec.values![0].toLowerCase(), '', ' ', `${spec.values![0]} `, '老干部', 'LECTURE\u200b', 'TEACHER_', 'null', rng.str(8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_')]);
  if (rng.chance(0.3)) {
    // in the document: a name the enum does not have, or a string where a name is expected
    const input: Record<string, unknown> = { orgCode: SHIHU, ...k.valid(c, rng) };
    const bad = rng.chance(0.5) ? 'NOPE' : JSON.stringify(spec.values![0]);
    const text = Object.entries(input).map(([key, v]) => `${key}: ${key === name ? bad : k.fields[key]?.t === 'enum' ? v : JSON.stringify(v)}`).join(', ');
    return req(f, `create${k.name}.${name}=${bad} literal`, `create${k.name}`, 'shihu-editor', `mutation { create${k.name}(input: { ${text}${input[name] === undefined ? `, ${name}: ${bad}` : ''} }) ${sel(k)} }`, {}, ['GRAPHQL_VALIDATION_FAILED']);
  }
  const label = `${name}=${JSON.stringify(value)}`;
  if (rng.chance(0.5)) return createReq(f, `create${k.name}.${label}`, k, { ...k.valid(c, rng), [name]: value }, ['BAD_USER_INPUT']);
  return updateReq(f, `update${k.name}.${label}`, k, recOf(c, k).id, recOf(c, k).version, { [name]: value }, ['BAD_USER_INPUT']);
};

/** Update, delete or end of record `id` of kind `k` with otherwise valid arguments. */
function targetReq(f: Family, rng: Rng, c: Ctx, k: KindT, id: unknown, v: unknown, label: string, expect: string[], user: string | null = 'shihu-editor'): Req {
  const ops: Op[] = k.end ? ['update', 'remove', 'end'] : ['update', 'remove'];
  const op = rng.pick(ops);
  if (op === 'update') return updateReq(f, `update${k.name} ${label}`, k, id, v, k.validPatch(c, rng), expect, user);
  if (op === 'remove') return removeReq(f, `delete${k.name} ${label}`, k, id, v, REASON, expect, user);
  return endReq(f, `end${k.name} ${label}`, k, id, k.end!.valid, v, expect, user);
}

const genBadIds: Generator = (rng, c) => {
  const f: Family = 'bad-ids';
  const r = rng.int(0, 9);
  if (r <= 2) {
    const k = rng.pick(KINDS);
    const id = rng.pick(NOT_UUIDS);
    return targetReq(f, rng, c, k, id, 1, `id=${id}`, ['BAD_USER_INPUT']);
  }
  if (r <= 5) {
    const k = rng.pick(KINDS);
    return targetReq(f, rng, c, k, rng.uuid(), rng.int(1, 3), 'random uuid', ['NOT_FOUND']);
  }
  if (r === 6) {
    // the id of a record of another kind
    const k = rng.pick(KINDS);
    const other = rng.pick(KINDS.filter((x) => x !== k));
    return targetReq(f, rng, c, k, recOf(c, other).id, recOf(c, other).version, `id of a ${other.name}`, ['NOT_FOUND']);
  }
  if (r === 7) {
    const id = rng.chance(0.5) ? rng.pick(NOT_UUIDS) : rng.uuid();
    return adoptionReq(f, `setArticleAdoption id=${id}`, { id, v: 1, level: 'COUNTY' }, [NOT_UUIDS.includes(id) ? 'BAD_USER_INPUT' : 'NOT_FOUND'], 'jian-admin');
  }
  // references that are not UUIDs, random UUIDs, or records of another kind
  const k = rng.pick([kind('Pair'), kind('Disbursement')]);
  const [name] = pickField(rng, k, (s) => s.t === 'ref')!;
  const value = rng.pick([rng.pick(NOT_UUIDS), rng.uuid(), c.rec.activity.id, name === 'volunteerId' ? c.rec.beneficiary.id : c.rec.volunteer.id]);
  if (rng.chance(0.5)) return createReq(f, `create${k.name}.${name}=${value}`, k, { ...k.valid(c, rng), [name]: value }, ['BAD_USER_INPUT']);
  return updateReq(f, `update${k.name}.${name}=${value}`, k, recOf(c, k).id, recOf(c, k).version, { [name]: value }, ['BAD_USER_INPUT']);
};

function foreignRec(rng: Rng, pool: Record<string, Rec[]>, table: string): Rec {
  const recs = pool[table] ?? [];
  return recs.length ? rng.pick(recs) : { id: rng.uuid(), version: 1 };
}

const genForeignIds: Generator = (rng, c) => {
  const f: Family = 'foreign-ids';
  const r = rng.int(0, 9);
  if (r <= 4) {
    const k = rng.pick(KINDS);
    const rec = foreignRec(rng, c.foreign, k.table);
    const user = rng.pick(['shihu-editor', 'shihu-editor', 'taishang-admin']);
    return targetReq(f, rng, c, k, rec.id, rec.version, `of another village as ${user}`, ['NOT_FOUND'], user);
  }
  if (r === 5) {
    // 石湖村's own records, to an admin of another branch of the county
    const k = rng.pick(KINDS);
    return targetReq(f, rng, c, k, recOf(c, k).id, recOf(c, k).version, 'of 石湖村 as taishang-admin', ['NOT_FOUND'], 'taishang-admin');
  }
  if (r === 6) {
    const rec = foreignRec(rng, c.foreign, 'article');
    return adoptionReq(f, 'setArticleAdoption of another village', { id: rec.id, v: rec.version, level: 'COUNTY' }, ['NOT_FOUND'], 'taishang-admin');
  }
  if (r === 7) {
    // creating at an org the editor cannot see (or, the county above, may not write)
    const k = rng.pick(KINDS);
    const code = rng.pick(c.foreignOrgs);
    return req(f, `create${k.name} at ${code}`, `create${k.name}`, 'shihu-editor', Q.create(k), { input: { ...k.valid(c, rng), orgCode: code } }, ['NOT_FOUND', 'FORBIDDEN']);
  }
  // references to records of other villages (readable to the county's admin, but not of 石湖村)
  const k = rng.pick([kind('Pair'), kind('Disbursement')]);
  const [name] = pickField(rng, k, (s) => s.t === 'ref')!;
  const value = foreignRec(rng, c.foreign, REF_TABLE[name]).id;
  const user = rng.pick(['shihu-editor', 'jian-admin']);
  if (rng.chance(0.5)) return createReq(f, `create${k.name}.${name} of another village as ${user}`, k, { ...k.valid(c, rng), [name]: value }, ['BAD_USER_INPUT'], user);
  return updateReq(f, `update${k.name}.${name} of another village as ${user}`, k, recOf(c, k).id, recOf(c, k).version, { [name]: value }, ['BAD_USER_INPUT'], user);
};

const genOtherTenant: Generator = (rng, c) => {
  const f: Family = 'other-tenant';
  const r = rng.int(0, 9);
  const user = rng.pick(['shihu-editor', 'jian-admin']);
  if (r <= 4) {
    const k = rng.pick(KINDS);
    const rec = foreignRec(rng, c.otherTenant, k.table);
    return targetReq(f, rng, c, k, rec.id, rec.version, `of 通化县 as ${user}`, ['NOT_FOUND'], user);
  }
  if (r === 5) {
    const k = rng.pick(KINDS);
    const code = rng.pick(c.otherTenantOrgs);
    return req(f, `create${k.name} at ${code} as ${user}`, `create${k.name}`, user, Q.create(k), { input: { ...k.valid(c, rng), orgCode: code } }, ['NOT_FOUND']);
  }
  if (r === 6) {
    const code = rng.pick(c.otherTenantOrgs);
    if (rng.chance(0.5)) return assessmentReq(f, `setAssessment at ${code}`, { orgCode: code, year: c.usedYear, results: fullResults(c) }, ['NOT_FOUND'], user);
    return deleteAssessmentReq(f, `deleteAssessment at ${code}`, { orgCode: code, year: c.usedYear, v: 1, reason: REASON }, ['NOT_FOUND'], user);
  }
  if (r === 7) {
    const rec = foreignRec(rng, c.otherTenant, 'article');
    return adoptionReq(f, 'setArticleAdoption of 通化县', { id: rec.id, v: rec.version, level: 'COUNTY' }, ['NOT_FOUND'], 'jian-admin');
  }
  const k = rng.pick([kind('Pair'), kind('Disbursement')]);
  const [name] = pickField(rng, k, (s) => s.t === 'ref')!;
  const value = foreignRec(rng, c.otherTenant, REF_TABLE[name]).id;
  if (rng.chance(0.5)) return createReq(f, `create${k.name}.${name} of 通化县 as ${user}`, k, { ...k.valid(c, rng), [name]: value }, ['BAD_USER_INPUT'], user);
  return updateReq(f, `update${k.name}.${name} of 通化县 as ${user}`, k, recOf(c, k).id, recOf(c, k).version, { [name]: value }, ['BAD_USER_INPUT'], user);
};

function staleVersion(rng: Rng, current: number): number {
  const v = rng.pick([current + 1, current + 2, current + 7, 2 ** 31 - 1, current - 1, 1]);
  return v === current || v < 1 ? current + 1 : v;
}

const genStale: Generator = (rng, c) => {
  const f: Family = 'stale-version';
  const r = rng.int(0, 9);
  if (r <= 6) {
    const k = rng.pick(KINDS);
    const rec = recOf(c, k);
    const v = staleVersion(rng, rec.version);
    return targetReq(f, rng, c, k, rec.id, v, `version ${v} (current ${rec.version})`, ['CONFLICT'], rng.pick(['shihu-editor', 'shihu-editor', 'jian-admin']));
  }
  if (r === 7) {
    const v = staleVersion(rng, c.rec.article.version);
    return adoptionReq(f, `setArticleAdoption version ${v}`, { id: c.rec.article.id, v, level: rng.pick([...ADOPTION, null]) }, ['CONFLICT'], 'jian-admin');
  }
  if (r === 8) {
    // a second assessment of the year without or with a wrong version; a first with one
    const which = rng.int(0, 2);
    if (which === 0) return assessmentReq(f, 'setAssessment again without version', { orgCode: SHIHU, year: c.usedYear, results: fullResults(c, rng.chance(0.5)) }, ['CONFLICT']);
    if (which === 1) {
      const v = staleVersion(rng, c.assessmentVersion);
      return assessmentReq(f, `setAssessment version ${v}`, { orgCode: SHIHU, year: c.usedYear, results: fullResults(c), expectedVersion: v }, ['CONFLICT']);
    }
    return assessmentReq(f, 'setAssessment of a new year with a version', { orgCode: SHIHU, year: c.freeYear, results: fullResults(c), expectedVersion: rng.int(1, 3) }, ['CONFLICT']);
  }
  const v = staleVersion(rng, c.assessmentVersion);
  return deleteAssessmentReq(f, `deleteAssessment version ${v}`, { orgCode: SHIHU, year: c.usedYear, v, reason: REASON }, ['CONFLICT']);
};

const genBadVersion: Generator = (rng, c) => {
  const f: Family = 'bad-version';
  const r = rng.int(0, 9);
  if (r <= 6) {
    const k = rng.pick(KINDS);
    const v = rng.pick([0, -1, -(2 ** 31), 2 ** 31, 2 ** 53, 1e20, -0.5]);
    return targetReq(f, rng, c, k, recOf(c, k).id, v, `expectedVersion ${v}`, ['BAD_USER_INPUT']);
  }
  if (r === 7) {
    const v = rng.pick([0, -1, 2 ** 31]);
    return adoptionReq(f, `setArticleAdoption expectedVersion ${v}`, { id: c.rec.article.id, v, level: 'COUNTY' }, ['BAD_USER_INPUT'], 'jian-admin');
  }
  if (r === 8) {
    const v = rng.pick([0, -1, -(2 ** 31), 2 ** 31]);
    // 0 or a negative version of a year that has an assessment: not the version read (CONFLICT), or not an Int
    return assessmentReq(f, `setAssessment expectedVersion ${v}`, { orgCode: SHIHU, year: c.usedYear, results: fullResults(c), expectedVersion: v }, v === 2 ** 31 ? ['BAD_USER_INPUT'] : ['CONFLICT', 'BAD_USER_INPUT']);
  }
  const v = rng.pick([0, -1, 2 ** 31]);
  return deleteAssessmentReq(f, `deleteAssessment expectedVersion ${v}`, { orgCode: SHIHU, year: c.usedYear, v, reason: REASON }, v === 2 ** 31 ? ['BAD_USER_INPUT'] : ['CONFLICT', 'BAD_USER_INPUT']);
};

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** A day in [from, to], both inclusive. */
const dayIn = (rng: Rng, from: string, to: string) => addDays(from, rng.int(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)));

const genRules: Generator = (rng, c) => {
  const f: Family = 'rule-violations';
  const RV = ['RULE_VIOLATED'];
  const { volunteer: v1, assistance_pair: p1, donation: d1, disbursement: x1 } = c.rec;
  switch (rng.int(0, 14)) {
    case 0:
    case 1: {
      // the scholarship fund of 石湖村 is spent to the last fen: any further payment overdraws it
      const amount = rng.pick(['0.01', '1', '1000.01', `${rng.int(1, 99999)}.${rng.int(10, 99)}`, '999999999999.99']);
      return createReq(f, `createDisbursement SCHOLARSHIP ${amount} beyond the fund`, kind('Disbursement'),
        { paidOn: dayIn(rng, '2021-06-01', '2024-12-31'), amountYuan: amount, restrictedPurpose: 'SCHOLARSHIP', recipientName: '李同学' }, RV);
    }
    case 2: {
      const amount = rng.pick(['9999.99', `${rng.int(100000, 999999)}`, '999999999999']);
      return updateReq(f, `updateDisbursement X1 amount ${amount}`, kind('Disbursement'), x1.id, x1.version, { amountYuan: amount }, RV);
    }
    case 3: {
      const patch = rng.pick<Record<string, unknown>>([{ amountYuan: '1.00' }, { amountYuan: '0.01' }, { restrictedPurpose: 'STUDENT_AID' }, { restrictedPurpose: null }, { form: 'GOODS' }]);
      return updateReq(f, `updateDonation D1 ${JSON.stringify(patch)}`, kind('Donation'), d1.id, d1.version, patch, RV);
    }
    case 4:
      return removeReq(f, 'deleteDonation D1 that funds X1', kind('Donation'), d1.id, d1.version, REASON, RV);
    case 5: {
      // V2 joined on 2021-06-01 (and 2020 is locked: its reports are approved)
      const start = dayIn(rng, c.foundedOn > '2021-01-01' ? c.foundedOn : '2021-01-01', '2021-05-31');
      return createReq(f, `createPair starting ${start} before the volunteer joined`, kind('Pair'), { volunteerId: c.v2.id, beneficiaryId: c.rec.beneficiary.id, startedOn: start }, RV);
    }
    case 6: {
      // V1 joined on 2021-01-05 (and 2020 is locked: its reports are approved)
      const start = dayIn(rng, c.foundedOn > '2021-01-01' ? c.foundedOn : '2021-01-01', '2021-01-04');
      return updateReq(f, `updatePair P1 startedOn ${start}`, kind('Pair'), p1.id, p1.version, { startedOn: start }, RV);
    }
    case 7: {
      // P1 started on 2021-03-01
      const joined = dayIn(rng, '2021-03-02', '2021-12-31');
      return updateReq(f, `updateVolunteer V1 joinedOn ${joined} after its pair started`, kind('Volunteer'), v1.id, v1.version, { joinedOn: joined }, RV);
    }
    case 8: {
      const left = dayIn(rng, '2021-01-06', '2021-03-01');
      return endReq(f, `endVolunteer V1 leftOn ${left}, its pair starting 2021-03-01`, kind('Volunteer'), v1.id, left, v1.version, RV);
    }
    case 9: {
      const [k, taken] = c.takenBeneficiaryIdNumber && rng.chance(0.3) ? [kind('Beneficiary'), c.takenBeneficiaryIdNumber] : [kind('Volunteer'), c.takenVolunteerIdNumber];
      if (rng.chance(0.5)) return createReq(f, `create${k.name} with an idNumber registered in the county`, k, { ...k.valid(c, rng), idNumber: taken }, RV);
      return updateReq(f, `update${k.name} idNumber registered in the county`, k, recOf(c, k).id, recOf(c, k).version, { idNumber: taken }, RV);
    }
    case 10: {
      // an assessment with some criteria only (of a new year, or of the year assessed)
      const n = rng.int(0, c.criteria.length - 1);
      const results = rng.shuffle(fullResults(c, rng.chance(0.5))).slice(0, Math.max(1, n));
      const known = rng.chance(0.5);
      return assessmentReq(f, `setAssessment with ${results.length} of ${c.criteria.length} criteria`,
        known ? { orgCode: SHIHU, year: c.usedYear, results, expectedVersion: c.assessmentVersion } : { orgCode: SHIHU, year: c.freeYear, results }, RV);
    }
    case 11: {
      // a second record of a kind that is one per org and year (or period)
      const k = rng.pick([kind('Guarantee'), kind('PlanTarget'), kind('ReportedFigure')]);
      const input = k.name === 'ReportedFigure' ? { ...k.valid(c, rng), period: String(c.usedYear) } : { ...k.valid(c, rng), year: c.usedYear };
      return createReq(f, `create${k.name} a second time for ${c.usedYear}`, k, input, ['CONFLICT']);
    }
    case 12: {
      const k = rng.pick([kind('Guarantee'), kind('PlanTarget'), kind('ReportedFigure')]);
      const patch = k.name === 'ReportedFigure' ? { period: String(c.usedYear) } : { year: c.usedYear };
      const other = c.rec[`${k.table}#2`];
      return updateReq(f, `update${k.name} onto the key of another record`, k, other.id, other.version, patch, ['CONFLICT']);
    }
    case 13: {
      // a volunteer or beneficiary a pair still names
      const k = rng.pick([kind('Volunteer'), kind('Beneficiary')]);
      return removeReq(f, `delete${k.name} named by a pair`, k, recOf(c, k).id, recOf(c, k).version, REASON, ['CONFLICT']);
    }
    default: {
      // the clientMutationId of an article, for another kind
      const k = rng.pick(KINDS.filter((x) => x.name !== 'Article'));
      return createReq(f, `create${k.name} with the clientMutationId of an article`, k, { ...k.valid(c, rng), clientMutationId: 'fuzz-article-1' }, ['CONFLICT']);
    }
  }
};

const genWrongUsers: Generator = (rng, c) => {
  const f: Family = 'wrong-users';
  const [user, expect] = rng.pick<[string | null, string]>([
    ['tonghua-viewer', 'FORBIDDEN'],
    ['tonghuaxian-admin', 'NOT_FOUND'],
    [null, 'UNAUTHENTICATED'],
  ]);
  const who = user ?? 'anonymous';
  const r = rng.int(0, 9);
  if (r <= 3) {
    const k = rng.pick(KINDS);
    return createReq(f, `create${k.name} as ${who}`, k, k.valid(c, rng), [expect], user);
  }
  if (r <= 6) {
    const k = rng.pick(KINDS);
    return targetReq(f, rng, c, k, recOf(c, k).id, recOf(c, k).version, `as ${who}`, [expect], user);
  }
  if (r === 7) return assessmentReq(f, `setAssessment as ${who}`, { orgCode: SHIHU, year: c.freeYear, results: fullResults(c) }, [expect], user);
  if (r === 8) return deleteAssessmentReq(f, `deleteAssessment as ${who}`, { orgCode: SHIHU, year: c.usedYear, v: c.assessmentVersion, reason: REASON }, [expect], user);
  // adoption: by the village that wrote the article (FORBIDDEN: the level above marks it), or by the wrong users
  if (rng.chance(0.4)) return adoptionReq(f, 'setArticleAdoption by the writing village', { id: c.rec.article.id, v: c.rec.article.version, level: rng.pick(ADOPTION) }, ['FORBIDDEN'], 'shihu-editor');
  return adoptionReq(f, `setArticleAdoption as ${who}`, { id: c.rec.article.id, v: c.rec.article.version, level: rng.pick(ADOPTION) }, [expect], user);
};

const genControlChars: Generator = (rng, c) => {
  const f: Family = 'control-chars';
  const r = rng.int(0, 9);
  if (r <= 5) {
    const k = rng.pick(KINDS);
    const strings = Object.entries(k.fields).filter(([, s]) => !['int', 'bool', 'enum'].includes(s.t)).map(([n]) => n);
    const name = rng.pick([...strings, 'orgCode', 'clientMutationId']);
    const base = name === 'orgCode' ? SHIHU : name === 'clientMutationId' ? 'cmid-1' : String(k.valid(c, rng)[name] ?? '13800001111');
    const value = withControl(rng, base, name === 'description');
    const label = `${name}=${JSON.stringify(value).slice(0, 40)}`;
    if (name === 'orgCode' || name === 'clientMutationId' || rng.chance(0.5)) return createReq(f, `create${k.name}.${label}`, k, { ...k.valid(c, rng), [name]: value }, ['BAD_USER_INPUT']);
    return updateReq(f, `update${k.name}.${label}`, k, recOf(c, k).id, recOf(c, k).version, { [name]: value }, ['BAD_USER_INPUT']);
  }
  if (r === 6) {
    // in the reason of a deletion (line breaks are allowed there; the other controls are not)
    const k = rng.pick(KINDS);
    const reason = withControl(rng, REASON, true);
    return removeReq(f, `delete${k.name} reason with a control`, k, recOf(c, k).id, recOf(c, k).version, reason, ['BAD_USER_INPUT']);
  }
  if (r === 7) {
    const k = rng.pick(KINDS);
    const rec = recOf(c, k);
    const id = withControl(rng, rec.id, false);
    // half of them written into the document itself (as a \u escape of a string literal)
    if (rng.chance(0.5)) {
      return req(f, `update${k.name} id with a control, literal`, `update${k.name}`, 'shihu-editor',
        `mutation { update${k.name}(id: ${JSON.stringify(id)}, expectedVersion: ${rec.version}, patch: ${rng.pick(['{}', '{ title: "x" }'])}) { ${k.field} { id } } }`, {}, ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);
    }
    return targetReq(f, rng, c, k, id, rec.version, 'id with a control', ['BAD_USER_INPUT']);
  }
  if (r === 8) {
    const k = rng.pick(ENDABLE);
    return endReq(f, `end${k.name} date with a control`, k, recOf(c, k).id, withControl(rng, k.end!.valid, false), recOf(c, k).version, ['BAD_USER_INPUT']);
  }
  if (rng.chance(0.5)) {
    const key = withControl(rng, c.criteria[0], false);
    return assessmentReq(f, 'setAssessment criterionKey with a control', { orgCode: SHIHU, year: c.freeYear, results: [{ criterionKey: key, met: true }, ...fullResults(c).slice(1)] }, ['BAD_USER_INPUT']);
  }
  return deleteAssessmentReq(f, 'deleteAssessment orgCode with a control', { orgCode: withControl(rng, SHIHU, false), year: c.usedYear, v: c.assessmentVersion, reason: REASON }, ['BAD_USER_INPUT']);
};

const genBadReason: Generator = (rng, c) => {
  const f: Family = 'bad-reason';
  const reason = rng.pick(['', ' ', 'x', '删', ' x ', '\t\n', '\u3000\u3000', '  删  ', 'x'.repeat(201), '字'.repeat(201), '字'.repeat(10_000), ' '.repeat(300)]);
  const label = `reason of ${reason.length} chars ${JSON.stringify(reason.slice(0, 6))}`;
  if (rng.chance(0.15)) return deleteAssessmentReq(f, `deleteAssessment ${label}`, { orgCode: SHIHU, year: c.usedYear, v: c.assessmentVersion, reason }, ['BAD_USER_INPUT']);
  const k = rng.pick(KINDS);
  // the right record and version: only the reason is wrong
  return removeReq(f, `delete${k.name} ${label}`, k, recOf(c, k).id, recOf(c, k).version, reason, ['BAD_USER_INPUT']);
};

/**
 * The reporting cycle's mutations, each wrong in one way: a bad period, an org of another
 * tenant, the wrong user, a transition the report's state does not allow, a bad reason. Periods
 * chosen have no report, so nothing here may move one.
 */
const genReportCycle: Generator = (rng, c) => {
  const f: Family = 'report-cycle';
  const submit = `mutation Fuzz($org: String!, $p: Period!, $force: String) { submitReport(orgCode: $org, period: $p, forceWithReason: $force) { id status } }`;
  const decide = (action: string, withReason: boolean) =>
    `mutation Fuzz($org: String!, $p: Period!${withReason ? ', $reason: String!' : ''}) { ${action}(orgCode: $org, period: $p${withReason ? ', reason: $reason' : ''}) { id status } }`;
  const freePeriod = rng.pick(['2019Q1', '2019-05', '2018Q2']);
  const close = (action: 'closePeriod' | 'reopenPeriod') =>
    `mutation Fuzz($org: String!, $p: Period!${action === 'reopenPeriod' ? ', $reason: String!' : ''}) { ${action}(orgCode: $org, period: $p${action === 'reopenPeriod' ? ', reason: $reason' : ''}) { id } }`;
  const deadline = `mutation Fuzz($org: String!, $kind: PeriodKind!, $level: OrgLevel!, $days: Int!) { setReportDeadline(orgCode: $org, periodKind: $kind, level: $level, dueOffsetDays: $days) { level } }`;
  switch (rng.int(0, 12)) {
    case 0:
      return req(f, 'submitReport with a bad period', 'submitReport', 'shihu-editor', submit,
        { org: SHIHU, p: rng.pick(['2021Q5', '21', 'x', '2021-13', '', 2021, '2021H1', '２０２１']), force: null }, ['BAD_USER_INPUT']);
    case 1:
      return req(f, 'submitReport for another county', 'submitReport', 'shihu-editor', submit, { org: rng.pick(c.otherTenantOrgs), p: freePeriod, force: null }, ['NOT_FOUND']);
    case 2:
      return req(f, 'submitReport as a viewer or anonymously', 'submitReport', rng.pick(['tonghua-viewer', null]), submit,
        { org: SHIHU, p: freePeriod, force: null }, ['FORBIDDEN', 'UNAUTHENTICATED']);
    case 3: {
      const action = rng.pick(['approveReport', 'returnReport', 'reopenReport']);
      // an editor decides nothing; an admin of another branch does not see the org
      const user = rng.pick(['shihu-editor', 'taishang-admin']);
      return req(f, `${action} as ${user}`, action, user, decide(action, action !== 'approveReport'), { org: SHIHU, p: freePeriod, reason: '核对有误' }, ['FORBIDDEN', 'NOT_FOUND']);
    }
    case 4: {
      // no report in that period: nothing to approve, return or reopen
      const action = rng.pick(['approveReport', 'returnReport', 'reopenReport']);
      return req(f, `${action} of a report not started`, action, 'jian-admin', decide(action, action !== 'approveReport'), { org: SHIHU, p: freePeriod, reason: '核对有误' }, ['INVALID_STATE']);
    }
    case 5: {
      const action = rng.pick(['returnReport', 'reopenReport']);
      const reason = rng.pick(['', ' ', 'x', '字'.repeat(501), ' '.repeat(600)]);
      return req(f, `${action} with a reason of ${reason.length} chars`, action, 'jian-admin', decide(action, true), { org: SHIHU, p: freePeriod, reason }, ['BAD_USER_INPUT']);
    }
    case 6:
      return req(f, 'approveReport of the approver\'s own county', 'approveReport', 'jian-admin', decide('approveReport', false), { org: COUNTY, p: freePeriod }, ['FORBIDDEN']);
    case 8: {
      // a county closes its own periods: not a township's admin, an editor, a viewer, or another county
      const [user, org, codes] = rng.pick([
        ['taishang-admin', '220582101', ['FORBIDDEN']], ['shihu-editor', SHIHU, ['FORBIDDEN']], ['tonghua-viewer', COUNTY, ['FORBIDDEN']],
        ['jian-admin', rng.pick(c.otherTenantOrgs), ['NOT_FOUND']], ['taishang-admin', COUNTY, ['NOT_FOUND']],
      ] as Array<[string, string, string[]]>);
      const action = rng.pick(['closePeriod', 'reopenPeriod'] as const);
      return req(f, `${action} as ${user} at ${org}`, action, user, close(action), { org, p: freePeriod, reason: '重开测试' }, codes);
    }
    case 9: {
      // nothing approved in those periods: nothing to close; nothing closed: nothing to reopen
      const action = rng.pick(['closePeriod', 'reopenPeriod'] as const);
      return req(f, `${action} of a period not ready`, action, 'jian-admin', close(action), { org: COUNTY, p: freePeriod, reason: '重开测试' }, ['INVALID_STATE']);
    }
    case 10: {
      const reason = rng.pick(['', ' ', 'x', '字'.repeat(501)]);
      return req(f, `reopenPeriod with a reason of ${reason.length} chars`, 'reopenPeriod', 'jian-admin', close('reopenPeriod'), { org: COUNTY, p: freePeriod, reason }, ['BAD_USER_INPUT']);
    }
    case 11: {
      const [vars, codes] = rng.pick([
        [{ days: rng.pick([367, -367, 100000, -(2 ** 31)]) }, ['BAD_USER_INPUT']],
        [{ days: rng.pick([1.5, '3', null, true]) }, TYPE_ERROR],
        [{ kind: rng.pick(['YEARLY', 'year', '', 1]) }, TYPE_ERROR],
        [{ level: rng.pick(['CUN', 'village', null]) }, TYPE_ERROR],
        [{ org: '220582101' }, ['FORBIDDEN']],
      ] as Array<[Record<string, unknown>, string[]]>);
      return req(f, `setReportDeadline ${JSON.stringify(vars)}`, 'setReportDeadline', 'jian-admin', deadline, { org: COUNTY, kind: 'YEAR', level: 'VILLAGE', days: -31, ...vars }, codes);
    }
    case 12: {
      const ids = rng.pick([['x'], ['1'.repeat(36)], Array.from({ length: 501 }, () => '00000000-0000-4000-8000-000000000000'), [null], 'x']);
      return req(f, `markNotificationsRead with ${JSON.stringify(ids).slice(0, 40)}`, 'markNotificationsRead', 'shihu-editor',
        `mutation Fuzz($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids }, ['BAD_USER_INPUT', ...TYPE_ERROR]);
    }
    default:
      return req(f, 'submitReport for an org code with a control', 'submitReport', 'shihu-editor', submit,
        { org: withControl(rng, SHIHU, false), p: freePeriod, force: null }, ['BAD_USER_INPUT']);
  }
};

const GENERATORS: Record<Family, Generator> = {
  'wrong-types': genWrongTypes,
  'missing-fields': genMissingFields,
  'overlong-strings': genOverlong,
  'bad-dates': genBadDates,
  'bad-money': genBadMoney,
  'bad-phone-id': genBadPhoneId,
  'bad-enums': genBadEnums,
  'bad-ids': genBadIds,
  'foreign-ids': genForeignIds,
  'other-tenant': genOtherTenant,
  'stale-version': genStale,
  'bad-version': genBadVersion,
  'rule-violations': genRules,
  'wrong-users': genWrongUsers,
  'control-chars': genControlChars,
  'bad-reason': genBadReason,
  'report-cycle': genReportCycle,
};

// ---------------------------------------------------------------------------------------------
// the state that must not change

const RECORD_TABLES = ['volunteer', 'beneficiary', 'assistance_pair', 'activity', 'donation', 'disbursement', 'article', 'guarantee', 'plan_target', 'reported_figure', 'assessment', 'client_mutation'];
const ROLLUP_FINGERPRINT = `SELECT md5(string_agg(org_id::text || source || channel || bucket::text || v::text, ',' ORDER BY org_id, source, channel, bucket)) AS fp FROM rollup_subtree`;

interface Snapshot {
  counts: Record<string, number>;
  /** every report's org, period, status and version */
  reports: string;
  audit: number;
  rollups: string;
  /** table:id:version of every record made for the campaign */
  versions: string;
}

const trunc = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);

describe('fuzz: bad inputs to every data-entry mutation', () => {
  let api: TestApi;
  let ctx: Ctx;
  let before: Snapshot;
  let after: Snapshot;
  const ownIds: Array<[string, string]> = [];
  const sent: Record<string, number> = {};
  const byMutation: Record<string, number> = {};
  const codeCounts: Record<string, Record<string, number>> = {};
  const failures: Array<{ family: Family; check: string; detail: string; request: string; response: string }> = [];
  const successes: Array<{ family: Family; request: string; response: string }> = [];
  let total = 0;

  const owner = (sql: string, params: unknown[] = []): Promise<any[]> => api.db.dataSource.query(sql, params);

  async function snapshot(): Promise<Snapshot> {
    const counts: Record<string, number> = {};
    for (const t of RECORD_TABLES) counts[t] = Number((await owner(`SELECT count(*)::int AS n FROM ${t}`))[0].n);
    const audit = Number((await owner(`SELECT count(*)::int AS n FROM audit_event`))[0].n);
    const rollups = String((await owner(ROLLUP_FINGERPRINT))[0].fp);
    const parts: string[] = [];
    for (const [table, id] of ownIds) {
      const [row] = await owner(`SELECT version FROM ${table} WHERE id = $1`, [id]);
      parts.push(`${table}:${id}:${row?.version ?? 'gone'}`);
    }
    const reports = String((await owner(`SELECT md5(string_agg(org_id::text || period || status || version::text, ',' ORDER BY id)) AS fp FROM report`))[0].fp);
    return { counts, reports, audit, rollups, versions: parts.join(',') };
  }

  /** A valid write as 石湖村's editor; fails the setup when refused. */
  async function make(k: KindT, input: Record<string, unknown>): Promise<Rec> {
    const res = await api.gql(`mutation($input: Create${k.name}Input!) { create${k.name}(input: $input) { ${k.field} { id } } }`, { input: { orgCode: SHIHU, ...input } });
    if (res.body.errors) throw new Error(`setup: create${k.name} ${JSON.stringify(input)} failed: ${JSON.stringify(res.body.errors)}`);
    const id = res.body.data[`create${k.name}`][k.field].id as string;
    ownIds.push([k.table, id]);
    return { id, version: 1 };
  }

  async function setup(): Promise<Ctx> {
    const [shihu] = await owner(`SELECT tenant_id, id, founded_on::text AS founded FROM org WHERE code = $1`, [SHIHU]);
    const foundedOn: string = shihu.founded;
    const thisYear = new Date().getUTCFullYear();
    const criteria = (await owner(`SELECT key FROM assessment_criterion WHERE tenant_id = $1 ORDER BY position`, [shihu.tenant_id])).map((r) => r.key as string);
    // three years (after the founding) with no guarantee, plan target, published figure or assessment of 石湖村
    const taken = new Set<number>((await owner(
      `SELECT year FROM guarantee WHERE org_id = $1 UNION SELECT year FROM plan_target WHERE org_id = $1
        UNION SELECT year FROM assessment WHERE org_id = $1 UNION SELECT left(period, 4)::int FROM reported_figure WHERE org_id = $1`, [shihu.id])).map((r) => Number(r.year)));
    const free: number[] = [];
    for (let y = thisYear; y > Number(foundedOn.slice(0, 4)) && free.length < 3; y--) if (!taken.has(y)) free.push(y);
    if (free.length < 3) throw new Error(`setup: no free years at 石湖村 (taken ${[...taken].join(',')})`);
    const [usedYear, freeYear, secondYear] = free;

    const rec: Record<string, Rec> = {};
    const v1 = await make(kind('Volunteer'), { name: '赵文', category: 'CADRE', joinedOn: '2021-01-05', phone: '13800001111' });
    const v2 = await make(kind('Volunteer'), { name: '钱进', category: 'SOLDIER', joinedOn: '2021-06-01' });
    // V1 at version 2 (version 1 is stale)
    const upd = await api.gql(`mutation($id: ID!) { updateVolunteer(id: $id, expectedVersion: 1, patch: { isCore: true }) { volunteer { id } } }`, { id: v1.id });
    if (upd.body.errors) throw new Error(`setup: updateVolunteer failed: ${JSON.stringify(upd.body.errors)}`);
    rec.volunteer = { id: v1.id, version: 2 };
    rec.beneficiary = await make(kind('Beneficiary'), { name: '赵小芳', category: 'LEFT_BEHIND_CHILD' });
    rec.assistance_pair = await make(kind('Pair'), { volunteerId: v1.id, beneficiaryId: rec.beneficiary.id, startedOn: '2021-03-01' });
    rec.activity = await make(kind('Activity'), { heldOn: '2021-04-02', theme: 'LECTURE', title: '法治宣讲', participants: 30, youthReached: 60 });
    // the scholarship fund: a donation, then a payment that spends exactly what the fund holds
    const [{ balance }] = await owner(
      `SELECT (COALESCE((SELECT sum(amount_yuan) FROM donation WHERE org_id = $1 AND restricted_purpose = 'SCHOLARSHIP' AND form = 'MONEY'), 0)
             - COALESCE((SELECT sum(amount_yuan) FROM disbursement WHERE org_id = $1 AND restricted_purpose = 'SCHOLARSHIP'), 0))::text AS balance`, [shihu.id]);
    const donation = Math.max(1000, Math.ceil(1000 - Number(balance)));
    rec.donation = await make(kind('Donation'), { receivedOn: '2021-05-01', donorKind: 'ENTERPRISE', donorName: '某企业', form: 'MONEY', amountYuan: `${donation}.00`, restrictedPurpose: 'SCHOLARSHIP' });
    const [{ rest }] = await owner(`SELECT ($1::numeric + $2::numeric)::numeric(14,2)::text AS rest`, [balance, donation]);
    rec.disbursement = await make(kind('Disbursement'), { paidOn: '2021-06-01', amountYuan: rest, restrictedPurpose: 'SCHOLARSHIP', recipientName: '李同学', beneficiaryId: rec.beneficiary.id });
    rec.article = await make(kind('Article'), { title: '石湖村五老宣讲团', submittedOn: '2021-08-01' });
    // an article made with a clientMutationId (another kind reusing it is CONFLICT)
    await make(kind('Article'), { title: '石湖村关工小组', submittedOn: '2021-08-02', clientMutationId: 'fuzz-article-1' });
    const guarantee = { hasStaff: true, hasOffice: true, hasEquipment: false, hasFunding: true, budgetYuan: '5000' };
    rec.guarantee = await make(kind('Guarantee'), { year: usedYear, ...guarantee });
    rec['guarantee#2'] = await make(kind('Guarantee'), { year: secondYear, ...guarantee });
    rec.plan_target = await make(kind('PlanTarget'), { year: usedYear, metricKey: 'activityCount', targetValue: '12', description: '全年开展活动 12 次' });
    rec['plan_target#2'] = await make(kind('PlanTarget'), { year: secondYear, metricKey: 'activityCount', targetValue: '10', description: '全年开展活动 10 次' });
    rec.reported_figure = await make(kind('ReportedFigure'), { period: String(usedYear), metricKey: 'coreVolunteerShare', reportedValue: '0.29', source: '总结' });
    rec['reported_figure#2'] = await make(kind('ReportedFigure'), { period: String(secondYear), metricKey: 'coreVolunteerShare', reportedValue: '0.30', source: '总结' });
    const a = await api.gql(`mutation($input: SetAssessmentInput!) { setAssessment(input: $input) { version } }`,
      { input: { orgCode: SHIHU, year: usedYear, results: criteria.map((key) => ({ criterionKey: key, met: true })) } });
    if (a.body.errors) throw new Error(`setup: setAssessment failed: ${JSON.stringify(a.body.errors)}`);

    const pool = async (where: string, params: unknown[]): Promise<Record<string, Rec[]>> => {
      const out: Record<string, Rec[]> = {};
      for (const t of RECORD_TABLES.filter((x) => x !== 'assessment' && x !== 'client_mutation')) {
        out[t] = (await owner(`SELECT r.id, r.version FROM ${t} r JOIN org o ON o.tenant_id = r.tenant_id AND o.id = r.org_id WHERE ${where} ORDER BY r.id LIMIT 5`, params))
          .map((row) => ({ id: row.id as string, version: Number(row.version) }));
      }
      return out;
    };
    // records of 集安市 outside 石湖村's subtree and 台上镇's (neither can read them), and of the other tenant
    const foreign = await pool(
      `r.tenant_id = $1 AND NOT o.path <@ (SELECT path FROM org WHERE id = $2) AND NOT o.path <@ (SELECT path FROM org WHERE tenant_id = $1 AND code = '220582101')`,
      [shihu.tenant_id, shihu.id]);
    const otherTenant = await pool(`r.tenant_id <> $1`, [shihu.tenant_id]);
    const otherTenantOrgs = (await owner(`SELECT code FROM org WHERE tenant_id <> $1 ORDER BY path LIMIT 3`, [shihu.tenant_id])).map((r) => r.code as string);
    const foreignOrgs = (await owner(
      `SELECT code FROM org WHERE tenant_id = $1 AND path <@ '220000.220500.220582' AND NOT path <@ (SELECT path FROM org WHERE id = $2) AND level = 'VILLAGE' ORDER BY code LIMIT 4`,
      [shihu.tenant_id, shihu.id])).map((r) => r.code as string);
    const [{ id_number: takenVolunteerIdNumber }] = await owner(
      `SELECT v.id_number FROM volunteer v JOIN org o ON o.tenant_id = v.tenant_id AND o.id = v.org_id
        WHERE o.code <> $1 AND o.path <@ '220000.220500.220582' AND v.id_number IS NOT NULL ORDER BY v.id LIMIT 1`, [SHIHU]);
    const [takenB] = await owner(
      `SELECT b.id_number FROM beneficiary b JOIN org o ON o.tenant_id = b.tenant_id AND o.id = b.org_id
        WHERE o.code <> $1 AND o.path <@ '220000.220500.220582' AND b.id_number IS NOT NULL ORDER BY b.id LIMIT 1`, [SHIHU]);
    console.log(`setup: 石湖村 founded ${foundedOn}; years used ${usedYear}/${secondYear}, free ${freeYear}; ${criteria.length} criteria; scholarship balance ${balance};`
      + ` foreign records ${Object.entries(foreign).map(([t, r]) => `${t}=${r.length}`).join(' ')}; other tenant ${Object.entries(otherTenant).map(([t, r]) => `${t}=${r.length}`).join(' ')}`);
    return {
      foundedOn,
      dayBeforeFounding: addDays(foundedOn, -1),
      tomorrow: addDays(new Date().toISOString().slice(0, 10), 1),
      freeYear,
      usedYear,
      criteria,
      assessmentVersion: Number(a.body.data.setAssessment.version),
      rec,
      v2,
      foreign,
      otherTenant,
      otherTenantOrgs: [OTHER_COUNTY, ...otherTenantOrgs.filter((x) => x !== OTHER_COUNTY)],
      foreignOrgs: [...foreignOrgs, '220582101', COUNTY, '999999999'],
      takenVolunteerIdNumber,
      takenBeneficiaryIdNumber: takenB?.id_number ?? null,
    };
  }

  function describeReq(r: Req): string {
    return `[${r.family}: ${r.label}] as ${r.user ?? 'anonymous'} query=${trunc(r.query, 300)} variables=${trunc(JSON.stringify(r.variables), 300)}`;
  }

  function judge(r: Req, res: GraphQLResponse | Error): void {
    if (DUMP) {
      const answer = res instanceof Error ? res.message : { status: res.status, body: trunc(JSON.stringify(res.body), 600) };
      appendFileSync(DUMP, `${JSON.stringify({ family: r.family, label: r.label, user: r.user, variables: trunc(JSON.stringify(r.variables), 400), answer })}\n`);
    }
    total++;
    sent[r.family] = (sent[r.family] ?? 0) + 1;
    byMutation[r.mutation] = (byMutation[r.mutation] ?? 0) + 1;
    const counts = (codeCounts[r.family] ??= {});
    const request = describeReq(r);
    if (res instanceof Error) {
      counts.NO_ANSWER = (counts.NO_ANSWER ?? 0) + 1;
      failures.push({ family: r.family, check: 'no-answer', detail: res.message, request, response: '' });
      return;
    }
    const response = `${res.status}: ${trunc(JSON.stringify(res.body), 600)}`;
    const fail = (check: string, detail: string) => failures.push({ family: r.family, check, detail, request, response });
    const errors = res.body.errors ?? [];
    const codes = errors.map((e) => String(e.extensions?.code ?? 'NO_CODE'));
    for (const code of codes.length ? [...new Set(codes)] : ['SUCCEEDED']) counts[code] = (counts[code] ?? 0) + 1;
    if (!errors.length) {
      successes.push({ family: r.family, request, response });
      return;
    }
    if (!ALLOWED_STATUS.has(res.status)) fail('http-status', `HTTP ${res.status}`);
    if (codes.includes('INTERNAL_SERVER_ERROR')) fail('internal-error', 'extensions.code INTERNAL_SERVER_ERROR');
    const unknown = codes.filter((code) => code !== 'INTERNAL_SERVER_ERROR' && !ALLOWED_CODES.has(code));
    if (unknown.length) fail('error-code', `codes outside the allowed set: ${[...new Set(unknown)].join(', ')}`);
    for (const e of errors) {
      if (LEAK.test(e.message)) fail('leak', `message with SQL or a stack: ${trunc(e.message, 200)}`);
      if (e.extensions?.stacktrace) fail('leak', 'extensions.stacktrace present');
      if (e.extensions?.code === 'BAD_USER_INPUT' && e.extensions.fieldErrors !== undefined) {
        const fe = e.extensions.fieldErrors as unknown;
        const ok = Array.isArray(fe) && fe.length > 0
          && fe.every((x) => !!x && typeof x === 'object' && typeof x.field === 'string' && !!x.field && typeof x.message === 'string' && !!x.message);
        if (!ok) fail('field-errors', `extensions.fieldErrors is not a list of { field, message }: ${trunc(JSON.stringify(fe), 200)}`);
      }
    }
    if (r.expect && codes.some((code) => !r.expect!.includes(code))) fail('unexpected-code', `expected ${r.expect.join('/')}, got ${codes.join(', ')}`);
    if (res.body.data && Object.values(res.body.data).some((v) => v !== null)) fail('partial-data', `data beside the errors: ${trunc(JSON.stringify(res.body.data), 200)}`);
  }

  async function send(r: Req): Promise<GraphQLResponse | Error> {
    try {
      return await api.gqlAs(r.user, r.query, r.variables);
    } catch (error) {
      return error as Error;
    }
  }

  beforeAll(async () => {
    if (DUMP) writeFileSync(DUMP, '');
    api = await startTestApi({ reference: true, as: 'shihu-editor' });
    ctx = await setup();
    // log everyone in before the campaign (tokens are cached), then read the state that must stay
    for (const u of ['shihu-editor', 'jian-admin', 'taishang-admin', 'tonghua-viewer', 'tonghuaxian-admin']) await api.gqlAs(u, '{ __typename }');
    before = await snapshot();

    const started = Date.now();
    const requests: Req[] = [];
    for (const family of FAMILIES) {
      const rng = new Rng(SEED ^ hashString(family));
      const n = Math.ceil(REQUESTS_PER_FAMILY[family] * SCALE);
      for (let i = 0; i < n; i++) requests.push(GENERATORS[family](rng, ctx));
    }
    await forEachConcurrently(requests, CONCURRENCY, async (r) => judge(r, await send(r)));
    after = await snapshot();

    const lines = [`bad entry inputs: ${total} requests in ${Date.now() - started} ms (seed ${SEED}), ${successes.length} succeeded, ${failures.length} failed checks`];
    for (const family of FAMILIES) {
      const counts = Object.entries(codeCounts[family] ?? {}).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(' ');
      lines.push(`  ${family.padEnd(17)} sent=${String(sent[family] ?? 0).padStart(4)}  ${counts}`);
    }
    const totals: Record<string, number> = {};
    for (const c of Object.values(codeCounts)) for (const [k, v] of Object.entries(c)) totals[k] = (totals[k] ?? 0) + v;
    lines.push(`  by code: ${Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    console.log(lines.join('\n'));
  }, 300_000);

  afterAll(async () => {
    if (api) await api.close();
  }, 30_000);

  it('sends at least 1,200 bad requests, to every data-entry mutation', () => {
    expect(total).toBeGreaterThanOrEqual(Math.floor(1200 * SCALE));
    if (SCALE >= 1) expect(MUTATIONS.filter((m) => !byMutation[m])).toEqual([]);
  });

  it('no bad request succeeds', () => {
    const shown = successes.slice(0, 5).map((s) => `[${s.family}] ${s.request}\n      response: ${s.response}`);
    expect({ succeeded: successes.length, examples: shown }).toEqual({ succeeded: 0, examples: [] });
  });

  it.each(FAMILIES.map((f) => [f]))('%s: only coded errors of the allowed set (the expected one where known), no SQL or stack in a message', (family) => {
    const report = failureReport(family, failures.filter((x) => x.family === family), 3);
    expect({ family, sent: sent[family] ?? 0, failures: report }).toEqual({ family, sent: sent[family] ?? 0, failures: [] });
  });

  it('the record tables, the audit trail, the roll-ups and the campaign\'s own records are as they were', () => {
    expect(after).toEqual(before);
  });

  it('a valid write still goes through afterwards, and changes exactly what it wrote', async () => {
    const res = await api.gql(`mutation($input: CreateVolunteerInput!) { createVolunteer(input: $input) { volunteer { id name } } }`,
      { input: { orgCode: SHIHU, name: '周正', category: 'TEACHER', joinedOn: '2021-05-01' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createVolunteer.volunteer.name).toBe('周正');
    const now = await snapshot();
    expect(now.counts).toEqual({ ...before.counts, volunteer: before.counts.volunteer + 1 });
    expect(now.audit).toBe(before.audit + 1);
    expect(now.rollups).not.toBe(before.rollups);
    expect(now.versions).toBe(before.versions);
  });
});
