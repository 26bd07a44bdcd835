/* eslint-disable no-console */
import { createHmac } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { hashPassword } from '@ggw/authz';
import { stableId } from '@ggw/domain';
import { startTestApi, TEST_JWT_SECRET, TestApi } from '@ggw/testing';
import { hashString, Rng } from './fuzz-random';

/**
 * A deterministic (seeded) fuzz suite of hostile requests, end to end over HTTP against the
 * real server: every query field, every Org field with arguments, every mutation and the file
 * download route, with bad cursors, control characters, huge and negative numbers, wrong
 * variable types, aliases and deep nesting, forged tokens and other counties' org codes.
 *
 * The whole campaign runs once (beforeAll); every class then has its own test, whose failure
 * message lists what failed in that class, with the request (query + variables, truncated) and
 * the answer. After every batch the database is checked for connections left `idle in
 * transaction` and a canary of another county must answer within 2 s. A server that stops
 * answering (a pool exhausted by leaked connections) is recorded and replaced by a fresh one,
 * so the suite always finishes.
 */
/** The server's time budget in this suite (REQUEST_TIMEOUT_MS); no answer may take longer (plus a second of slack). */
const TIME_BUDGET_MS = 3_000;

const SEED = 20261125;
/** Set FUZZ_DUMP=/some/file.jsonl to get every request and its answer (truncated), one JSON per line. */
const DUMP = process.env.FUZZ_DUMP;
/** FUZZ_SCALE=0.1 runs a tenth of every class (a quick look while fixing); the suite proper runs at 1. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const BATCH_SIZE = 50;
const CONCURRENCY = 4;
const CANARY_TIMEOUT_MS = 2_000;
/** A class that hangs the server this many times has the rest of its requests skipped (and fails). */
const MAX_HANGS_PER_CLASS = 2;

const ALLOWED_CODES = new Set([
  'BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'CONFLICT', 'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', 'TIMEOUT', 'RESPONSE_TOO_LARGE', 'COST_LIMIT_EXCEEDED',
]);
const ALLOWED_STATUS = new Set([200, 400, 401, 413, 429, 503]);
/** The download route answers a missing file 404, an unfinished one 409 and an unchanged one 304 (its documented answers). */
const DOWNLOAD_EXTRA_STATUS = [304, 404, 409];

const CLASSES = [
  'bad-cursors',
  'control-chars',
  'numbers-and-types',
  'aliases-and-depth',
  'partial-failure',
  'forged-tokens',
  'cross-county',
  'bad-values',
  'huge-strings',
  'download-route',
  'raw-http',
] as const;
type ClassName = (typeof CLASSES)[number];
const REQUESTS_PER_CLASS: Record<ClassName, number> = {
  'bad-cursors': 350,
  'control-chars': 400,
  'numbers-and-types': 250,
  'aliases-and-depth': 120,
  'partial-failure': 100,
  'forged-tokens': 150,
  'cross-county': 300,
  'bad-values': 250,
  'huge-strings': 100,
  'download-route': 120,
  'raw-http': 80,
};

const USERS = ['jian-admin', 'taishang-admin', 'shihu-editor', 'tonghua-viewer', 'tonghuaxian-admin'] as const;
type User = (typeof USERS)[number];
const HOME: Record<User, string> = {
  'jian-admin': '220582',
  'taishang-admin': '220582101',
  'shihu-editor': '220582106201',
  'tonghua-viewer': '220500',
  'tonghuaxian-admin': '220521',
};
const CANARY_QUERY = '{ org(code: "220521") { name rollup(period: "2020") { orgCount } } }';

// ---------------------------------------------------------------------------------------------
// seeded randomness


// ---------------------------------------------------------------------------------------------
// tokens (HS256 by hand, so the test needs no JWT library of its own)

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url');
function jwt(payload: Record<string, unknown>, opts: { secret?: string; alg?: string; header?: Record<string, unknown> } = {}): string {
  const header = b64u(JSON.stringify(opts.header ?? { alg: opts.alg ?? 'HS256', typ: 'JWT' }));
  const body = b64u(JSON.stringify(payload));
  if ((opts.alg ?? 'HS256') === 'none') return `${header}.${body}.`;
  const sig = createHmac('sha256', opts.secret ?? TEST_JWT_SECRET).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${sig}`;
}
const nowS = () => Math.floor(Date.now() / 1000);
function claims(sub: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { sub, iss: 'ggw-platform', aud: 'ggw-api', iat: nowS() - 60, exp: nowS() + 3600, ...over };
}
const userId = (username: string) => stableId('user', username);

// ---------------------------------------------------------------------------------------------
// GraphQL rendering

class EnumValue {
  constructor(readonly name: string) {}
}
/** Text put into the query exactly as is (e.g. a string literal with a raw NUL inside). */
class RawLiteral {
  constructor(readonly text: string, readonly json: unknown) {}
}
const E = (name: string) => new EnumValue(name);

function lit(v: unknown): string {
  if (v instanceof EnumValue) return v.name;
  if (v instanceof RawLiteral) return v.text;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '0';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(lit).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${lit(x)}`).join(', ')}}`;
  return String(v);
}
function toJson(v: unknown): unknown {
  if (v instanceof EnumValue) return v.name;
  if (v instanceof RawLiteral) return v.json;
  if (Array.isArray(v)) return v.map(toJson);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toJson(x)]));
  return v;
}

/** What the server gave us to build requests from (cursors, ids); refreshed on every restart. */
interface Ctx {
  tokens: Record<string, string>;
  cursors: Record<string, string>;
  orgIds: Record<string, string>;
  exportIds: { jian: string[]; tonghuaxian: string[] };
  scheduleId: string;
  canaryName: string;
}

type Default = unknown | ((home: string, ctx: Ctx) => unknown);
interface ArgSpec {
  type: string;
  def?: Default;
}
interface Target {
  name: string;
  op: 'query' | 'mutation';
  args: Record<string, ArgSpec>;
  /** Cursor list of `after` (a key of Ctx.cursors). */
  list?: string;
  render(a: Record<string, string>): string;
}
interface Hostile {
  value: unknown;
  mode: 'literal' | 'variable';
  /** Declared type of the variable, when not the argument's own. */
  declType?: string;
}

const homeDefault: Default = (h: string) => h;
const PAGE = 'totalCount pageInfo { endCursor hasNextPage }';
const RECORD_LISTS: Record<string, string> = {
  volunteers: 'id name phone joinedOn',
  activities: 'id title heldOn',
  pairs: 'id beneficiaryName startedOn',
  donations: 'id amountYuan receivedOn',
  assessments: 'id criterionKey year',
  articles: 'id title submittedOn',
};
function call(field: string, a: Record<string, string>, keys: string[]): string {
  const parts = keys.filter((k) => a[k] !== undefined).map((k) => `${k}: ${a[k]}`);
  return parts.length ? `${field}(${parts.join(', ')})` : field;
}
const onOrg = (a: Record<string, string>, inner: string) => `org(code: ${a.code ?? 'null'}) { code ${inner} }`;
const VALID_SCHEDULE_INPUT = (h: string) => ({ cron: '0 2 1 * *', formats: [E('CSV')], orgCode: h, periodRule: E('PREVIOUS_YEAR'), timeZone: 'Asia/Shanghai' });

const TARGETS: Target[] = [
  {
    name: 'Query.org', op: 'query',
    args: { code: { type: 'String', def: homeDefault }, id: { type: 'ID' } },
    render: (a) => `${call('org', a, ['code', 'id'])} { code name path }`,
  },
  {
    name: 'Query.orgs', op: 'query', list: 'orgs',
    args: { search: { type: 'String' }, first: { type: 'Int', def: 20 }, after: { type: 'String' }, level: { type: 'OrgLevel' }, type: { type: 'OrgType' } },
    render: (a) => `${call('orgs', a, ['search', 'first', 'after', 'level', 'type'])} { nodes { code name } ${PAGE} }`,
  },
  {
    name: 'Query.exports', op: 'query', list: 'exports',
    args: { orgCode: { type: 'String!', def: homeDefault }, first: { type: 'Int', def: 20 }, after: { type: 'String' } },
    render: (a) => `${call('exports', a, ['orgCode', 'first', 'after'])} { nodes { id status period format downloadUrl } ${PAGE} }`,
  },
  {
    name: 'Query.exportSchedules', op: 'query',
    args: { orgCode: { type: 'String!', def: homeDefault } },
    render: (a) => `${call('exportSchedules', a, ['orgCode'])} { id cron nextRunAt }`,
  },
  ...Object.entries(RECORD_LISTS).map(([field, sel]): Target => ({
    name: `Org.${field}`, op: 'query', list: field,
    args: { code: { type: 'String', def: homeDefault }, first: { type: 'Int', def: 20 }, after: { type: 'String' }, period: { type: 'String' }, subtree: { type: 'Boolean!', def: true } },
    render: (a) => onOrg(a, `${call(field, a, ['first', 'after', 'period', 'subtree'])} { nodes { ${sel} } ${PAGE} }`),
  })),
  {
    name: 'Org.descendants', op: 'query', list: 'descendants',
    args: { code: { type: 'String', def: homeDefault }, first: { type: 'Int', def: 20 }, after: { type: 'String' }, level: { type: 'OrgLevel' }, type: { type: 'OrgType' } },
    render: (a) => onOrg(a, `${call('descendants', a, ['first', 'after', 'level', 'type'])} { nodes { code level } ${PAGE} }`),
  },
  {
    name: 'Org.descendantRollups', op: 'query', list: 'descendantRollups',
    args: {
      code: { type: 'String', def: homeDefault }, period: { type: 'String!', def: '2020' }, first: { type: 'Int', def: 20 },
      after: { type: 'String' }, level: { type: 'OrgLevel' }, type: { type: 'OrgType' },
    },
    render: (a) => onOrg(a, `${call('descendantRollups', a, ['period', 'first', 'after', 'level', 'type'])} { nodes { org { code } period orgCount volunteerCount figures { key value } } ${PAGE} }`),
  },
  {
    name: 'Org.childRollups', op: 'query',
    args: { code: { type: 'String', def: homeDefault }, period: { type: 'String!', def: '2020' }, sortBy: { type: 'String' }, descending: { type: 'Boolean!' } },
    render: (a) => onOrg(a, `${call('childRollups', a, ['period', 'sortBy', 'descending'])} { total { orgCount } rows { org { code } orgCount fiveGoodRate } }`),
  },
  {
    name: 'Org.children', op: 'query',
    args: { code: { type: 'String', def: homeDefault }, level: { type: 'OrgLevel' }, type: { type: 'OrgType' } },
    render: (a) => onOrg(a, `${call('children', a, ['level', 'type'])} { code name }`),
  },
  {
    name: 'Org.rollup', op: 'query',
    args: { code: { type: 'String', def: homeDefault }, period: { type: 'String!', def: '2020' } },
    render: (a) => onOrg(a, `${call('rollup', a, ['period'])} { period orgCount volunteerCount fiveGoodRate change { orgCount } previousYear { orgCount } }`),
  },
  {
    name: 'Org.summary', op: 'query',
    args: { code: { type: 'String', def: homeDefault }, period: { type: 'String!', def: '2020' } },
    render: (a) => onOrg(a, call('summary', a, ['period'])),
  },
  {
    name: 'Org.discrepancies', op: 'query',
    args: { code: { type: 'String', def: homeDefault }, period: { type: 'String!', def: '2020' } },
    render: (a) => onOrg(a, `${call('discrepancies', a, ['period'])} { metricKey label reportedValue computedValue }`),
  },
  {
    name: 'Org.planProgress', op: 'query',
    args: { code: { type: 'String', def: homeDefault }, year: { type: 'Int!', def: 2020 } },
    render: (a) => onOrg(a, `${call('planProgress', a, ['year'])} { metricKey target actual completion }`),
  },
  {
    name: 'Mutation.login', op: 'mutation',
    args: { username: { type: 'String!', def: 'jian-admin' }, password: { type: 'String!', def: 'demo' } },
    render: (a) => `${call('login', a, ['username', 'password'])} { token expiresAt }`,
  },
  {
    name: 'Mutation.requestExport', op: 'mutation',
    args: { orgCode: { type: 'String!', def: homeDefault }, period: { type: 'String!', def: '2020' }, format: { type: 'ExportFormat!', def: E('CSV') }, idempotencyKey: { type: 'String' } },
    render: (a) => `${call('requestExport', a, ['orgCode', 'period', 'format', 'idempotencyKey'])} { id status period format }`,
  },
  {
    name: 'Mutation.createExportSchedule', op: 'mutation',
    args: { input: { type: 'CreateExportScheduleInput!', def: (h: string) => VALID_SCHEDULE_INPUT(h) } },
    render: (a) => `${call('createExportSchedule', a, ['input'])} { id cron nextRunAt timeZone }`,
  },
  {
    name: 'Mutation.pauseExportSchedule', op: 'mutation',
    args: { id: { type: 'ID!', def: (_h: string, c: Ctx) => c.scheduleId }, paused: { type: 'Boolean!', def: true } },
    render: (a) => `${call('pauseExportSchedule', a, ['id', 'paused'])} { id paused }`,
  },
  {
    name: 'Mutation.deleteExportSchedule', op: 'mutation',
    args: { id: { type: 'ID!', def: '00000000-0000-4000-8000-000000000000' } },
    render: (a) => call('deleteExportSchedule', a, ['id']),
  },
];
const target = (name: string) => TARGETS.find((t) => t.name === name)!;
const PAGINATED = TARGETS.filter((t) => t.list);
const STRING_TYPES = new Set(['String', 'String!', 'ID', 'ID!']);
/** Every (target, string argument) pair; `input.cron` etc. stand for the fields of the schedule input. */
const STRING_ARGS: Array<[Target, string]> = [
  ...TARGETS.flatMap((t) => Object.entries(t.args).filter(([, s]) => STRING_TYPES.has(s.type)).map(([n]): [Target, string] => [t, n])),
  ...['cron', 'orgCode', 'timeZone'].map((f): [Target, string] => [target('Mutation.createExportSchedule'), `input.${f}`]),
];
const ORG_CODE_ARGS: Array<[Target, string]> = [
  ...TARGETS.flatMap((t) => Object.keys(t.args).filter((n) => n === 'code' || n === 'orgCode').map((n): [Target, string] => [t, n])),
  [target('Mutation.createExportSchedule'), 'input.orgCode'],
];

function resolveDefault(d: Default, h: string, ctx: Ctx): unknown {
  return typeof d === 'function' ? (d as (h: string, c: Ctx) => unknown)(h, ctx) : d;
}

/** The request for `t` with the given arguments hostile (the rest at valid defaults for the user's own org). */
function build(t: Target, over: Record<string, Hostile>, h: string, ctx: Ctx): { query: string; variables: Record<string, unknown> } {
  const text: Record<string, string> = {};
  const decls: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(t.args)) {
    let hostile = over[name];
    // a field of the schedule input: the rest of the input stays valid
    const sub = Object.entries(over).find(([k]) => k.startsWith(`${name}.`));
    if (!hostile && sub) {
      const input = { ...(resolveDefault(spec.def, h, ctx) as Record<string, unknown>), [sub[0].slice(name.length + 1)]: sub[1].value };
      hostile = { value: input, mode: sub[1].mode };
    }
    if (hostile) {
      if (hostile.mode === 'variable') {
        decls.push(`$${name}: ${hostile.declType ?? spec.type}`);
        const json = toJson(hostile.value);
        if (json !== undefined) variables[name] = json;
        text[name] = `$${name}`;
      } else {
        text[name] = lit(hostile.value);
      }
    } else if (spec.def !== undefined) {
      text[name] = lit(resolveDefault(spec.def, h, ctx));
    }
  }
  const head = decls.length ? `${t.op} Fuzz(${decls.join(', ')})` : t.op;
  return { query: `${head} { ${t.render(text)} }`, variables };
}

function baseValue(t: Target, arg: string, h: string, ctx: Ctx): string {
  switch (arg) {
    case 'code':
    case 'orgCode':
    case 'input.orgCode':
      return h;
    case 'id':
      return t.name === 'Query.org' ? ctx.orgIds[h] ?? ctx.orgIds['220582'] : ctx.scheduleId;
    case 'after':
      return ctx.cursors[t.list ?? 'orgs'] ?? 'WyIyMjAwMDAiXQ';
    case 'search':
      return '集安';
    case 'period':
      return '2020';
    case 'sortBy':
      return 'fiveGoodRate';
    case 'idempotencyKey':
      return 'fuzz-key-1';
    case 'username':
      return 'jian-admin';
    case 'password':
      return 'demo';
    case 'input.cron':
      return '0 2 1 * *';
    case 'input.timeZone':
      return 'Asia/Shanghai';
    default:
      return 'x';
  }
}

// ---------------------------------------------------------------------------------------------
// requests and their outcomes

interface FuzzRequest {
  cls: ClassName;
  label: string;
  /** Sent with this user's token (unless `authorization` is given); null: anonymous. */
  user: User | null;
  authorization?: string;
  query?: string;
  variables?: Record<string, unknown>;
  /** raw HTTP instead of a GraphQL body */
  method?: 'GET' | 'POST';
  path?: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  extraStatus?: number[];
  /** When set, the answer must be an error with only these codes (never data). */
  expectCodes?: string[];
}
interface Outcome {
  status: number | 'timeout' | 'network-error' | 'client-rejected';
  ms: number;
  codes: string[];
  text: string;
}
interface Failure {
  cls: ClassName;
  check: string;
  detail: string;
  request?: string;
  response?: string;
}

const trunc = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);
const show = (s: string, n: number) => trunc(JSON.stringify(s).slice(1, -1), n);
function describeRequest(r: FuzzRequest): string {
  const parts = [`[${r.label}] as ${r.user ?? 'anonymous'}`];
  if (r.authorization !== undefined) parts.push(`authorization=${show(r.authorization, 120)}`);
  if (r.method || r.path) parts.push(`${r.method ?? 'POST'} ${show(r.path ?? '/graphql', 200)}`);
  if (r.headers) parts.push(`headers=${show(JSON.stringify(r.headers), 200)}`);
  if (r.query !== undefined) parts.push(`query=${show(r.query, 400)}`);
  if (r.variables && Object.keys(r.variables).length) parts.push(`variables=${show(JSON.stringify(r.variables), 300)}`);
  if (r.body !== undefined) parts.push(`body=${show(typeof r.body === 'string' ? r.body : `<${r.body.length} bytes: ${Buffer.from(r.body).toString('hex').slice(0, 60)}>`, 300)}`);
  return parts.join(' ');
}

function extractCodes(text: string): string[] {
  if (!text) return [];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return ['NON_JSON'];
  }
  const codes: string[] = [];
  if (body && typeof body === 'object') {
    const b = body as { errors?: unknown; code?: unknown };
    if (Array.isArray(b.errors)) {
      for (const e of b.errors) codes.push(String((e as { extensions?: { code?: unknown } })?.extensions?.code ?? 'NO_CODE'));
    }
    if (typeof b.code === 'string') codes.push(b.code);
  }
  return codes;
}

// ---------------------------------------------------------------------------------------------
// the generators, one per class

const CONTROL = ['\u0000', '\u0001', '\u001f', '\u007f', '\u0000\u0000\u0000', '\t', '\n', '\r\n', '\u2028', '\ufeff', '\u200b', '\ud800'];
function withControl(rng: Rng, base: string): string {
  const c = rng.pick(CONTROL);
  switch (rng.int(0, 4)) {
    case 0: return c + base;
    case 1: return base + c;
    case 2: {
      const i = rng.int(0, base.length);
      return base.slice(0, i) + c + base.slice(i);
    }
    case 3: return c;
    default: return base.split('').join(c);
  }
}

const NOT_LTREE = ['220000..220500', '220000.220500;DROP TABLE org', '*', '@', 'a b', '', '.', '220000.220500.220582.', '%', '{}', '220000.\u0000'];
const NOT_DATE = ['2020-02-30', '2020-13-01', '0000-00-00', 'yesterday', '', '99999-01-01', '2020-01-01T25:61:00Z', '1e10'];
const NOT_UUID = ['zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', '1', '', '00000000-0000-0000-0000-00000000000', "' OR 1=1 --", '{00000000-0000-0000-0000-000000000000}'];
const NOT_INT = [1e20, -1, 0.5, Number.MAX_SAFE_INTEGER, -2147483649, 2147483648, 1e308, -0];
function cursorElement(rng: Rng): unknown {
  switch (rng.int(0, 7)) {
    case 0: return rng.pick(NOT_LTREE);
    case 1: return rng.pick(NOT_DATE);
    case 2: return rng.pick(NOT_UUID);
    case 3: return rng.pick(NOT_INT);
    case 4: return rng.pick(['NaN', 'Infinity', '-1', '1e999', '0x10', '']);
    case 5: return withControl(rng, '220582');
    case 6: return rng.pick([null, true, {}, [], [1]]);
    default: return rng.uuid();
  }
}
function badCursor(rng: Rng, ctx: Ctx, list: string): string {
  const enc = (v: unknown) => b64u(JSON.stringify(v));
  switch (rng.int(0, 9)) {
    case 0: return b64u(rng.bytes(rng.int(0, 64)));
    case 1: {
      const arity = rng.pick([0, 1, 4, 5, 10]);
      return enc(Array.from({ length: arity }, () => cursorElement(rng)));
    }
    case 2:
    case 3: {
      const arity = rng.int(1, 3);
      return enc(Array.from({ length: arity }, () => cursorElement(rng)));
    }
    case 4: return rng.bool() ? 'A'.repeat(rng.pick([10_000, 100_000])) : enc(['x'.repeat(rng.pick([10_000, 50_000])), 1]);
    case 5: {
      const others = Object.entries(ctx.cursors).filter(([k]) => k !== list);
      return others.length ? rng.pick(others)[1] : enc(['220000', 1]);
    }
    case 6: {
      const real = ctx.cursors[list] ?? enc(['220000.220500', 'x']);
      const i = rng.int(0, real.length - 1);
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      let c = rng.pick(alphabet.split(''));
      if (c === real[i]) c = c === 'A' ? 'B' : 'A';
      return real.slice(0, i) + c + real.slice(i + 1);
    }
    case 7: return b64u(rng.pick(['hello', '{"a":1}', '[1,2', 'NaN', 'null', '"x"', '{"__proto__":{"x":1}}', '[[[[[[[[]]]]]]]]']));
    case 8: return rng.pick(['', '=', '....', '%%%', '\u0000', '🙂', '==AA', '+/+/', 'W10', 'WyJ']);
    default: {
      // the right shape from a real cursor, each value swapped for something that is not a path/date/uuid/int
      const real = ctx.cursors[list];
      let arr: unknown[] = [];
      try {
        arr = JSON.parse(Buffer.from(real ?? '', 'base64url').toString('utf8')) as unknown[];
      } catch {
        arr = ['x', 1];
      }
      if (!Array.isArray(arr)) arr = ['x', 1];
      return enc(arr.map((v) => (rng.bool(0.7) ? cursorElement(rng) : v)));
    }
  }
}

const mode = (rng: Rng): 'literal' | 'variable' => (rng.bool() ? 'literal' : 'variable');
type Generator = (rng: Rng, ctx: Ctx) => FuzzRequest;

function gqlRequest(cls: ClassName, label: string, user: User | null, built: { query: string; variables: Record<string, unknown> }): FuzzRequest {
  return { cls, label, user, query: built.query, variables: built.variables };
}

const genBadCursors: Generator = (rng, ctx) => {
  const t = rng.pick(PAGINATED);
  const user = rng.pick(USERS);
  const cursor = badCursor(rng, ctx, t.list!);
  const m = mode(rng);
  const over: Record<string, Hostile> = { after: { value: cursor, mode: m } };
  if (rng.bool(0.3)) over.first = { value: rng.pick([1, 200, 5]), mode: m };
  return gqlRequest('bad-cursors', `${t.name}.after ${m}`, user, build(t, over, HOME[user], ctx));
};

const genControlChars: Generator = (rng, ctx) => {
  const [t, arg] = rng.pick(STRING_ARGS);
  const user = rng.pick(USERS);
  const value = withControl(rng, baseValue(t, arg, HOME[user], ctx));
  // a third of the literals carry the control character raw (unescaped) inside the query text
  const raw = rng.bool(0.3);
  const m = raw ? 'literal' : mode(rng);
  const hostile: Hostile = raw
    ? { value: new RawLiteral(`"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`, value), mode: 'literal' }
    : { value, mode: m };
  return gqlRequest('control-chars', `${t.name}.${arg} ${raw ? 'raw-literal' : m}`, user, build(t, { [arg]: hostile }, HOME[user], ctx));
};

const NUMBERS: unknown[] = [-1, 0, 201, 2 ** 31 - 1, 1e9, -(2 ** 31), 2 ** 31, 2 ** 53, 1.5, -0, 1e308, 9999, 200, 1];
const WRONG_BY_TYPE: Record<string, unknown[]> = {
  String: [220582, 2020, true, ['220582'], { code: '220582' }, 1e9, -1],
  Int: ['20', true, 1.5, [20], { n: 20 }, 2 ** 31, -(2 ** 31) - 1, '1e9', ''],
  Boolean: ['true', 1, 0, [], 'yes'],
  Enum: ['NOPE', 'csv', 0, true, ['CSV'], '', 'VILLAGE\u0000'],
  Input: ['x', [], {}, 5],
};
function typeKind(type: string): string {
  const base = type.replace(/!$/, '');
  if (base === 'String' || base === 'ID') return 'String';
  if (base === 'Int' || base === 'Boolean') return base;
  if (base === 'CreateExportScheduleInput') return 'Input';
  return 'Enum';
}
const genNumbersAndTypes: Generator = (rng, ctx) => {
  const user = rng.pick(USERS);
  const kind = rng.int(0, 9);
  if (kind < 5) {
    // numbers in every Int argument
    const choices: Array<[Target, string]> = [...PAGINATED.map((t): [Target, string] => [t, 'first']), [target('Org.planProgress'), 'year']];
    const [t, arg] = rng.pick(choices);
    const value = rng.pick(NUMBERS);
    const m = mode(rng);
    return gqlRequest('numbers-and-types', `${t.name}.${arg}=${String(value)} ${m}`, user, build(t, { [arg]: { value, mode: m } }, HOME[user], ctx));
  }
  // wrong types in variables, for every argument
  const t = rng.pick(TARGETS);
  const [arg, spec] = rng.pick(Object.entries(t.args));
  const k = typeKind(spec.type);
  if (kind === 9) {
    // the variable declared with a type that does not fit the argument, or required and missing
    const declType = rng.pick(['String', 'Int', 'Boolean', 'Float', 'ID!', '[String]', 'OrgLevel', 'Int!']);
    const value = rng.bool(0.3) ? undefined : rng.pick(WRONG_BY_TYPE[rng.pick(Object.keys(WRONG_BY_TYPE))]);
    return gqlRequest('numbers-and-types', `${t.name}.${arg} declared ${declType}`, user, build(t, { [arg]: { value, mode: 'variable', declType } }, HOME[user], ctx));
  }
  let value: unknown = rng.pick(WRONG_BY_TYPE[k]);
  if (k === 'Input' && rng.bool(0.6)) {
    const valid = toJson(VALID_SCHEDULE_INPUT(HOME[user])) as Record<string, unknown>;
    value = rng.pick<Record<string, unknown>>([
      { ...valid, extra: 1 }, { ...valid, formats: 'CSV' }, { ...valid, orgCode: 220582 }, { ...valid, formats: [] },
      { ...valid, formats: ['CSV', 'CSV', 'XLSX', 'DOCX'] }, { ...valid, periodRule: 'ALWAYS' }, { ...valid, timeZone: null }, { cron: valid.cron },
    ]);
  }
  return gqlRequest('numbers-and-types', `${t.name}.${arg} wrong-type variable`, user, build(t, { [arg]: { value, mode: 'variable' } }, HOME[user], ctx));
};

const HEAVY_USERS: User[] = ['jian-admin', 'tonghua-viewer'];
function aliased(n: number, field: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => `a${i}: ${field(i)}`).join('\n');
}
const genAliases: Generator = (rng) => {
  const user = rng.pick(HEAVY_USERS);
  const code = HOME[user];
  const n = rng.pick([2, 5, 10, 19, 20, 20, 20, 21, 25]);
  const size = rng.pick([200, 200, 200, 50, 1e9]);
  const asVar = rng.bool(0.75);
  const first = asVar ? '$n' : String(size);
  const head = asVar ? 'query Fuzz($n: Int)' : 'query';
  const variables = asVar ? { n: size } : {};
  const r = (label: string, query: string, vars: Record<string, unknown> = variables): FuzzRequest => ({ cls: 'aliases-and-depth', label, user, query, variables: vars });
  // the expensive shapes (seconds each) are a sixth of the class, to keep the run short
  const kind = rng.bool(1 / 6) ? rng.int(0, 4) : rng.int(5, 11);
  switch (kind) {
    case 0:
    case 1:
    case 2:
      return r(`${n}x descendantRollups first=${asVar ? '$n' : ''}${size}`, `${head} { org(code: "${code}") { ${aliased(n, () => `descendantRollups(period: "2020", first: ${first}) { nodes { figures { key value } } }`)} } }`);
    case 3:
      return r(`${n}x childRollups`, `{ org(code: "${code}") { ${aliased(n, () => 'childRollups(period: "2020") { total { figures { key value previousValue change } } rows { figures { key value } } }')} } }`, {});
    case 4:
      return r(`${n}x org.rollup/summary`, `{ ${aliased(n, (i) => `org(code: "${code}") { summary(period: "${2019 + (i % 2)}") rollup(period: "2020Q${(i % 4) + 1}") { figures { key value } previousYear { figures { key value } } } }`)} }`, {});
    case 5:
      return r(`nested descendants x volunteers first=${size}`, `${head} { org(code: "${code}") { descendants(first: ${first}) { nodes { code volunteers(first: ${first}, subtree: true) { totalCount nodes { name } } } } } }`);
    case 6: {
      const depth = rng.int(4, 20);
      let sel = 'code name';
      for (let i = 0; i < depth; i++) sel = `code parent { ${sel} }`;
      const start = rng.pick(['220582106201', '220582101', '220521101201']);
      return r(`parent chain depth ${depth}`, `{ org(code: "${start}") { ${sel} } }`, {});
    }
    case 7: {
      const depth = rng.int(3, 15);
      let sel = 'code';
      for (let i = 0; i < depth; i++) sel = `code children { ${sel} }`;
      return r(`children chain depth ${depth}`, `{ org(code: "${code}") { ${sel} } }`, {});
    }
    case 8: {
      const depth = rng.int(3, 14);
      let sel = 'code';
      for (let i = 0; i < depth; i++) sel = `code rollup(period: "2020") { orgCount org { ${sel} } }`;
      return r(`rollup/org chain depth ${depth}`, `{ org(code: "${code}") { ${sel} } }`, {});
    }
    case 9:
      return r(`${n * 10} aliases of name`, `{ org(code: "${code}") { ${aliased(n * 10, () => 'name')} } }`, {});
    case 10:
      return r(
        rng.bool() ? 'fragment cycle' : `${n * 3} directives`,
        rng.bool()
          ? `{ org(code: "${code}") { ...A } } fragment A on Org { name ...B } fragment B on Org { code ...A }`
          : `{ org(code: "${code}") { name ${Array.from({ length: n * 3 }, () => '@include(if: true)').join(' ')} } }`,
        {},
      );
    default: {
      const depth = rng.int(5, 20);
      let sel = 'name';
      for (let i = 0; i < depth; i++) sel = `name fields { type { ${i % 2 ? 'ofType' : 'fields'} { ${sel} } } }`;
      return r(`introspection depth ${depth}`, `{ __schema { types { ${sel} } } }`, {});
    }
  }
};

const PARTIAL_EXACT = '{ a: org(code:"220582106201") { volunteers(first: 0) { totalCount } } b: org(code:"220582106201") { rollup(period:"2020") { orgCount } } }';
const genPartialFailure: Generator = (rng) => {
  if (rng.bool(0.5)) return { cls: 'partial-failure', label: 'the known leaking request', user: 'shihu-editor', query: PARTIAL_EXACT, variables: {} };
  const user = rng.pick(USERS);
  const code = HOME[user];
  const list = rng.pick([...Object.keys(RECORD_LISTS), 'descendants']);
  const bad = rng.pick<unknown>([0, -1, 201, 2 ** 31 - 1]);
  const asVar = rng.bool();
  const failing = rng.bool(0.8)
    ? `a: org(code: "${code}") { ${list}(first: ${asVar ? '$n' : String(bad)}) { totalCount } }`
    : `a: org(code: "${code}") { rollup(period: ${asVar ? '$p' : '"2020Q9"'}) { orgCount } }`;
  const ok = rng.pick([
    `b: org(code: "${code}") { rollup(period: "2020") { orgCount } }`,
    `b: org(code: "${code}") { summary(period: "2020") }`,
    `b: org(code: "${code}") { childRollups(period: "2020") { total { orgCount } } }`,
    `b: org(code: "${code}") { name volunteers(first: 1) { totalCount } }`,
    `b: org(code: "${code}") { discrepancies(period: "2020") { metricKey } }`,
  ]);
  const parts = rng.bool() ? [failing, ok] : [ok, failing];
  const head = asVar ? (failing.includes('$n') ? 'query Fuzz($n: Int)' : 'query Fuzz($p: String!)') : '';
  const variables = asVar ? (failing.includes('$n') ? { n: bad } : { p: '2020Q9' }) : {};
  return { cls: 'partial-failure', label: `partial failure ${list} first=${String(bad)} ${asVar ? 'variable' : 'literal'}`, user, query: `${head} { ${parts.join('\n')} }`, variables };
};

const genForgedTokens: Generator = (rng, ctx) => {
  const jianId = userId('jian-admin');
  const t = rng.pick(TARGETS.filter((x) => x.name !== 'Mutation.login' && x.name !== 'Mutation.deleteExportSchedule'));
  const built = build(t, {}, '220582', ctx);
  const real = ctx.tokens['jian-admin'];
  const forged: Array<[string, () => string]> = [
    ['garbage', () => `Bearer ${rng.str(rng.int(1, 200), 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.')}`],
    ['three garbage segments', () => `Bearer ${b64u(rng.bytes(20))}.${b64u(rng.bytes(40))}.${b64u(rng.bytes(32))}`],
    ['alg none', () => `Bearer ${jwt(claims(jianId), { alg: 'none' })}`],
    ['alg none, no dot', () => `Bearer ${jwt(claims(jianId), { alg: 'none' }).slice(0, -1)}`],
    ['alg HS512 header', () => `Bearer ${jwt(claims(jianId), { header: { alg: 'HS512', typ: 'JWT' } })}`],
    ['wrong signature', () => `Bearer ${jwt(claims(jianId), { secret: 'another-secret-another-secret-0123456789' })}`],
    ['real token, one char changed', () => {
      const i = rng.int(0, real.length - 1);
      const c = real[i] === 'A' ? 'B' : 'A';
      return `Bearer ${real.slice(0, i)}${real[i] === '.' ? '.' : c}${real.slice(i + 1)}`;
    }],
    ['expired', () => `Bearer ${jwt(claims(jianId, { iat: nowS() - 7200, exp: nowS() - 3600 }))}`],
    ['not yet valid', () => `Bearer ${jwt(claims(jianId, { nbf: nowS() + 3600 }))}`],
    ['wrong issuer', () => `Bearer ${jwt(claims(jianId, { iss: 'someone-else' }))}`],
    ['download audience', () => `Bearer ${jwt(claims(jianId, { aud: 'ggw-download', exp_id: ctx.exportIds.jian[0] }))}`],
    ['no exp', () => `Bearer ${jwt({ sub: jianId, iss: 'ggw-platform', aud: 'ggw-api', iat: nowS() })}`],
    ['sub not a uuid', () => `Bearer ${jwt(claims(rng.pick(['jian-admin', '', '1', "' OR 1=1 --", 'x\u0000'])))}`],
    ['sub of a user that does not exist', () => `Bearer ${jwt(claims(rng.pick([userId('fuzz-nobody'), rng.uuid(), '00000000-0000-0000-0000-000000000000'])))}`],
    ['signed token of a disabled user', () => `Bearer ${jwt(claims(userId('fuzz-disabled')))}`],
    ['signed token of a deleted user', () => `Bearer ${jwt(claims(userId('fuzz-deleted')))}`],
    ['login token of a user disabled after login', () => `Bearer ${ctx.tokens['fuzz-disabled']}`],
    ['login token of a user deleted after login', () => `Bearer ${ctx.tokens['fuzz-deleted']}`],
    ['huge token', () => `Bearer ${'a'.repeat(rng.pick([4_000, 12_000]))}`],
    ['malformed header', () => rng.pick(['Bearer', 'Bearer ', 'Basic amlhbi1hZG1pbjpkZW1v', `bearer ${real}`, `Bearer ${real} extra`, `Bearer  ${real}`, `Token ${real}`, `Bearer ${real},${real}`, `Bearer "${real}"`])],
  ];
  const [label, make] = rng.pick(forged);
  // a token that proves nobody (or nobody who may still sign in) is UNAUTHENTICATED, whatever the request
  return { cls: 'forged-tokens', label: `${label} on ${t.name}`, user: null, authorization: make(), query: built.query, variables: built.variables, expectCodes: ['UNAUTHENTICATED'] };
};

const CROSS_CODES = [
  '220582', '220521', '220582101', '220582106201', '220521101', '220521101201', '220500', '220000', '999999', '000000', '2205821',
  '', '220582106201999', 'ＡＢＣ', '220582.220521', '*', '%', '220582%', '22052_', "' OR 1=1 --", '２２０５２１', ' 220521', '220521 ',
];
const genCrossCounty: Generator = (rng, ctx) => {
  const user = USERS[rng.int(0, USERS.length - 1)];
  if (rng.bool(0.15)) {
    // by id: another county's org, a random uuid, or both id and code
    const t = target('Query.org');
    const otherId = rng.pick(Object.values(ctx.orgIds).concat([rng.uuid()]));
    const over: Record<string, Hostile> = { id: { value: otherId, mode: mode(rng) } };
    if (rng.bool(0.3)) over.code = { value: rng.pick(CROSS_CODES), mode: mode(rng) };
    const built = build(t, over, HOME[user], ctx);
    return gqlRequest('cross-county', `Query.org(id${over.code ? ', code' : ''})`, user, built);
  }
  if (rng.bool(0.1)) {
    const t = target('Query.orgs');
    const m = mode(rng);
    return gqlRequest('cross-county', `Query.orgs.search ${m}`, user, build(t, { search: { value: rng.pick(CROSS_CODES), mode: m }, first: { value: 200, mode: m } }, HOME[user], ctx));
  }
  const [t, arg] = rng.pick(ORG_CODE_ARGS);
  const m = mode(rng);
  return gqlRequest('cross-county', `${t.name}.${arg} ${m}`, user, build(t, { [arg]: { value: rng.pick(CROSS_CODES), mode: m } }, HOME[user], ctx));
};

const BAD_PERIODS = [
  '2020Q0', '2020Q5', '2020-00', '2020-13', '0000', '99999', '-2020', '2020-1', '2020q3', '2020 ', ' 2020', '２０２０', '2020-06-01', '1e3', '',
  '2020Q1Q2', '9999', '0001', '2020-6', '2020—06', '2020/06', "2020'; --", '2020\u0000', 'NaN', '１９９９Q1', '2147483648', '0',
];
const BAD_SORT = ['fiveGoodRate; DROP TABLE org', 'orgCount desc', 'noSuchMetric', '__proto__', 'constructor', 'toString', '', 'org', 'period', 'figures', 'change', 'previousYear', 'ORGCOUNT', 'orgCount,volunteerCount', '*'];
const BAD_CRON = ['* * * * * *', '99 99 99 99 99', '', '* * * *', '@reboot', '0 2 31 2 *', '*/0 * * * *', '-1 2 1 * *', '0 2 1 * * *', 'a b c d e', '0 2 L * *', '0 2 1 1 7-1', '* * * * *'];
const BAD_TZ = ['Mars/Olympus', '', 'UTC+99', '../../etc/passwd', 'Asia/Shanghai ', 'asia/shanghai', 'Etc/GMT+14', 'Etc/GMT-15', 'local', 'Z'];
const genBadValues: Generator = (rng, ctx) => {
  const user = rng.pick(USERS);
  const h = HOME[user];
  const m = mode(rng);
  const r = (t: Target, arg: string, value: unknown, label = `${t.name}.${arg} ${m}`) => gqlRequest('bad-values', label, user, build(t, { [arg]: { value, mode: m } }, h, ctx));
  switch (rng.int(0, 9)) {
    case 0:
    case 1: {
      const t = rng.pick(TARGETS.filter((x) => 'period' in x.args));
      return r(t, 'period', rng.pick(BAD_PERIODS));
    }
    case 2:
      return r(target('Org.childRollups'), 'sortBy', rng.pick(BAD_SORT));
    case 3: {
      const t = rng.pick(TARGETS.filter((x) => 'level' in x.args || 'type' in x.args));
      const arg = 'level' in t.args && rng.bool() ? 'level' : 'type' in t.args ? 'type' : 'level';
      // an unknown enum value: as a literal identifier, or a string where an enum goes
      return r(t, arg, rng.bool() ? E(rng.pick(['NOPE', 'village', 'VILLAGE_', '__proto__'])) : rng.pick(['VILLAGE', 'COUNTY', 'x']));
    }
    case 4:
      return r(target('Mutation.requestExport'), 'idempotencyKey', rng.pick(['', 'k'.repeat(100), 'k'.repeat(101), 'k'.repeat(10_000), ' ', '键'.repeat(100), '键'.repeat(101)]));
    case 5:
      return r(target('Mutation.requestExport'), rng.pick(['format', 'period']), rng.bool() ? E(rng.pick(['PDF', 'csv', 'CSVX'])) : rng.pick(BAD_PERIODS));
    case 6: {
      const field = rng.pick(['cron', 'timeZone', 'formats', 'periodRule']);
      const value = field === 'cron' ? rng.pick(BAD_CRON) : field === 'timeZone' ? rng.pick(BAD_TZ)
        : field === 'formats' ? rng.pick<unknown>([[], [E('CSV'), E('CSV')], [E('CSV'), E('XLSX'), E('DOCX'), E('CSV')], [E('PDF')]])
          : E(rng.pick(['ALWAYS', 'NEXT_YEAR']));
      return gqlRequest('bad-values', `Mutation.createExportSchedule.input.${field} ${m}`, user, build(target('Mutation.createExportSchedule'), { [`input.${field}`]: { value, mode: m } }, h, ctx));
    }
    case 7: {
      const t = rng.pick([target('Mutation.pauseExportSchedule'), target('Mutation.deleteExportSchedule'), target('Query.org')]);
      const ids = [rng.uuid(), 'not-a-uuid', '', '0', '00000000-0000-0000-0000-000000000000', ctx.exportIds.jian[0], ctx.orgIds['220521'], ctx.scheduleId.toUpperCase(), `${ctx.scheduleId}x`, '-1', "' OR 1=1 --"];
      return r(t, 'id', rng.pick(ids));
    }
    case 8:
      return r(target('Org.planProgress'), 'year', rng.pick([1900, 0, -1, 9999, 10_000, 2 ** 31 - 1, 1970, 2100]));
    default: {
      const t = rng.pick(TARGETS.filter((x) => 'subtree' in x.args || 'descending' in x.args || 'paused' in x.args));
      const arg = ['subtree', 'descending', 'paused'].find((a) => a in t.args)!;
      return r(t, arg, rng.pick<unknown>([null, 'true', 1]));
    }
  }
};

const genHugeStrings: Generator = (rng, ctx) => {
  const [t, arg] = rng.pick(STRING_ARGS);
  const user = rng.pick(USERS);
  const n = rng.pick([1_000, 10_000, 100_000, 240_000, 300_000]);
  const unit = rng.pick(['A', '9', '.', '集', '220582.', '\u0000', 'é']);
  const value = baseValue(t, arg, HOME[user], ctx) + unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  const m = mode(rng);
  return gqlRequest('huge-strings', `${t.name}.${arg} ${n}x${JSON.stringify(unit)} ${m}`, user, build(t, { [arg]: { value, mode: m } }, HOME[user], ctx));
};

const genDownload: Generator = (rng, ctx) => {
  const jian = ctx.exportIds.jian[0];
  const other = ctx.exportIds.tonghuaxian[0];
  const id = rng.pick([jian, jian, other, rng.uuid(), jian.toUpperCase(), 'not-a-uuid', '..%2F..%2Fetc%2Fpasswd', '%00', `${jian}%00`, 'a'.repeat(5000), '', `${jian}\u0000`, '🙂']);
  const pathId = /%/.test(id) ? id : encodeURIComponent(id);
  const user = rng.pick<User | null>([...USERS, null]);
  const dl = (over: Record<string, unknown>) => jwt(claims(userId('jian-admin'), { aud: 'ggw-download', exp_id: jian, ...over }));
  const tokenChoice = rng.int(0, 9);
  let query = '';
  let authorization: string | undefined;
  let label = '';
  switch (tokenChoice) {
    case 0: label = 'download token for this export'; query = `?token=${dl({})}`; break;
    case 1: label = 'download token for another export'; query = `?token=${dl({ exp_id: rng.uuid() })}`; break;
    case 2: label = 'expired download token'; query = `?token=${dl({ exp: nowS() - 10 })}`; break;
    case 3: label = 'API token as download token'; query = `?token=${ctx.tokens['jian-admin']}`; break;
    case 4: label = 'download token as bearer'; authorization = `Bearer ${dl({})}`; break;
    case 5: label = 'garbage ?token'; query = `?token=${encodeURIComponent(rng.pick(['', '\u0000', 'x'.repeat(3000), 'a.b.c', '%%']))}`; break;
    case 6: label = 'download token of a deleted user'; query = `?token=${dl({ sub: userId('fuzz-deleted') })}`; break;
    case 7: label = 'token array'; query = `?token=a&token=b`; break;
    default: label = 'user bearer'; break;
  }
  const headers: Record<string, string> = {};
  if (rng.bool(0.2)) headers['if-none-match'] = rng.pick(['"x"', '*', 'W/"abc"', '"'.repeat(100)]);
  return {
    cls: 'download-route', label: `GET /exports/:id/file ${label}`, user, authorization, method: 'GET',
    path: `/exports/${pathId}/file${query}`, headers, extraStatus: DOWNLOAD_EXTRA_STATUS,
  };
};

const genRawHttp: Generator = (rng) => {
  const ok = '{ org(code: "220582") { name } }';
  const json = 'application/json';
  const variants: Array<() => Omit<FuzzRequest, 'cls' | 'user'>> = [
    () => ({ label: 'invalid JSON', body: '{"query": ', headers: { 'content-type': json } }),
    () => ({ label: 'empty body', body: '', headers: { 'content-type': json } }),
    () => ({ label: 'batched array', body: JSON.stringify([{ query: ok }, { query: ok }]), headers: { 'content-type': json } }),
    () => ({ label: 'query not a string', body: JSON.stringify({ query: rng.pick<unknown>([5, null, [], {}, true]) }), headers: { 'content-type': json } }),
    () => ({ label: 'variables not an object', body: JSON.stringify({ query: ok, variables: rng.pick<unknown>(['x', 5, [1], true]) }), headers: { 'content-type': json } }),
    () => ({ label: 'operationName hostile', body: JSON.stringify({ query: `query A ${ok} query B ${ok}`, operationName: rng.pick<unknown>(['\u0000', 'C', 5, '', 'A'.repeat(10000)]) }), headers: { 'content-type': json } }),
    () => ({ label: 'text/plain (CSRF)', body: JSON.stringify({ query: ok }), headers: { 'content-type': 'text/plain' } }),
    () => ({ label: 'GET without preflight header', method: 'GET', path: `/graphql?query=${encodeURIComponent(ok)}` }),
    () => ({ label: 'GET with preflight header', method: 'GET', path: `/graphql?query=${encodeURIComponent(ok)}&variables=${encodeURIComponent(rng.pick(['{', '{"a":"\u0000"}', 'null', '[]']))}`, headers: { 'apollo-require-preflight': 'true' } }),
    () => ({ label: 'body over the limit', body: JSON.stringify({ query: ok, variables: { pad: 'x'.repeat(300 * 1024) } }), headers: { 'content-type': json } }),
    () => ({ label: 'deeply nested JSON variables', body: `{"query":${JSON.stringify(ok)},"variables":{"a":${'['.repeat(rng.pick([1000, 5000, 50_000]))}${']'.repeat(0)}}}`, headers: { 'content-type': json } }),
    () => ({ label: 'balanced deeply nested JSON variables', body: (() => { const d = rng.pick([1000, 5000, 50_000]); return `{"query":${JSON.stringify(ok)},"variables":{"a":${'['.repeat(d)}${']'.repeat(d)}}}`; })(), headers: { 'content-type': json } }),
    () => ({ label: '__proto__ in variables', body: `{"query":"query($c: String) { org(code: $c) { name } }","variables":{"__proto__":{"c":"220521"},"constructor":{"prototype":{"c":"220521"}}}}`, headers: { 'content-type': json } }),
    () => ({ label: 'query with a raw NUL in the JSON', body: `{"query":"{ org(code: \\"220582\u0000\\") { name } }"}`, headers: { 'content-type': json } }),
    () => ({ label: 'invalid UTF-8 body', body: new Uint8Array([0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x80, 0x22, 0x7d]), headers: { 'content-type': json } }),
    () => ({ label: 'hostile x-request-id', body: JSON.stringify({ query: ok }), headers: { 'content-type': json, 'x-request-id': rng.pick(['a'.repeat(5000), '../../x', 'é', 'abcdefgh']) } }),
    () => ({ label: 'unknown route', method: 'POST', path: rng.pick(['/graphql/', '/graphql%00', '/GRAPHQL', '/graphql?x=%00']), body: JSON.stringify({ query: ok }), headers: { 'content-type': json } }),
  ];
  const v = rng.pick(variants)();
  return { cls: 'raw-http', user: rng.pick<User | null>(['jian-admin', null]), ...v, method: v.method ?? 'POST', path: v.path ?? '/graphql', extraStatus: v.label === 'unknown route' ? [404] : undefined };
};

const GENERATORS: Record<ClassName, Generator> = {
  'bad-cursors': genBadCursors,
  'control-chars': genControlChars,
  'numbers-and-types': genNumbersAndTypes,
  'aliases-and-depth': genAliases,
  'partial-failure': genPartialFailure,
  'forged-tokens': genForgedTokens,
  'cross-county': genCrossCounty,
  'bad-values': genBadValues,
  'huge-strings': genHugeStrings,
  'download-route': genDownload,
  'raw-http': genRawHttp,
};

// ---------------------------------------------------------------------------------------------
// the server: started, prepared (users, exports, cursors), restarted when it stops answering

interface Server {
  api: TestApi;
  generation: number;
  ctx: Ctx;
}

let passwordHash: Promise<string> | undefined;

async function gqlWith(api: TestApi, token: string | null, query: string, variables?: Record<string, unknown>) {
  const res = await api.gql(query, variables, token ? { authorization: `Bearer ${token}` } : {});
  if (res.body.errors?.length) throw new Error(`preparing the fuzz data: ${query}: ${JSON.stringify(res.body.errors)}`);
  return res.body.data;
}

async function prepare(api: TestApi): Promise<Ctx> {
  const owner = api.db.dataSource;
  passwordHash ??= hashPassword('demo');
  const hash = await passwordHash;
  const [jian] = await owner.query(`SELECT id, tenant_id FROM org WHERE code = '220582'`);
  for (const username of ['fuzz-disabled', 'fuzz-deleted']) {
    await owner.query(`INSERT INTO app_user (id, username, password_hash, display_name) VALUES ($1, $2, $3, $2)`, [userId(username), username, hash]);
    await owner.query(`INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role) VALUES ($1, $2, $3, 'ADMIN')`, [userId(username), jian.tenant_id, jian.id]);
  }
  const tokens: Record<string, string> = {};
  for (const u of [...USERS, 'fuzz-disabled', 'fuzz-deleted']) tokens[u] = await api.login(u);
  await owner.query(`UPDATE app_user SET disabled = true WHERE username = 'fuzz-disabled'`);
  await owner.query(`DELETE FROM app_user WHERE username = 'fuzz-deleted'`);

  const orgIds: Record<string, string> = {};
  for (const row of await owner.query(`SELECT id, code FROM org WHERE code = ANY ($1)`, [[...new Set([...CROSS_CODES, ...Object.values(HOME)])]])) {
    orgIds[row.code] = row.id;
  }
  const [{ name: canaryName }] = await owner.query(`SELECT name FROM org WHERE code = '220521'`);

  const exportIds = { jian: [] as string[], tonghuaxian: [] as string[] };
  const request = 'mutation($o: String!, $f: ExportFormat!, $k: String) { requestExport(orgCode: $o, period: "2020", format: $f, idempotencyKey: $k) { id } }';
  for (const [f, k] of [['CSV', 'fuzz-prep-1'], ['XLSX', 'fuzz-prep-2']]) {
    exportIds.jian.push((await gqlWith(api, tokens['jian-admin'], request, { o: '220582', f, k })).requestExport.id);
  }
  exportIds.tonghuaxian.push((await gqlWith(api, tokens['tonghuaxian-admin'], request, { o: '220521', f: 'CSV', k: 'fuzz-prep-3' })).requestExport.id);
  const schedule = await gqlWith(api, tokens['jian-admin'], 'mutation { createExportSchedule(input: { cron: "0 2 1 * *", formats: [CSV], orgCode: "220582", periodRule: PREVIOUS_YEAR }) { id } }');

  const lists = Object.keys(RECORD_LISTS).map((f) => `${f}(subtree: true, first: 1) { pageInfo { endCursor } }`).join('\n');
  const data = await gqlWith(api, tokens['jian-admin'], `{
    orgs(first: 2) { pageInfo { endCursor } }
    exports(orgCode: "220582", first: 1) { pageInfo { endCursor } }
    org(code: "220582") { ${lists} descendants(first: 2) { pageInfo { endCursor } } descendantRollups(period: "2020", first: 2) { pageInfo { endCursor } } }
  }`);
  const cursors: Record<string, string> = {};
  const add = (k: string, v: { pageInfo: { endCursor: string | null } }) => {
    if (v.pageInfo.endCursor) cursors[k] = v.pageInfo.endCursor;
  };
  add('orgs', data.orgs);
  add('exports', data.exports);
  for (const k of [...Object.keys(RECORD_LISTS), 'descendants', 'descendantRollups']) add(k, data.org[k]);
  return { tokens, cursors, orgIds, exportIds, scheduleId: schedule.createExportSchedule.id, canaryName };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A server that hung keeps the server side of its stuck requests' connections open (its close()
 * never finishes, it waits for those requests): destroy them, or jest waits for Node's timeouts.
 * TestApi does not hand out the Fastify instance, so they are found among the process's handles.
 */
function destroyServerSockets(url: string): void {
  const port = Number(new URL(url).port);
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  for (const h of handles) if (h instanceof Socket && h.localPort === port) h.destroy();
}

// ---------------------------------------------------------------------------------------------
// the campaign

describe('hostile requests (seeded fuzz)', () => {
  let server: Server;
  let generation = 0;
  const failures: Failure[] = [];
  const sent: Record<string, number> = {};
  const codeCounts: Record<string, Record<string, number>> = {};
  const restarts: string[] = [];
  /** URLs of servers whose close() did not finish. */
  const abandoned: string[] = [];
  let total = 0;

  async function startServer(): Promise<Server> {
    const api = await startTestApi({ reference: true, limits: { timeBudgetMs: TIME_BUDGET_MS } });
    return { api, generation: ++generation, ctx: await prepare(api) };
  }

  async function stopServer(s: Server): Promise<void> {
    // the old server's connections are cut first, so a pool stuck on leaked connections cannot keep close() waiting forever
    await s.api.db.dataSource
      .query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND usename = 'ggw_app'`)
      .catch(() => undefined);
    const closed = await Promise.race([s.api.close().then(() => true, () => true), sleep(3000).then(() => false)]);
    if (!closed) {
      abandoned.push(s.api.url);
      destroyServerSockets(s.api.url);
      await s.api.db.drop().catch(() => undefined);
    }
  }

  async function restart(cls: ClassName, why: string): Promise<void> {
    restarts.push(`${cls}: ${why}`);
    const old = server;
    server = await startServer();
    await stopServer(old);
  }

  async function send(req: FuzzRequest, s: Server): Promise<Outcome> {
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    let body = req.body;
    if (req.query !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify({ query: req.query, variables: req.variables });
    }
    const authorization = req.authorization ?? (req.user ? `Bearer ${s.ctx.tokens[req.user]}` : undefined);
    if (authorization !== undefined) headers.authorization = authorization;
    const method = req.method ?? 'POST';
    const started = performance.now();
    try {
      const res = await fetch(`${s.api.url}${req.path ?? '/graphql'}`, {
        method,
        headers,
        body: method === 'GET' ? undefined : body,
        signal: AbortSignal.timeout(TIME_BUDGET_MS + 1000),
      });
      const text = await res.text();
      return { status: res.status, ms: performance.now() - started, codes: extractCodes(text), text };
    } catch (error) {
      const e = error as Error & { cause?: unknown };
      const ms = performance.now() - started;
      if (e.name === 'TimeoutError' || e.name === 'AbortError') return { status: 'timeout', ms, codes: [], text: '' };
      if (/fetch failed|terminated|socket/i.test(e.message)) return { status: 'network-error', ms, codes: [], text: `${e.message}: ${String(e.cause)}` };
      return { status: 'client-rejected', ms, codes: [], text: e.message };
    }
  }

  function judge(req: FuzzRequest, out: Outcome): void {
    sent[req.cls] = (sent[req.cls] ?? 0) + 1;
    if (DUMP) appendFileSync(DUMP, `${JSON.stringify({ cls: req.cls, label: req.label, request: describeRequest(req), status: out.status, ms: Math.round(out.ms), codes: out.codes, response: trunc(out.text, 600) })}\n`);
    total++;
    const counts = (codeCounts[req.cls] ??= {});
    const keys = out.codes.length ? [...new Set(out.codes)] : [typeof out.status === 'number' ? `OK(${out.status})` : `NO_ANSWER(${out.status})`];
    for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
    const fail = (check: string, detail: string): void => {
      failures.push({ cls: req.cls, check, detail, request: describeRequest(req), response: `${out.status} in ${Math.round(out.ms)} ms: ${trunc(out.text, 500)}` });
    };
    if (out.status === 'client-rejected') return; // fetch refused to send it (e.g. an invalid header value): nothing reached the server
    if (out.status === 'timeout') return fail('time', `no answer within ${TIME_BUDGET_MS + 1000} ms`);
    if (out.status === 'network-error') return fail('network', 'the connection failed (server crashed or reset it)');
    const allowed = new Set([...ALLOWED_STATUS, ...(req.extraStatus ?? [])]);
    if (!allowed.has(out.status)) fail('http-status', `HTTP ${out.status}`);
    if (out.codes.includes('INTERNAL_SERVER_ERROR')) fail('internal-error', 'extensions.code INTERNAL_SERVER_ERROR');
    const unknown = out.codes.filter((c) => c !== 'INTERNAL_SERVER_ERROR' && !ALLOWED_CODES.has(c));
    if (unknown.length) fail('error-code', `codes outside the allowed set: ${[...new Set(unknown)].join(', ')}`);
    if (out.ms > TIME_BUDGET_MS + 1000) fail('time', `answered in ${Math.round(out.ms)} ms`);
    if (req.expectCodes && (!out.codes.length || out.codes.some((c) => !req.expectCodes!.includes(c)))) {
      fail('unexpected-answer', `expected only ${req.expectCodes.join('/')}, got ${out.codes.length ? out.codes.join(', ') : `no error (HTTP ${out.status})`}`);
    }
  }

  async function leakedConnections(s: Server): Promise<Array<{ pid: number; state: string; query: string }>> {
    let rows: Array<{ pid: number; state: string; query: string }> = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      rows = await s.api.db.dataSource.query(
        `SELECT pid, state, left(query, 300) AS query FROM pg_stat_activity
          WHERE datname = current_database() AND usename = 'ggw_app' AND state IN ('idle in transaction', 'idle in transaction (aborted)')`,
      );
      if (!rows.length) return rows;
      await sleep(200);
    }
    return rows;
  }

  async function canary(s: Server): Promise<string | null> {
    const started = performance.now();
    try {
      const res = await fetch(`${s.api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.ctx.tokens['tonghuaxian-admin']}` },
        body: JSON.stringify({ query: CANARY_QUERY }),
        signal: AbortSignal.timeout(CANARY_TIMEOUT_MS),
      });
      const text = await res.text();
      const ms = performance.now() - started;
      const body = JSON.parse(text) as { data?: { org?: { name?: string; rollup?: { orgCount?: number } } } };
      if (body.data?.org?.name !== s.ctx.canaryName || typeof body.data.org.rollup?.orgCount !== 'number') return `wrong answer (${res.status}): ${trunc(text, 300)}`;
      if (ms > CANARY_TIMEOUT_MS) return `answered in ${Math.round(ms)} ms`;
      return null;
    } catch (error) {
      return `no answer within ${CANARY_TIMEOUT_MS} ms (${(error as Error).name})`;
    }
  }

  async function runClass(cls: ClassName): Promise<void> {
    const rng = new Rng(SEED ^ hashString(cls));
    const gen = GENERATORS[cls];
    let remaining = Math.ceil(REQUESTS_PER_CLASS[cls] * SCALE);
    let hangs = 0;
    let batchNo = 0;
    while (remaining > 0) {
      if (hangs >= MAX_HANGS_PER_CLASS) {
        failures.push({ cls, check: 'skipped', detail: `${remaining} requests not sent: the server stopped answering ${hangs} times in this class` });
        return;
      }
      const n = Math.min(BATCH_SIZE, remaining);
      remaining -= n;
      batchNo++;
      // generated against the server of the batch's start (cursors, ids), in a fixed order of the seed
      const requests = Array.from({ length: n }, () => gen(rng, server.ctx));
      let next = 0;
      let health: Promise<void> | null = null;
      let lastRequest = '';
      const worker = async () => {
        while (next < requests.length && hangs < MAX_HANGS_PER_CLASS) {
          const req = requests[next++];
          const s = server;
          lastRequest = describeRequest(req);
          const out = await send(req, s);
          judge(req, out);
          if ((out.status === 'timeout' || out.status === 'network-error') && s.generation === server.generation) {
            health ??= (async () => {
              const problem = await canary(s);
              if (problem && s.generation === server.generation) {
                hangs++;
                const leaks = await leakedConnections(s).catch(() => []);
                failures.push({
                  cls, check: 'server-hung',
                  detail: `after a request timed out, the canary (tonghuaxian-admin, 220521) failed: ${problem}; ${leaks.length} app connections idle in transaction: ${trunc(JSON.stringify(leaks.map((l) => l.query)), 600)}`,
                  request: describeRequest(req),
                });
                await restart(cls, `hung in batch ${batchNo}`);
              }
            })();
            await health;
            health = null;
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      remaining += requests.length - next; // not sent: the class hung the server too often

      const s = server;
      const leaks = await leakedConnections(s);
      const canaryProblem = await canary(s);
      if (leaks.length) {
        failures.push({
          cls, check: 'leaked-connection',
          detail: `after batch ${batchNo}: ${leaks.length} connection(s) of ggw_app left ${[...new Set(leaks.map((l) => l.state))].join('/')}, last statements: ${trunc(JSON.stringify(leaks.map((l) => l.query)), 800)}`,
          request: `last request of the batch: ${lastRequest}`,
        });
      }
      if (canaryProblem) {
        failures.push({ cls, check: 'canary', detail: `after batch ${batchNo}: ${canaryProblem}`, request: `last request of the batch: ${lastRequest}` });
      }
      // a leaked connection stays out of the pool: start the next batch on a clean server
      if (leaks.length || canaryProblem) await restart(cls, `after batch ${batchNo}: ${leaks.length} leaked, canary ${canaryProblem ?? 'ok'}`);
    }
  }

  beforeAll(async () => {
    if (DUMP) writeFileSync(DUMP, '');
    server = await startServer();
    const started = Date.now();
    for (const cls of CLASSES) {
      const t0 = Date.now();
      await runClass(cls);
      console.log(`fuzz class ${cls}: ${sent[cls] ?? 0} requests in ${Date.now() - t0} ms`);
    }
    const lines = [`hostile requests: ${total} sent in ${Date.now() - started} ms (seed ${SEED}), ${restarts.length} server restarts`];
    for (const cls of CLASSES) {
      const counts = Object.entries(codeCounts[cls] ?? {}).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(' ');
      const failed = failures.filter((f) => f.cls === cls);
      const byCheck = [...new Set(failed.map((f) => f.check))].map((c) => `${c}=${failed.filter((f) => f.check === c).length}`).join(' ');
      lines.push(`  ${cls.padEnd(18)} sent=${String(sent[cls] ?? 0).padStart(4)}  ${counts}${byCheck ? `  FAILURES: ${byCheck}` : ''}`);
    }
    if (restarts.length) lines.push(`  restarts: ${restarts.join('; ')}`);
    console.log(lines.join('\n'));
  }, 1_200_000);

  afterAll(async () => {
    if (server) await stopServer(server);
    for (const url of abandoned) destroyServerSockets(url);
  }, 30_000);

  it(`sends at least 2000 requests`, () => {
    expect(total).toBeGreaterThanOrEqual(Math.floor(2000 * SCALE));
  });

  it.each(CLASSES.map((c) => [c]))('%s: no internal error, only allowed codes and statuses, within the time budget, no leaked connection, canary answers', (cls) => {
    const failed = failures.filter((f) => f.cls === cls);
    const report: string[] = [];
    for (const check of [...new Set(failed.map((f) => f.check))]) {
      const ofCheck = failed.filter((f) => f.check === check);
      report.push(`[${cls}] ${check}: ${ofCheck.length} failure(s); first examples:`);
      for (const f of ofCheck.slice(0, 3)) {
        report.push(`    ${f.detail}`);
        if (f.request) report.push(`      request:  ${f.request}`);
        if (f.response) report.push(`      response: ${f.response}`);
      }
    }
    expect({ cls, sent: sent[cls] ?? 0, failures: report }).toEqual({ cls, sent: sent[cls] ?? 0, failures: [] });
  });
});
