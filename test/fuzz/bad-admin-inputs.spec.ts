/* eslint-disable no-console */
import { createHmac } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { TokenService } from '@ggw/authz';
import { startTestApi, TEST_JWT_SECRET, TestApi } from '@ggw/testing';
import { failureReport, forEachConcurrently, hashString, Rng } from './fuzz-random';

/**
 * A deterministic (seeded) fuzz suite of bad inputs to the administration surface: users and
 * roles (createUser, grantRole, revokeRole, resetPassword, disableUser, enableUser, users,
 * user), passwords (activateAccount, changePassword), orgs (createOrg) and the onboarding of a
 * county (POST /onboarding). Wrong GraphQL types, missing arguments, overlong strings, control
 * characters and unicode oddities, malformed and forged links, bad ids, cursors, enums, dates
 * and codes, escalation attempts by the wrong users, and onboarding workbooks full of junk.
 *
 * Every answer: no 5xx, every error coded from the allowed set (never INTERNAL_SERVER_ERROR),
 * no SQL or stack in a message (what the request itself sent, echoed, aside); no write goes
 * through (the users, roles and orgs are fingerprinted before and after as the owner); no
 * connection of the application is left idle in a transaction.
 */
const SEED = 20261203;
/** FUZZ_SCALE=0.1 runs a tenth of every family (a quick look while fixing). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Set FUZZ_DUMP=/some/file.jsonl to get every request and its answer (truncated), one JSON per line. */
const DUMP = process.env.FUZZ_DUMP;
const CONCURRENCY = 4;

const COUNTY = '220582';
const TAISHANG = '220582101';
const SHIHU = '220582106201';
const SHIHU_TOWNSHIP = '220582106';
const CITY = '220500';
const OTHER_COUNTY = '220521';
const USERS = ['jian-admin', 'taishang-admin', 'shihu-editor', 'tonghua-viewer', 'tonghua-admin', 'tonghuaxian-admin', 'platform-admin'] as const;
const VICTIM = 'fuzz-victim';
const GOOD_PASSWORD = 'Lanting-Xu-4417!';

const ALLOWED_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'RATE_LIMITED', 'COST_LIMIT_EXCEEDED']);
const LEAK = /SELECT|INSERT|ggw_|at \/|QueryFailedError|relation/i;
/** Coercion of variables (BAD_USER_INPUT) or of literals in the document (GRAPHQL_VALIDATION_FAILED). */
const TYPE_ERROR = ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'];
const DENIED = ['FORBIDDEN', 'NOT_FOUND'];

const FAMILIES = [
  'wrong-types',
  'missing-args',
  'overlong-strings',
  'control-chars',
  'unicode-oddities',
  'bad-tokens',
  'bad-passwords',
  'bad-ids',
  'bad-cursors',
  'bad-enums',
  'bad-dates',
  'bad-codes',
  'escalation',
  'onboarding',
] as const;
type Family = (typeof FAMILIES)[number];
const REQUESTS_PER_FAMILY: Record<Family, number> = {
  'wrong-types': 80,
  'missing-args': 50,
  'overlong-strings': 70,
  'control-chars': 70,
  'unicode-oddities': 70,
  'bad-tokens': 90,
  'bad-passwords': 30,
  'bad-ids': 60,
  'bad-cursors': 40,
  'bad-enums': 40,
  'bad-dates': 50,
  'bad-codes': 60,
  'escalation': 100,
  'onboarding': 80,
};

// ---------------------------------------------------------------------------------------------
// the surface

const Q = {
  createUser: `mutation Fuzz($orgCode: String!, $username: String!, $displayName: String!, $phone: String) { createUser(orgCode: $orgCode, username: $username, displayName: $displayName, phone: $phone) { user { id username } link { token } } }`,
  grantRole: `mutation Fuzz($userId: ID!, $orgCode: String!, $role: Role!) { grantRole(userId: $userId, orgCode: $orgCode, role: $role) { id } }`,
  revokeRole: `mutation Fuzz($userId: ID!, $orgCode: String!, $role: Role!, $reason: String) { revokeRole(userId: $userId, orgCode: $orgCode, role: $role, reason: $reason) { id } }`,
  resetPassword: `mutation Fuzz($userId: ID!) { resetPassword(userId: $userId) { user { id } link { token } } }`,
  disableUser: `mutation Fuzz($userId: ID!, $reason: String) { disableUser(userId: $userId, reason: $reason) { id disabled } }`,
  enableUser: `mutation Fuzz($userId: ID!) { enableUser(userId: $userId) { id disabled } }`,
  activateAccount: `mutation Fuzz($token: String!, $password: String!) { activateAccount(token: $token, password: $password) { token } }`,
  changePassword: `mutation Fuzz($old: String!, $new: String!) { changePassword(oldPassword: $old, newPassword: $new) { token } }`,
  createOrg: `mutation Fuzz($parentCode: String!, $code: String!, $name: String!, $type: OrgType!, $foundedOn: Date!) { createOrg(parentCode: $parentCode, code: $code, name: $name, type: $type, foundedOn: $foundedOn) { id code } }`,
  users: `query Fuzz($orgCode: String!, $search: String, $first: Int, $after: String) { users(orgCode: $orgCode, search: $search, first: $first, after: $after) { nodes { id username roles { role } } pageInfo { endCursor } } }`,
  user: `query Fuzz($id: ID!) { user(id: $id) { id username } }`,
  me: `{ me { user { id } } }`,
} as const;
type Op = keyof typeof Q | 'onboarding';
const OPS = Object.keys(Q).filter((k) => k !== 'me') as Array<keyof typeof Q>;

/** The GraphQL type of every argument (for wrong types and left-out arguments). */
const ARGS: Record<Exclude<keyof typeof Q, 'me'>, Record<string, { t: string; req: boolean; name?: string }>> = {
  createUser: { orgCode: { t: 'String', req: true }, username: { t: 'String', req: true }, displayName: { t: 'String', req: true }, phone: { t: 'String', req: false } },
  grantRole: { userId: { t: 'ID', req: true }, orgCode: { t: 'String', req: true }, role: { t: 'Role', req: true } },
  revokeRole: { userId: { t: 'ID', req: true }, orgCode: { t: 'String', req: true }, role: { t: 'Role', req: true }, reason: { t: 'String', req: false } },
  resetPassword: { userId: { t: 'ID', req: true } },
  disableUser: { userId: { t: 'ID', req: true }, reason: { t: 'String', req: false } },
  enableUser: { userId: { t: 'ID', req: true } },
  activateAccount: { token: { t: 'String', req: true }, password: { t: 'String', req: true } },
  changePassword: { old: { t: 'String', req: true, name: 'oldPassword' }, new: { t: 'String', req: true, name: 'newPassword' } },
  createOrg: { parentCode: { t: 'String', req: true }, code: { t: 'String', req: true }, name: { t: 'String', req: true }, type: { t: 'OrgType', req: true }, foundedOn: { t: 'Date', req: true } },
  users: { orgCode: { t: 'String', req: true }, search: { t: 'String', req: false }, first: { t: 'Int', req: false }, after: { t: 'String', req: false } },
  user: { id: { t: 'ID', req: true } },
};

// ---------------------------------------------------------------------------------------------
// requests

interface Upload {
  /** multipart with these files, or a raw body */
  files?: Array<{ name: string; content: Buffer; field?: string }>;
  raw?: { contentType?: string; body: string | Buffer | null };
}

interface Req {
  family: Family;
  label: string;
  op: Op;
  /** sent as this user; null: anonymous */
  user: string | null;
  /** an Authorization header of its own (overrides user) */
  auth?: string;
  query?: string;
  variables?: Record<string, unknown>;
  /** POST /onboarding: the query string and the body (built when sent) */
  onboarding?: { qs: string; body: () => Promise<Upload>; dryRun: boolean };
  /** the only codes the answer may have */
  expect?: string[];
  /** a read whose odd input may well answer data */
  mayPass?: boolean;
}

interface Ctx {
  ids: Record<string, string>;
  versions: Record<string, number>;
  victim: string;
  /** the victim's genuine activation link (never used with a valid password during the campaign) */
  victimLink: string;
  freeVillage: string;
  takenVillage: string;
  freeTownship: string;
  foreignVillageCode: string;
  otherTenantOrgs: string[];
  founded: Record<string, string>;
  freeCounty: string;
  usersCursor: string;
  orgsCursor: string;
  /** link tokens, forged or broken, each with a label */
  badLinks: Array<{ label: string; token: string }>;
  /** API tokens of the demo users (a bearer token is no link) */
  apiTokens: Record<string, string>;
}

const gq = (family: Family, label: string, op: keyof typeof Q, user: string | null, variables: Record<string, unknown>, expect?: string[], mayPass = false): Req =>
  ({ family, label, op, user, query: Q[op], variables, expect, mayPass });
const raw = (family: Family, label: string, op: keyof typeof Q, user: string | null, query: string, variables: Record<string, unknown>, expect?: string[]): Req =>
  ({ family, label, op, user, query, variables, expect });

const trunc = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);

/** Valid variables of each operation, by a user for whom something else makes them fail. */
function base(op: keyof typeof Q, c: Ctx, rng: Rng): Record<string, unknown> {
  switch (op) {
    case 'createUser': return { orgCode: TAISHANG, username: `fuzz-${rng.str(6, 'abcdefghijklmnopqrstuvwxyz')}`, displayName: '张德明', phone: '13800001111' };
    case 'grantRole': return { userId: c.victim, orgCode: TAISHANG, role: 'VIEWER' };
    case 'revokeRole': return { userId: c.victim, orgCode: TAISHANG, role: 'VIEWER', reason: '调岗' };
    case 'resetPassword': return { userId: c.victim };
    case 'disableUser': return { userId: c.victim, reason: '离职' };
    case 'enableUser': return { userId: c.victim };
    case 'activateAccount': return { token: rng.pick(c.badLinks).token, password: GOOD_PASSWORD };
    case 'changePassword': return { old: 'not-the-password', new: GOOD_PASSWORD };
    case 'createOrg': return { parentCode: TAISHANG, code: c.freeVillage, name: '新建村', type: 'VILLAGE', foundedOn: addDays(c.founded[TAISHANG], 1) };
    case 'users': return { orgCode: COUNTY, search: null, first: 10, after: null };
    case 'user': return { id: c.victim };
    default: return {};
  }
}

// ---------------------------------------------------------------------------------------------
// bad values

const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\n', '\r', '\t', '\u0085'];
const withControl = (rng: Rng, s: string) => {
  const i = rng.int(1, Math.max(1, s.length - 1));
  return `${s.slice(0, i)}${rng.pick(CONTROLS)}${s.slice(i)}`;
};
const ODD = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202e', '\u2066', '\ufeff', '\u00a0', '\u3000', '👨‍👩‍👧', '🙂', 'e\u0301', '\ud800', '\udfff', '\u0130', '\u212a', '\ufffd', '\u2028'];
const withOdd = (rng: Rng, s: string) => {
  const i = rng.int(0, s.length);
  return `${s.slice(0, i)}${rng.pick(ODD)}${s.slice(i)}`;
};
const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const long = (rng: Rng, n = 10_000) => rng.pick(['x', '字', 'ab', '1', '😀']).repeat(n).slice(0, n);

const SQLISH = ["' OR '1'='1", "'; DROP TABLE app_user; --", '" OR ""="', '220582\' OR 1=1 --', '%', '_', '\\', '220582%', '220582_', '*.220582', '220582.*', '220582.101', '..', '../220582', 'NULL', '$1', '1; SELECT pg_sleep(5)', 'ggw_apply_scopes'];
const NOT_UUIDS = ['1', 'abc', '', ' ', 'null', 'undefined', '-'.repeat(36), 'a'.repeat(36), '0'.repeat(36), 'f'.repeat(36), '00000000-0000-0000-0000-00000000000g', '{00000000-0000-4000-8000-000000000000}',
  '00000000000040008000000000000000', '0000000-00000-4000-8000-000000000000', '00000000-0000-4000-8000-0000000000000', "00000000-0000-4000-8000-00000000000'", '00000000-0000-4000-8000-00000000000\u0000',
  '----------------aaaaaaaaaaaaaaaaaaaa', 'abcdef01-2345-6789-abcd-ef0123456789-', 'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ', '１２３'];
const BAD_DATES = ['2021-02-30', '2021-13-01', '2021-00-10', '2021-04-31', '2019-02-29', '0000-01-01', '0001-01-01', '1899-12-31', '2999-12-31', '9999-12-31', '+275760-09-13', '275760-09-13',
  '2021-1-5', '20210105', '2021/03/01', '', ' ', 'yesterday', 'NaN', '2021-03-01 ', '２０２１-０３-０１'];
const BAD_ROLES = ['admin', 'Admin', 'SUPERUSER', 'OWNER', 'PLATFORM_ADMIN', '', ' ', 'ADMIN ', ' ADMIN', 'ADMIN\u200b', 'ＡＤＭＩＮ', 'ADMIN\u0000', 'null', 'ROOT', 'EDITOR,ADMIN', '*'];

// ---------------------------------------------------------------------------------------------
// link tokens, signed here (HS256 as jose signs it) or by the server's own TokenService

const b64 = (x: unknown) => Buffer.from(typeof x === 'string' ? x : JSON.stringify(x)).toString('base64url');
function signHs(payload: Record<string, unknown>, secret = TEST_JWT_SECRET, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }, hash = 'sha256'): string {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac(hash, secret).update(head).digest('base64url')}`;
}

async function makeBadLinks(ids: Record<string, string>, versions: Record<string, number>, victim: string): Promise<Array<{ label: string; token: string }>> {
  const now = Math.floor(Date.now() / 1000);
  const claims = (over: Record<string, unknown> = {}, drop: string[] = []) => {
    const p: Record<string, unknown> = { usr: 'jian-admin', ver: versions['jian-admin'] + 5, sub: ids['jian-admin'], iss: 'ggw-platform', aud: 'ggw-password-link', iat: now, exp: now + 3600, ...over };
    for (const d of drop) delete p[d];
    return p;
  };
  const rnd = '6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5';
  const past = new TokenService(TEST_JWT_SECRET, 3600, () => new Date(Date.now() - 80 * 3600_000));
  const out: Array<{ label: string; token: string }> = [
    { label: 'empty', token: '' },
    { label: 'one word', token: 'token' },
    { label: 'a.b.c', token: 'a.b.c' },
    { label: 'dots', token: '..' },
    { label: 'two parts', token: `${b64({ alg: 'HS256' })}.${b64(claims())}` },
    { label: 'four parts', token: `${signHs(claims())}.x` },
    { label: 'not base64', token: '@@@.###.$$$' },
    { label: '2049 chars', token: 'a'.repeat(2049) },
    { label: '100k chars', token: 'eyJ'.repeat(34_000) },
    { label: 'bearer prefix', token: `Bearer ${signHs(claims())}` },
    { label: 'JSON', token: JSON.stringify(claims()) },
    { label: 'alg none', token: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.` },
    { label: 'alg none, sig kept', token: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.${signHs(claims()).split('.')[2]}` },
    { label: 'HS512 right secret', token: signHs(claims(), TEST_JWT_SECRET, { alg: 'HS512', typ: 'JWT' }, 'sha512') },
    { label: 'HS256 labelled HS512', token: signHs(claims(), TEST_JWT_SECRET, { alg: 'HS512', typ: 'JWT' }) },
    { label: 'RS256 header', token: signHs(claims(), TEST_JWT_SECRET, { alg: 'RS256', typ: 'JWT' }) },
    { label: 'wrong secret', token: signHs(claims(), 'another-secret-another-secret-another-0123') },
    { label: 'empty secret', token: signHs(claims(), '') },
    { label: 'crit header', token: signHs(claims(), TEST_JWT_SECRET, { alg: 'HS256', crit: ['x'], x: 1 }) },
    { label: 'aud ggw-api', token: signHs(claims({ aud: 'ggw-api' })) },
    { label: 'aud ggw-download', token: signHs(claims({ aud: 'ggw-download', exp_id: rnd })) },
    { label: 'aud missing', token: signHs(claims({}, ['aud'])) },
    { label: 'aud other', token: signHs(claims({ aud: 'someone-else' })) },
    { label: 'aud list with ours, random sub', token: signHs(claims({ aud: ['ggw-api', 'ggw-password-link'], sub: rnd, ver: 1 })) },
    { label: 'iss wrong', token: signHs(claims({ iss: 'evil' })) },
    { label: 'iss missing', token: signHs(claims({}, ['iss'])) },
    { label: 'expired (hand-signed)', token: signHs(claims({ iat: now - 7200, exp: now - 3600 })) },
    { label: 'nbf in the future', token: signHs(claims({ nbf: now + 3600 })) },
    { label: 'exp missing', token: signHs(claims({}, ['exp'])) },
    { label: 'iat missing', token: signHs(claims({}, ['iat'])) },
    { label: 'exp as string', token: signHs(claims({ exp: String(now + 3600) })) },
    { label: 'ver missing', token: signHs(claims({}, ['ver'])) },
    { label: 'ver as string', token: signHs(claims({ ver: String(versions['jian-admin']) })) },
    { label: 'ver as string, victim', token: signHs(claims({ ver: '1', sub: victim, usr: VICTIM })) },
    { label: 'ver 0', token: signHs(claims({ ver: 0 })) },
    { label: 'ver -1', token: signHs(claims({ ver: -1 })) },
    { label: 'ver 1.5', token: signHs(claims({ ver: 1.5 })) },
    { label: 'ver null', token: signHs(claims({ ver: null })) },
    { label: 'ver true', token: signHs(claims({ ver: true })) },
    { label: 'ver [1]', token: signHs(claims({ ver: [1] })) },
    { label: 'ver 2^31 (beyond int4)', token: signHs(claims({ ver: 2 ** 31 })) },
    { label: 'ver 2^40 (beyond int4)', token: signHs(claims({ ver: 2 ** 40, sub: victim, usr: VICTIM })) },
    { label: 'ver 2^53 (not safe)', token: signHs(claims({ ver: 2 ** 53 })) },
    { label: 'sub missing', token: signHs(claims({}, ['sub'])) },
    { label: 'sub a username', token: signHs(claims({ sub: 'jian-admin' })) },
    { label: 'sub sql', token: signHs(claims({ sub: "' OR '1'='1" })) },
    { label: 'sub 36 dashes', token: signHs(claims({ sub: '-'.repeat(36) })) },
    { label: 'sub uuid in braces', token: signHs(claims({ sub: `{${ids['jian-admin']}}` })) },
    { label: 'sub a number', token: signHs(claims({ sub: 42 })) },
    { label: 'sub random uuid', token: signHs(claims({ sub: rnd, ver: 1 })) },
    { label: 'sub nil uuid', token: signHs(claims({ sub: '00000000-0000-0000-0000-000000000000', ver: 1 })) },
    { label: 'sub platform-admin, old version', token: signHs(claims({ sub: ids['platform-admin'], usr: 'platform-admin', ver: versions['platform-admin'] + 3 })) },
    { label: 'sub victim, later version', token: signHs(claims({ sub: victim, usr: VICTIM, ver: 7 })) },
    { label: 'usr missing', token: signHs(claims({}, ['usr'])) },
    { label: 'usr a number', token: signHs(claims({ usr: 7 })) },
    { label: 'expired link (TokenService)', token: (await past.issuePasswordLink({ userId: victim, tokenVersion: 1 }, VICTIM)).token },
    { label: 'API token of jian-admin (TokenService)', token: (await new TokenService(TEST_JWT_SECRET).issue({ userId: ids['jian-admin'], tokenVersion: versions['jian-admin'] })).token },
    { label: 'download token (TokenService)', token: (await new TokenService(TEST_JWT_SECRET).issueDownload({ userId: victim, tokenVersion: 1 }, rnd)).token },
    { label: 'link of another secret (TokenService)', token: (await new TokenService('x'.repeat(40)).issuePasswordLink({ userId: victim, tokenVersion: 1 }, VICTIM)).token },
  ];
  return out;
}

// ---------------------------------------------------------------------------------------------
// the generators, one per family

type Generator = (rng: Rng, c: Ctx) => Req;

const wrongValue = (rng: Rng, t: string): unknown => {
  switch (t) {
    case 'String': return rng.pick([220582, 1.5, true, false, { s: 'x' }, ['x'], []]);
    case 'ID': return rng.pick([true, false, 1.5, { id: 'x' }, ['x'], {}]);
    case 'Int': return rng.pick(['10', 1.5, true, 2 ** 31, -(2 ** 31) - 1, { n: 1 }, [1], 'NaN']);
    case 'Role': return rng.pick([1, true, ['ADMIN'], { role: 'ADMIN' }, 0.5]);
    case 'OrgType': return rng.pick([1, true, ['VILLAGE'], { t: 'VILLAGE' }]);
    case 'Date': return rng.pick([20210301, true, { d: '2021-03-01' }, ['2021-03-01'], 1.5e12]);
    default: return null;
  }
};
const literal = (t: string): string => ({ String: '220582', ID: '1.5', Int: '"10"', Role: '"ADMIN"', OrgType: '"VILLAGE"', Date: '20210301' } as Record<string, string>)[t];

const genWrongTypes: Generator = (rng, c) => {
  const f: Family = 'wrong-types';
  const op = rng.pick(OPS) as Exclude<keyof typeof Q, 'me'>;
  const args = ARGS[op];
  const [name, spec] = rng.pick(Object.entries(args));
  const user = op === 'activateAccount' ? null : rng.pick(['jian-admin', 'taishang-admin', 'shihu-editor']);
  const r = rng.int(0, 9);
  if (r <= 5) {
    const value = wrongValue(rng, spec.t);
    return gq(f, `${op}.${name}=${trunc(JSON.stringify(value), 40)}`, op, user, { ...base(op, c, rng), [name]: value }, TYPE_ERROR);
  }
  if (r <= 7) {
    // a literal of the wrong type in the document
    const vars = base(op, c, rng);
    const parts = Object.entries(args).map(([n, s]) => `${s.name ?? n}: ${n === name ? literal(s.t) : s.t === 'Role' || s.t === 'OrgType' ? String(vars[n]) : JSON.stringify(vars[n] ?? null)}`);
    const kind = op === 'users' || op === 'user' ? 'query' : 'mutation';
    const sel = Q[op].slice(Q[op].indexOf(`${op}(`)).replace(/^\w+\([^)]*\)/, '');
    return raw(f, `${op}.${name} literal ${literal(spec.t)}`, op, user, `${kind} { ${op}(${parts.join(', ')})${sel}`, {}, TYPE_ERROR);
  }
  // a variable declared with a type that does not fit its argument
  const decl = rng.pick(['Int', 'Float', 'Boolean', '[String]', 'Role', 'Date', 'ID'].filter((d) => d !== spec.t && !(d === 'ID' && spec.t === 'String')));
  const q = Q[op].replace(new RegExp(`\\$${name}: [A-Za-z]+!?`), `$${name}: ${decl}`);
  return raw(f, `${op} $${name} declared ${decl}`, op, user, q, base(op, c, rng), ['GRAPHQL_VALIDATION_FAILED']);
};

const genMissing: Generator = (rng, c) => {
  const f: Family = 'missing-args';
  const op = rng.pick(OPS) as Exclude<keyof typeof Q, 'me'>;
  const args = ARGS[op];
  const required = Object.entries(args).filter(([, s]) => s.req);
  const user = op === 'activateAccount' ? null : rng.pick(['jian-admin', 'taishang-admin']);
  const r = rng.int(0, 9);
  if (r <= 3 && required.length) {
    // a required variable not sent, or null
    const [name] = rng.pick(required);
    const vars = base(op, c, rng);
    if (rng.chance(0.5)) delete vars[name];
    else vars[name] = null;
    return gq(f, `${op} $${name} missing/null`, op, user, vars, ['BAD_USER_INPUT']);
  }
  if (r <= 6 && required.length) {
    // a required argument left out of the document
    const [name] = rng.pick(required);
    const q = Q[op].replace(new RegExp(`,? ?${args[name].name ?? name}: \\$${name}`), '').replace('(, ', '(').replace(/\w+\(\)/, op);
    return raw(f, `${op} argument ${name} left out`, op, user, q, base(op, c, rng), ['GRAPHQL_VALIDATION_FAILED']);
  }
  if (r === 7) {
    // no selection of an object, an unknown argument, an unknown field
    const q = rng.pick([
      Q[op].replace(/\) \{.*\}$/, ') }'),
      Q[op].replace(`${op}(`, `${op}(sudo: true, `),
      Q[op].replace(/\) \{ /, ') { passwordHash '),
    ]);
    return raw(f, `${op} document malformed`, op, user, q, base(op, c, rng), ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);
  }
  if (r === 8) {
    // a parse error
    const q = rng.pick([Q[op].slice(0, -2), `${Q[op]} }`, Q[op].replace('(', '(('), Q[op].replace(/^(mutation|query)/, '$1x')]);
    return raw(f, `${op} unparsable`, op, user, q, base(op, c, rng), ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
  }
  // blanks where text is required
  const blank = rng.pick(['', ' ', '   ', '\u3000', '\t']);
  const which = rng.int(0, 5);
  if (which === 0) return gq(f, `createUser displayName=${JSON.stringify(blank)}`, 'createUser', 'jian-admin', { ...base('createUser', c, rng), displayName: blank }, ['BAD_USER_INPUT']);
  if (which === 1) return gq(f, `createUser username=${JSON.stringify(blank)}`, 'createUser', 'jian-admin', { ...base('createUser', c, rng), username: blank }, ['BAD_USER_INPUT']);
  if (which === 2) return gq(f, `createOrg name=${JSON.stringify(blank)}`, 'createOrg', 'taishang-admin', { ...base('createOrg', c, rng), name: blank }, ['BAD_USER_INPUT']);
  if (which === 3) return gq(f, `createOrg code=${JSON.stringify(blank)}`, 'createOrg', 'taishang-admin', { ...base('createOrg', c, rng), code: blank }, ['BAD_USER_INPUT']);
  if (which === 4) return gq(f, `users orgCode=${JSON.stringify(blank)}`, 'users', 'jian-admin', { ...base('users', c, rng), orgCode: blank }, ['NOT_FOUND', 'BAD_USER_INPUT']);
  return gq(f, `activateAccount password=${JSON.stringify(blank)}`, 'activateAccount', null, { token: c.victimLink, password: blank }, ['BAD_USER_INPUT']);
};

const genOverlong: Generator = (rng, c) => {
  const f: Family = 'overlong-strings';
  const n = rng.chance(0.5) ? 10_000 : rng.pick([51, 65, 101, 257, 2049]);
  const s = long(rng, n);
  const label = `${n} chars`;
  switch (rng.int(0, 13)) {
    case 0: return gq(f, `createUser username ${label}`, 'createUser', 'jian-admin', { ...base('createUser', c, rng), username: `u${'a'.repeat(n)}` }, ['BAD_USER_INPUT']);
    case 1: return gq(f, `createUser displayName ${label}`, 'createUser', 'jian-admin', { ...base('createUser', c, rng), displayName: rng.pick(['张', '字', 'x']).repeat(Math.max(n, 51)) }, ['BAD_USER_INPUT']);
    case 2: return gq(f, `createUser phone ${label}`, 'createUser', 'jian-admin', { ...base('createUser', c, rng), phone: '1'.repeat(Math.max(n, 21)) }, ['BAD_USER_INPUT']);
    case 3: return gq(f, `createUser orgCode ${label}`, 'createUser', 'jian-admin', { ...base('createUser', c, rng), orgCode: COUNTY.repeat(Math.ceil(n / 6)) }, ['NOT_FOUND', 'BAD_USER_INPUT']);
    case 4: return gq(f, `users search ${label}`, 'users', 'jian-admin', { ...base('users', c, rng), search: s }, ['BAD_USER_INPUT']);
    case 5: return gq(f, `users orgCode ${label}`, 'users', 'jian-admin', { ...base('users', c, rng), orgCode: s }, ['NOT_FOUND', 'BAD_USER_INPUT']);
    case 6: return gq(f, `revokeRole (not held) reason ${label}`, 'revokeRole', 'jian-admin', { userId: c.victim, orgCode: TAISHANG, role: 'ADMIN', reason: s }, ['NOT_FOUND', 'BAD_USER_INPUT']);
    case 7: return gq(f, `disableUser (self) reason ${label}`, 'disableUser', 'jian-admin', { userId: c.ids['jian-admin'], reason: s }, ['BAD_USER_INPUT']);
    case 8: return gq(f, `activateAccount token ${label}`, 'activateAccount', null, { token: s, password: GOOD_PASSWORD }, ['BAD_USER_INPUT', 'UNAUTHENTICATED']);
    case 9: return gq(f, `activateAccount (genuine link) password ${Math.max(n, 257) + 4} chars`, 'activateAccount', null, { token: c.victimLink, password: `Aa1!${long(rng, Math.max(n, 257))}` }, ['BAD_USER_INPUT']);
    case 10: return gq(f, `changePassword old ${label}`, 'changePassword', 'shihu-editor', { old: s, new: GOOD_PASSWORD }, ['BAD_USER_INPUT']);
    case 11: return gq(f, `createOrg name ${label}`, 'createOrg', 'taishang-admin', { ...base('createOrg', c, rng), name: '村'.repeat(Math.max(n, 101)) }, ['BAD_USER_INPUT']);
    case 12: return gq(f, `createOrg code ${label}`, 'createOrg', 'taishang-admin', { ...base('createOrg', c, rng), code: `${TAISHANG}${'1'.repeat(n)}` }, ['BAD_USER_INPUT']);
    default: {
      const id = `${c.victim}${'0'.repeat(n)}`;
      const op = rng.pick(['user', 'resetPassword', 'grantRole'] as const);
      return gq(f, `${op} id ${id.length} chars`, op, 'jian-admin', op === 'user' ? { id } : op === 'grantRole' ? { ...base('grantRole', c, rng), userId: id } : { userId: id }, ['NOT_FOUND', 'BAD_USER_INPUT']);
    }
  }
};

const genControl: Generator = (rng, c) => {
  const f: Family = 'control-chars';
  switch (rng.int(0, 11)) {
    case 0: return gq(f, 'createUser username with a control', 'createUser', 'jian-admin', { ...base('createUser', c, rng), username: withControl(rng, 'fuzzcontrol') }, ['BAD_USER_INPUT']);
    case 1:
    case 2: {
      // a fresh username: the name is the only thing wrong (accepting it is a write)
      const displayName = withControl(rng, '张控制');
      return gq(f, `createUser displayName ${JSON.stringify(displayName)}`, 'createUser', 'jian-admin', { ...base('createUser', c, rng), orgCode: COUNTY, displayName }, ['BAD_USER_INPUT']);
    }
    case 3: {
      // a taken username: refused one way or the other, never written
      const displayName = withControl(rng, '张控制');
      return gq(f, `createUser (taken username) displayName ${JSON.stringify(displayName)}`, 'createUser', 'jian-admin', { ...base('createUser', c, rng), orgCode: COUNTY, username: 'shihu-editor', displayName }, ['BAD_USER_INPUT', 'CONFLICT']);
    }
    case 4: return gq(f, 'createUser phone with a control', 'createUser', 'jian-admin', { ...base('createUser', c, rng), phone: withControl(rng, '13800001111') }, ['BAD_USER_INPUT']);
    case 5: {
      const name = withControl(rng, '新控制村');
      return gq(f, `createOrg name ${JSON.stringify(name)}`, 'createOrg', 'taishang-admin', { ...base('createOrg', c, rng), name }, ['BAD_USER_INPUT']);
    }
    case 6: {
      const name = withControl(rng, '新控制村');
      return gq(f, `createOrg (taken code) name ${JSON.stringify(name)}`, 'createOrg', 'taishang-admin', { ...base('createOrg', c, rng), code: c.takenVillage, name }, ['BAD_USER_INPUT', 'CONFLICT']);
    }
    case 7: {
      const search = withControl(rng, rng.pick(['jian', '管理员', 'admin']));
      return gq(f, `users search ${JSON.stringify(search)}`, 'users', 'jian-admin', { ...base('users', c, rng), search }, ['BAD_USER_INPUT'], true);
    }
    case 8: {
      const reason = withControl(rng, '调岗离任');
      return gq(f, `revokeRole (not held) reason ${JSON.stringify(reason)}`, 'revokeRole', 'taishang-admin', { userId: c.victim, orgCode: TAISHANG, role: 'ADMIN', reason }, ['NOT_FOUND', 'BAD_USER_INPUT']);
    }
    case 9: {
      // NUL, which no text column can hold, in a disabling's reason
      const reason = rng.pick(['\u0000', '离职\u0000', '\u0000\u0000\u0000']);
      return gq(f, `disableUser (victim) reason ${JSON.stringify(reason)}`, 'disableUser', rng.pick(['jian-admin', 'taishang-admin']), { userId: c.victim, reason }, ['BAD_USER_INPUT']);
    }
    case 10: {
      const code = withControl(rng, rng.pick([COUNTY, TAISHANG, SHIHU]));
      const op = rng.pick(['createUser', 'grantRole', 'users', 'createOrg'] as const);
      const vars = op === 'createOrg' ? { ...base(op, c, rng), parentCode: code } : { ...base(op, c, rng), orgCode: code };
      return gq(f, `${op} org code ${JSON.stringify(code)}`, op, 'jian-admin', vars, ['NOT_FOUND', 'BAD_USER_INPUT']);
    }
    default: {
      const token = withControl(rng, c.victimLink);
      return gq(f, 'activateAccount link with a control', 'activateAccount', null, { token, password: rng.chance(0.5) ? GOOD_PASSWORD : withControl(rng, GOOD_PASSWORD) }, ['UNAUTHENTICATED', 'BAD_USER_INPUT']);
    }
  }
};

const genUnicode: Generator = (rng, c) => {
  const f: Family = 'unicode-oddities';
  switch (rng.int(0, 10)) {
    case 0:
    case 1: {
      // inside the name (the ends are trimmed), and never U+212A KELVIN SIGN (which lower-cases to an ASCII k)
      const inner = rng.pick(ODD.filter((x) => x !== '\u212a'));
      const base0 = rng.pick(['fuzzuser', 'jian-admin', 'shihu-editor']);
      const at = rng.int(1, base0.length - 1);
      const username = rng.chance(0.3) ? fullWidth('fuzzuser') : `${base0.slice(0, at)}${inner}${base0.slice(at)}`;
      return gq(f, `createUser username ${JSON.stringify(username)}`, 'createUser', 'jian-admin', { ...base('createUser', c, rng), username }, ['BAD_USER_INPUT']);
    }
    case 2: {
      const phone = rng.chance(0.5) ? fullWidth('13800001111') : withOdd(rng, '13800001111');
      return gq(f, `createUser phone ${JSON.stringify(phone)}`, 'createUser', 'jian-admin', { ...base('createUser', c, rng), phone }, ['BAD_USER_INPUT']);
    }
    case 3: {
      const displayName = withOdd(rng, rng.pick(['张三', '李四', 'Admin']));
      return gq(f, `createUser (taken username) displayName ${JSON.stringify(displayName)}`, 'createUser', 'jian-admin', { ...base('createUser', c, rng), orgCode: COUNTY, username: 'taishang-admin', displayName }, ['BAD_USER_INPUT', 'CONFLICT']);
    }
    case 4: {
      const code = rng.chance(0.5) ? fullWidth(rng.pick([COUNTY, TAISHANG])) : withOdd(rng, rng.pick([COUNTY, TAISHANG]));
      const op = rng.pick(['createUser', 'grantRole', 'users', 'createOrg', 'revokeRole'] as const);
      const vars = op === 'createOrg' ? { ...base(op, c, rng), parentCode: code } : { ...base(op, c, rng), orgCode: code };
      return gq(f, `${op} org code ${JSON.stringify(code)}`, op, 'jian-admin', vars, ['NOT_FOUND', 'BAD_USER_INPUT']);
    }
    case 5: {
      const code = rng.chance(0.5) ? fullWidth(c.freeVillage) : withOdd(rng, c.freeVillage);
      return gq(f, `createOrg code ${JSON.stringify(code)}`, 'createOrg', 'taishang-admin', { ...base('createOrg', c, rng), code }, ['BAD_USER_INPUT']);
    }
    case 6: {
      const name = withOdd(rng, rng.pick(['新村', '石湖村', 'X']));
      return gq(f, `createOrg (taken code) name ${JSON.stringify(name)}`, 'createOrg', 'taishang-admin', { ...base('createOrg', c, rng), code: c.takenVillage, name }, ['BAD_USER_INPUT', 'CONFLICT']);
    }
    case 7:
    case 8: {
      const search = rng.chance(0.3) ? rng.pick(ODD) : withOdd(rng, rng.pick(['jian', 'admin', '管理员', fullWidth('admin')]));
      return gq(f, `users search ${JSON.stringify(search)}`, 'users', rng.pick(['jian-admin', 'tonghua-admin', 'taishang-admin']), { ...base('users', c, rng), orgCode: rng.pick([COUNTY, TAISHANG, CITY]), search },
        ['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND'], true);
    }
    case 9: {
      const reason = withOdd(rng, '调岗');
      return gq(f, `revokeRole (not held) reason ${JSON.stringify(reason)}`, 'revokeRole', 'jian-admin', { userId: c.victim, orgCode: COUNTY, role: rng.pick(['ADMIN', 'EDITOR', 'VIEWER']), reason }, ['NOT_FOUND', 'BAD_USER_INPUT']);
    }
    default: {
      const id = rng.chance(0.5) ? fullWidth(c.victim) : withOdd(rng, c.victim);
      const op = rng.pick(['user', 'resetPassword', 'disableUser'] as const);
      return gq(f, `${op} id ${JSON.stringify(id)}`, op, 'jian-admin', op === 'user' ? { id } : { userId: id }, ['NOT_FOUND', 'BAD_USER_INPUT']);
    }
  }
};

const genBadTokens: Generator = (rng, c) => {
  const f: Family = 'bad-tokens';
  const link = rng.pick(c.badLinks);
  const r = rng.int(0, 9);
  if (r <= 6) {
    const password = rng.chance(0.8) ? GOOD_PASSWORD : rng.pick(['short', 'aaaaaaaaaaaa', '1234567890', `${VICTIM}-2024!`]);
    return gq(f, `activateAccount: ${link.label}`, 'activateAccount', rng.chance(0.8) ? null : rng.pick(['jian-admin', 'shihu-editor']), { token: link.token, password }, ['UNAUTHENTICATED', 'BAD_USER_INPUT']);
  }
  if (r <= 8) {
    // a link (or a forged token) is no bearer token
    if (rng.chance(0.2)) {
      // an API token signed with the right key whose version is beyond the database's int
      const now = Math.floor(Date.now() / 1000);
      const ver = rng.pick([2 ** 31, 2 ** 40, 2 ** 53 - 1]);
      const token = signHs({ ver, sub: c.ids['jian-admin'], iss: 'ggw-platform', aud: 'ggw-api', iat: now, exp: now + 3600 });
      return { family: f, label: `me with a bearer API token of ver ${ver}`, op: 'me', user: null, auth: `Bearer ${token}`, query: Q.me, variables: {}, expect: ['UNAUTHENTICATED'] };
    }
    const token = rng.chance(0.3) ? c.victimLink : link.token;
    return { family: f, label: `me with bearer: ${token === c.victimLink ? 'genuine activation link' : link.label}`, op: 'me', user: null, auth: `Bearer ${token}`, query: Q.me, variables: {}, expect: ['UNAUTHENTICATED'] };
  }
  // malformed Authorization headers
  const auth = rng.pick(['Bearer', 'Bearer ', 'Basic amlhbi1hZG1pbjpkZW1v', `bearer  ${c.apiTokens['jian-admin']}x`, `Bearer ${c.apiTokens['jian-admin']}.x`, `Token ${c.apiTokens['jian-admin']}`, 'Bearer \u00e9', `Bearer ${'a'.repeat(9000)}`]);
  return { family: f, label: `grantRole with Authorization ${JSON.stringify(trunc(auth, 30))}`, op: 'grantRole', user: null, auth, query: Q.grantRole, variables: base('grantRole', c, rng), expect: ['UNAUTHENTICATED', 'BAD_USER_INPUT'] };
};

const genBadPasswords: Generator = (rng, c) => {
  const f: Family = 'bad-passwords';
  const user = rng.pick(['shihu-editor', 'taishang-admin', 'tonghua-viewer', 'platform-admin']);
  const r = rng.int(0, 9);
  if (r <= 3) {
    const old = rng.pick(['wrong', '', 'demo ', ' demo', 'DEMO', 'Demo', 'demo\u0000', 'demo\u200b', 'ｄｅｍｏ', "' OR '1'='1", 'x'.repeat(257)]);
    return gq(f, `changePassword as ${user}: wrong old ${JSON.stringify(trunc(old, 20))}`, 'changePassword', user, { old, new: GOOD_PASSWORD }, ['BAD_USER_INPUT']);
  }
  if (r <= 7) {
    // the right old password, a new one the policy refuses
    const bad = rng.pick(['demo', 'short', '', 'aaaaaaaaaaaa', '\u0000'.repeat(12), '1234567890', 'Password123', `${user}-2024!`, `x${user.toUpperCase()}x1`, 'x'.repeat(257), '字'.repeat(257), '123456789a']);
    return gq(f, `changePassword as ${user}: new ${JSON.stringify(trunc(bad, 20))}`, 'changePassword', user, { old: 'demo', new: bad }, ['BAD_USER_INPUT']);
  }
  if (r === 8) return gq(f, 'changePassword anonymous', 'changePassword', null, { old: 'demo', new: GOOD_PASSWORD }, ['UNAUTHENTICATED']);
  // the genuine activation link of the victim with a password the policy refuses
  const bad = rng.pick(['short', 'aaaaaaaaaaaa', '1234567890', `${VICTIM}2024!!`, `X${VICTIM.toUpperCase()}1`, 'x'.repeat(257), '']);
  return gq(f, `activateAccount (genuine link) password ${JSON.stringify(trunc(bad, 20))}`, 'activateAccount', null, { token: c.victimLink, password: bad }, ['BAD_USER_INPUT']);
};

const genBadIds: Generator = (rng, c) => {
  const f: Family = 'bad-ids';
  const random = rng.chance(0.3);
  const id = random ? (rng.chance(0.3) ? rng.uuid().toUpperCase() : rng.uuid()) : rng.pick(NOT_UUIDS);
  const expect = random ? ['NOT_FOUND'] : ['NOT_FOUND', 'BAD_USER_INPUT'];
  const user = rng.pick(['jian-admin', 'taishang-admin', 'tonghua-admin']);
  const op = rng.pick(['grantRole', 'revokeRole', 'resetPassword', 'disableUser', 'enableUser', 'user'] as const);
  const label = `${op} id=${JSON.stringify(id)}`;
  const org = user === 'taishang-admin' ? TAISHANG : user === 'tonghua-admin' ? CITY : COUNTY;
  switch (op) {
    case 'grantRole': return gq(f, label, op, user, { userId: id, orgCode: org, role: rng.pick(['ADMIN', 'EDITOR', 'VIEWER']) }, expect);
    case 'revokeRole': return gq(f, label, op, user, { userId: id, orgCode: org, role: 'ADMIN', reason: '调岗' }, expect);
    case 'user': return gq(f, label, op, user, { id }, expect);
    case 'disableUser': return gq(f, label, op, user, { userId: id, reason: '离职' }, expect);
    default: return gq(f, label, op, user, { userId: id }, expect);
  }
};

const genBadCursors: Generator = (rng, c) => {
  const f: Family = 'bad-cursors';
  if (rng.chance(0.25)) {
    const first = rng.pick<unknown>([0, -1, 201, 1000, 1_000_000, -(2 ** 31)]);
    return gq(f, `users first=${first}`, 'users', 'jian-admin', { ...base('users', c, rng), first }, ['BAD_USER_INPUT']);
  }
  const genuine = c.usersCursor;
  const [payload, mac] = genuine.split('.');
  const flip = (s: string) => {
    const i = rng.int(0, s.length - 1);
    return s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  };
  const forged = Buffer.from(JSON.stringify(['users', "zzz' OR '1'='1"])).toString('base64url');
  const after = rng.pick([
    '', ' ', '.', 'abc', 'null', '0', '-1', `${payload}`, `${payload}.`, `.${mac}`, `${flip(payload)}.${mac}`, `${payload}.${flip(mac)}`, `${payload}.${mac}x`, `${payload}x.${mac}`,
    `${forged}.${mac}`, `${payload}.${mac}.${mac}`, genuine.toUpperCase(), `${genuine}\u0000`, c.orgsCursor, `${'a'.repeat(1100)}.${mac}`, long(rng, 10_000),
    Buffer.from(JSON.stringify(['users', 'zzz'])).toString('base64'), `${Buffer.from('not json').toString('base64url')}.${mac}`, "' OR 1=1 --", fullWidth(genuine.slice(0, 20)),
  ]);
  return gq(f, `users after=${JSON.stringify(trunc(after, 40))}`, 'users', rng.pick(['jian-admin', 'tonghua-admin']), { orgCode: COUNTY, search: null, first: 5, after }, ['BAD_USER_INPUT']);
};

const genBadEnums: Generator = (rng, c) => {
  const f: Family = 'bad-enums';
  const r = rng.int(0, 9);
  if (r <= 4) {
    const role = rng.pick(BAD_ROLES);
    const op = rng.pick(['grantRole', 'revokeRole'] as const);
    return gq(f, `${op} role=${JSON.stringify(role)}`, op, 'jian-admin', { ...base(op, c, rng), role }, ['BAD_USER_INPUT']);
  }
  if (r <= 6) {
    const lit = rng.pick(['SUPERUSER', 'admin', '"ADMIN"', 'null', '1', 'ADMIN_', '[ADMIN]']);
    return raw(f, `grantRole role literal ${lit}`, 'grantRole', 'jian-admin', `mutation { grantRole(userId: "${c.victim}", orgCode: "${TAISHANG}", role: ${lit}) { id } }`, {},
      ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
  }
  if (r <= 8) {
    const type = rng.pick(['village', 'TOWNSHIP', 'CUNWEIHUI', '', 'VILLAGE ', '村', 'null']);
    return gq(f, `createOrg type=${JSON.stringify(type)}`, 'createOrg', 'taishang-admin', { ...base('createOrg', c, rng), type }, ['BAD_USER_INPUT']);
  }
  // a type of the enum the level does not allow
  const type = rng.pick(['PROVINCE', 'CITY', 'COUNTY', 'XIANG', 'TOWN', 'SUBDISTRICT', 'DEPARTMENT']);
  return gq(f, `createOrg village-level type=${type}`, 'createOrg', 'taishang-admin', { ...base('createOrg', c, rng), type }, ['BAD_USER_INPUT']);
};

const genBadDates: Generator = (rng, c) => {
  const f: Family = 'bad-dates';
  const r = rng.int(0, 9);
  const county = r >= 7;
  const founded = county ? c.founded[COUNTY] : c.founded[TAISHANG];
  const foundedOn = rng.chance(0.8) ? rng.pick(BAD_DATES) : rng.pick([addDays(founded, -1), addDays(founded, -365), addDays(today(), 1), addDays(today(), 400)]);
  const vars = county
    ? { parentCode: COUNTY, code: c.freeTownship, name: '新建镇', type: 'TOWN', foundedOn }
    : { ...base('createOrg', c, rng), foundedOn };
  const as = county ? rng.pick(['jian-admin', 'tonghua-admin']) : rng.pick(['taishang-admin', 'jian-admin']);
  if (rng.chance(0.1)) {
    return raw(f, `createOrg foundedOn literal ${foundedOn}`, 'createOrg', as,
      `mutation { createOrg(parentCode: "${vars.parentCode}", code: "${vars.code}", name: "新建", type: ${vars.type}, foundedOn: ${JSON.stringify(foundedOn)}) { id } }`, {}, ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
  }
  return gq(f, `createOrg under ${vars.parentCode} foundedOn=${JSON.stringify(foundedOn)} as ${as}`, 'createOrg', as, vars, ['BAD_USER_INPUT']);
};

const genBadCodes: Generator = (rng, c) => {
  const f: Family = 'bad-codes';
  const r = rng.int(0, 9);
  if (r <= 4) {
    // new org codes that break the shape: dots, SQL, wildcards, wrong lengths
    const [code, type] = rng.pick<[string, string]>([
      [`${TAISHANG}.201`, 'VILLAGE'], [`${TAISHANG}..1`, 'VILLAGE'], [`.${c.freeVillage}`, 'VILLAGE'], [`${c.freeVillage}.`, 'VILLAGE'], [`${TAISHANG}*`, 'SCHOOL'],
      [`${TAISHANG}'; DROP TABLE org; --`, 'SCHOOL'], [`${TAISHANG}%`, 'SCHOOL'], [`${TAISHANG}_01`, 'VILLAGE'], [`${TAISHANG} 201`, 'VILLAGE'], [`../${c.freeVillage}`, 'VILLAGE'],
      [`${TAISHANG}/201`, 'VILLAGE'], [`${TAISHANG}-201`, 'VILLAGE'], [`${TAISHANG}A01`, 'VILLAGE'], [`${TAISHANG}000`, 'VILLAGE'], [`${TAISHANG}S!`, 'SCHOOL'], [`${c.freeVillage}1`, 'VILLAGE'],
      [c.freeVillage.slice(0, 11), 'VILLAGE'], [`${TAISHANG}s01`, 'SCHOOL'], [`${TAISHANG}1234567`, 'SCHOOL'], [`${TAISHANG}1234`, 'SCHOOL'], [`220582102${c.freeVillage.slice(9)}`, 'VILLAGE'],
      ['220582101\\201', 'VILLAGE'], [`${TAISHANG}ÅB`, 'ENTERPRISE'], [`${TAISHANG}`, 'SCHOOL'], ['*', 'VILLAGE'], ['', 'SCHOOL'],
    ]);
    return gq(f, `createOrg code=${JSON.stringify(code)} type ${type}`, 'createOrg', 'taishang-admin', { ...base('createOrg', c, rng), code, type }, ['BAD_USER_INPUT']);
  }
  if (r <= 6) {
    const parentCode = rng.pick([...SQLISH, `${TAISHANG}.`, `${COUNTY}.${TAISHANG}`, '220000.220500.220582.220582101', 'Top.*', '220582101{1}']);
    return gq(f, `createOrg parentCode=${JSON.stringify(parentCode)}`, 'createOrg', rng.pick(['taishang-admin', 'jian-admin']), { ...base('createOrg', c, rng), parentCode }, ['NOT_FOUND', 'BAD_USER_INPUT']);
  }
  const orgCode = rng.pick([...SQLISH, `${COUNTY}.`, '220000.220500.220582']);
  const op = rng.pick(['createUser', 'grantRole', 'revokeRole', 'users'] as const);
  return gq(f, `${op} orgCode=${JSON.stringify(orgCode)}`, op, 'jian-admin', { ...base(op, c, rng), orgCode }, ['NOT_FOUND', 'BAD_USER_INPUT']);
};

const genEscalation: Generator = (rng, c) => {
  const f: Family = 'escalation';
  const id = (u: string) => c.ids[u];
  const fresh = () => `fuzz-esc-${rng.str(6, 'abcdefghijklmnopqrstuvwxyz')}`;
  const cases: Array<() => Req> = [
    // a township admin reaching up or sideways
    () => gq(f, 'taishang-admin grants itself a role at the county', 'grantRole', 'taishang-admin', { userId: id('taishang-admin'), orgCode: COUNTY, role: rng.pick(['ADMIN', 'EDITOR', 'VIEWER']) }, DENIED),
    () => gq(f, 'taishang-admin grants the victim ADMIN at the county', 'grantRole', 'taishang-admin', { userId: c.victim, orgCode: COUNTY, role: 'ADMIN' }, DENIED),
    () => gq(f, 'taishang-admin grants itself ADMIN at the city', 'grantRole', 'taishang-admin', { userId: id('taishang-admin'), orgCode: CITY, role: 'ADMIN' }, DENIED),
    () => gq(f, 'taishang-admin grants itself ADMIN at another township', 'grantRole', 'taishang-admin', { userId: id('taishang-admin'), orgCode: rng.pick([SHIHU_TOWNSHIP, SHIHU]), role: 'ADMIN' }, DENIED),
    () => gq(f, 'taishang-admin grants jian-admin (not visible) a role at 台上镇', 'grantRole', 'taishang-admin', { userId: id(rng.pick(['jian-admin', 'shihu-editor', 'tonghuaxian-admin'])), orgCode: TAISHANG, role: 'VIEWER' }, DENIED),
    () => gq(f, 'taishang-admin creates a township under the county', 'createOrg', 'taishang-admin', { parentCode: COUNTY, code: c.freeTownship, name: '越权镇', type: 'TOWN', foundedOn: addDays(c.founded[COUNTY], 30) }, DENIED),
    () => gq(f, 'taishang-admin creates a village under another township', 'createOrg', 'taishang-admin', { parentCode: SHIHU_TOWNSHIP, code: `${SHIHU_TOWNSHIP}987`, name: '越权村', type: 'VILLAGE', foundedOn: addDays(c.founded[COUNTY], 400) }, DENIED),
    () => gq(f, 'taishang-admin creates an org in the other county', 'createOrg', 'taishang-admin', { parentCode: rng.pick(c.otherTenantOrgs), code: `${OTHER_COUNTY}987`, name: '越权镇', type: 'TOWN', foundedOn: '2022-01-01' }, DENIED),
    () => gq(f, 'taishang-admin creates a user at the county', 'createUser', 'taishang-admin', { orgCode: COUNTY, username: fresh(), displayName: '越权', phone: null }, DENIED),
    () => gq(f, 'taishang-admin revokes jian-admin\'s ADMIN at the county', 'revokeRole', 'taishang-admin', { userId: id('jian-admin'), orgCode: COUNTY, role: 'ADMIN', reason: '越权' }, DENIED),
    () => gq(f, 'taishang-admin revokes shihu-editor\'s EDITOR at 石湖村', 'revokeRole', 'taishang-admin', { userId: id('shihu-editor'), orgCode: SHIHU, role: 'EDITOR', reason: '越权' }, DENIED),
    () => gq(f, `taishang-admin ${rng.pick(['resets', 'disables', 'enables'])} a user above it`, rng.pick(['resetPassword', 'disableUser', 'enableUser'] as const), 'taishang-admin',
      { userId: id(rng.pick(['jian-admin', 'shihu-editor', 'tonghua-admin', 'platform-admin'])), reason: '越权' }, DENIED),
    () => gq(f, 'taishang-admin lists the county\'s users', 'users', 'taishang-admin', { orgCode: rng.pick([COUNTY, CITY, SHIHU_TOWNSHIP]), search: null, first: 10, after: null }, DENIED),
    () => gq(f, 'taishang-admin reads a user above it', 'user', 'taishang-admin', { id: id(rng.pick(['jian-admin', 'tonghua-admin', 'tonghuaxian-admin', 'platform-admin'])) }, ['NOT_FOUND']),
    // an editor and a viewer doing an admin's work
    () => gq(f, 'shihu-editor grants itself ADMIN', 'grantRole', 'shihu-editor', { userId: id('shihu-editor'), orgCode: rng.pick([SHIHU, SHIHU_TOWNSHIP, COUNTY]), role: rng.pick(['ADMIN', 'EDITOR', 'VIEWER']) }, DENIED),
    () => gq(f, 'shihu-editor grants the victim a role', 'grantRole', 'shihu-editor', { userId: c.victim, orgCode: SHIHU, role: 'VIEWER' }, DENIED),
    () => gq(f, 'shihu-editor creates a user', 'createUser', 'shihu-editor', { orgCode: SHIHU, username: fresh(), displayName: '越权', phone: null }, DENIED),
    () => gq(f, 'shihu-editor creates an org', 'createOrg', 'shihu-editor', { parentCode: rng.pick([SHIHU, SHIHU_TOWNSHIP]), code: `${SHIHU_TOWNSHIP}986`, name: '越权村', type: 'VILLAGE', foundedOn: '2022-01-01' }, [...DENIED, 'BAD_USER_INPUT']),
    () => gq(f, `shihu-editor ${rng.pick(['resets', 'disables', 'enables'])} itself or the admins`, rng.pick(['resetPassword', 'disableUser', 'enableUser'] as const), 'shihu-editor',
      { userId: id(rng.pick(['shihu-editor', 'jian-admin', 'taishang-admin'])), reason: '越权' }, [...DENIED, 'BAD_USER_INPUT']),
    () => gq(f, 'shihu-editor revokes its own role with a role it lacks', 'revokeRole', 'shihu-editor', { userId: id('shihu-editor'), orgCode: SHIHU, role: 'EDITOR', reason: '越权' }, DENIED),
    () => gq(f, 'shihu-editor lists users', 'users', 'shihu-editor', { orgCode: rng.pick([SHIHU, COUNTY]), search: null, first: 10, after: null }, DENIED),
    () => gq(f, 'tonghua-viewer grants itself ADMIN at the city', 'grantRole', 'tonghua-viewer', { userId: id('tonghua-viewer'), orgCode: rng.pick([CITY, COUNTY, OTHER_COUNTY]), role: 'ADMIN' }, DENIED),
    () => gq(f, 'tonghua-viewer creates an org or a user', rng.pick(['createOrg', 'createUser'] as const), 'tonghua-viewer',
      { parentCode: COUNTY, code: c.freeTownship, name: '越权镇', type: 'TOWN', foundedOn: addDays(c.founded[COUNTY], 30), orgCode: COUNTY, username: fresh(), displayName: '越权' }, DENIED),
    // the other county, and the platform operator
    () => gq(f, 'tonghuaxian-admin grants itself ADMIN at 集安市', 'grantRole', 'tonghuaxian-admin', { userId: id('tonghuaxian-admin'), orgCode: rng.pick([COUNTY, TAISHANG, CITY]), role: 'ADMIN' }, DENIED),
    () => gq(f, 'tonghuaxian-admin grants users of 集安市 roles at home', 'grantRole', 'tonghuaxian-admin', { userId: rng.pick([c.victim, id('jian-admin'), id('shihu-editor')]), orgCode: OTHER_COUNTY, role: 'VIEWER' }, DENIED),
    () => gq(f, 'tonghuaxian-admin disables a user of 集安市', rng.pick(['disableUser', 'resetPassword'] as const), 'tonghuaxian-admin', { userId: rng.pick([c.victim, id('jian-admin')]), reason: '越权' }, DENIED),
    () => gq(f, 'tonghuaxian-admin creates an org in 集安市', 'createOrg', 'tonghuaxian-admin', { ...base('createOrg', c, rng) }, DENIED),
    () => gq(f, 'tonghuaxian-admin reads a user of 集安市', 'user', 'tonghuaxian-admin', { id: rng.pick([c.victim, id('jian-admin'), id('taishang-admin')]) }, ['NOT_FOUND']),
    () => gq(f, 'jian-admin grants itself ADMIN at the city', 'grantRole', 'jian-admin', { userId: id('jian-admin'), orgCode: rng.pick([CITY, OTHER_COUNTY]), role: 'ADMIN' }, DENIED),
    () => gq(f, 'jian-admin reaches the city\'s users', rng.pick(['disableUser', 'resetPassword'] as const), 'jian-admin', { userId: id(rng.pick(['tonghua-admin', 'tonghua-viewer', 'tonghuaxian-admin', 'platform-admin'])), reason: '越权' }, DENIED),
    () => gq(f, 'jian-admin creates a county under the city', 'createOrg', 'jian-admin', { parentCode: CITY, code: c.freeCounty, name: '越权县', type: 'COUNTY', foundedOn: '2022-01-01' }, [...DENIED, 'BAD_USER_INPUT']),
    () => gq(f, 'tonghua-admin creates a county through createOrg', 'createOrg', 'tonghua-admin', { parentCode: CITY, code: c.freeCounty, name: '新县', type: 'COUNTY', foundedOn: addDays(c.founded[CITY], 10) }, ['BAD_USER_INPUT']),
    () => gq(f, 'taishang-admin creates an org under one of its villages', 'createOrg', 'taishang-admin', { parentCode: c.takenVillage, code: `${c.takenVillage}S1`, name: '村下组织', type: 'SCHOOL', foundedOn: '2023-01-01' }, ['BAD_USER_INPUT']),
    () => gq(f, 'platform-admin does an admin\'s work', rng.pick(['grantRole', 'createUser', 'createOrg', 'users'] as const), 'platform-admin',
      { userId: id('platform-admin'), orgCode: rng.pick([COUNTY, CITY]), role: 'ADMIN', username: fresh(), displayName: '运维', parentCode: CITY, code: c.freeCounty, name: '运维县', type: 'COUNTY', foundedOn: '2022-01-01', search: null, first: 5, after: null }, DENIED),
    () => gq(f, 'platform-admin resets or disables someone', rng.pick(['resetPassword', 'disableUser', 'enableUser'] as const), 'platform-admin', { userId: rng.pick([c.victim, id('jian-admin')]), reason: '运维' }, DENIED),
    () => gq(f, 'tonghua-admin disables itself', 'disableUser', 'tonghua-admin', { userId: id('tonghua-admin'), reason: '自己' }, ['BAD_USER_INPUT']),
    () => gq(f, 'jian-admin disables itself', 'disableUser', 'jian-admin', { userId: id('jian-admin'), reason: null }, ['BAD_USER_INPUT']),
    () => gq(f, 'an admin revokes a role the victim does not hold', 'revokeRole', rng.pick(['jian-admin', 'taishang-admin']), { userId: c.victim, orgCode: TAISHANG, role: rng.pick(['ADMIN', 'VIEWER']), reason: '无此角色' }, ['NOT_FOUND']),
    () => gq(f, 'an admin creates a user with a taken username', 'createUser', rng.pick(['jian-admin', 'taishang-admin']), { orgCode: TAISHANG, username: rng.pick(['jian-admin', VICTIM, 'platform-admin', 'JIAN-ADMIN', ' jian-admin ']), displayName: '重名', phone: null }, ['CONFLICT']),
    () => gq(f, 'an admin creates an org with a taken code', 'createOrg', 'taishang-admin', { ...base('createOrg', c, rng), code: c.takenVillage }, ['CONFLICT']),
    // anonymous
    () => {
      const op = rng.pick(OPS.filter((o) => o !== 'activateAccount'));
      return gq(f, `anonymous ${op}`, op, null, base(op, c, rng), ['UNAUTHENTICATED']);
    },
  ];
  return rng.pick(cases)();
};

// ---------------------------------------------------------------------------------------------
// onboarding workbooks

const ORG_HEAD = ['代码', '名称', '类型', '上级代码', '成立日期'];
const ADMIN_HEAD = ['用户名', '姓名', '手机号', '组织代码'];
type Rows = unknown[][];

/** A tree for a new county below the city that is right in every way (each file breaks it somewhere). */
function goodTree(c: Ctx): { orgs: Rows; admins: Rows } {
  const cc = c.freeCounty;
  const d = addDays(c.founded[CITY], 30);
  return {
    orgs: [ORG_HEAD, [cc, '新县关工委', '县(市、区)', CITY, d], [`${cc}001`, '新镇关工委', '镇', cc, addDays(d, 1)], [`${cc}001001`, '新村关工委', '村', `${cc}001`, addDays(d, 2)]],
    admins: [ADMIN_HEAD, ['fuzz-county-admin', '新县管理员', '13800001111', cc]],
  };
}

const JUNK: unknown[] = [
  '', ' ', '\u200b', '=1+1', '@SUM(1)', "' OR 1=1 --", '<script>', '../../etc/passwd', -1, 0, 1e308, NaN, true, false, '#N/A', '字'.repeat(3000),
  { formula: 'SUM(1,2)', result: 3 }, { formula: 'NOW()' }, { formula: 'A1&"x"', result: '220599x' }, { error: '#REF!' }, { richText: [{ text: '新' }, { text: '县' }] },
  { text: '220599', hyperlink: 'file:///etc/passwd' }, new Date(Date.UTC(1800, 0, 1)), new Date(Date.UTC(9999, 11, 31)), '2021-02-30', '0000-01-01', '\u0000', '\u001b[31m',
];

async function workbook(sheets: Array<{ name: string; rows: Rows }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((cells, i) => {
      const row = ws.getRow(i + 1);
      cells.forEach((v, j) => {
        if (v !== undefined && v !== null) row.getCell(j + 1).value = v as ExcelJS.CellValue;
      });
    });
  }
  const written = Buffer.from(await wb.xlsx.writeBuffer());
  // Excel's order of the parts (exceljs writes xl/workbook.xml last, which the server reads unreliably)
  const zip = await JSZip.loadAsync(written);
  const order = [/^\[Content_Types\]\.xml$/, /^_rels\//, /^docProps\//, /^xl\/workbook\.xml$/, /^xl\/_rels\//, /^xl\/theme\//, /^xl\/styles\.xml$/, /^xl\/sharedStrings\.xml$/];
  const rank = (n: string) => {
    const i = order.findIndex((re) => re.test(n));
    return i < 0 ? order.length : i;
  };
  const out = new JSZip();
  for (const n of Object.keys(zip.files).filter((x) => !zip.files[x].dir).sort((a, b) => rank(a) - rank(b))) out.file(n, await zip.files[n].async('nodebuffer'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
const file = (content: Buffer, name = 'onboarding.xlsx'): Upload => ({ files: [{ name, content }] });
const sheetsOf = (t: { orgs: Rows; admins: Rows }) => [{ name: '组织', rows: t.orgs }, { name: '管理员', rows: t.admins }];

const genOnboarding: Generator = (rng, c) => {
  const f: Family = 'onboarding';
  const who = rng.pick(['platform-admin', 'platform-admin', 'tonghua-admin']);
  const dryRun = rng.chance(0.8);
  const qs = `parentCode=${CITY}&dryRun=${dryRun}`;
  const req = (label: string, body: () => Promise<Upload>, opts: { user?: string | null; auth?: string; qs?: string; expect?: string[] } = {}): Req => ({
    family: f, label: `${label}${(opts.qs ?? qs).includes('dryRun=false') ? ' (dryRun=false)' : ''}`, op: 'onboarding', user: opts.user === undefined ? who : opts.user, auth: opts.auth,
    onboarding: { qs: opts.qs ?? qs, body, dryRun: !(opts.qs ?? qs).includes('dryRun=false') }, expect: opts.expect,
  });
  const seed = rng.int(0, 2 ** 30);
  switch (rng.int(0, 19)) {
    case 0:
    case 1: {
      // garbage cells over a good tree, and always the county's type broken
      return req('garbage cells', async () => {
        const r = new Rng(seed);
        const t = goodTree(c);
        t.orgs[1][2] = r.pick(['县', '县级', 'COUNTY ', '', '直辖市']) === '县' ? '乡镇' : '直辖市';
        for (let i = 0; i < r.int(3, 25); i++) {
          const rows = r.chance(0.6) ? t.orgs : t.admins;
          const y = r.int(1, rows.length + 2);
          rows[y] ??= [];
          rows[y][r.int(0, 6)] = r.pick(JUNK);
        }
        for (let y = 0; y < t.orgs.length; y++) t.orgs[y] ??= [];
        for (let y = 0; y < t.admins.length; y++) t.admins[y] ??= [];
        return file(await workbook(sheetsOf(t)));
      });
    }
    case 2:
      return req('5000 rows of junk', async () => {
        const r = new Rng(seed);
        const junk = (n: number) => Array.from({ length: n }, () => [r.str(r.int(1, 12)), r.pick(JUNK), r.str(3), r.pick([CITY, r.str(6, '0123456789')]), r.pick(JUNK)]);
        return file(await workbook([{ name: '组织', rows: [ORG_HEAD, ...junk(5000)] }, { name: '管理员', rows: [ADMIN_HEAD, ...junk(r.int(1, 300)).map((x) => x.slice(0, 4))] }]));
      });
    case 3:
    case 4:
      return req('a cycle below the county', async () => {
        const t = goodTree(c);
        const cc = c.freeCounty;
        t.orgs.push([`${cc}002`, '甲镇', '镇', `${cc}003`, addDays(c.founded[CITY], 40)], [`${cc}003`, '乙镇', '镇', `${cc}002`, addDays(c.founded[CITY], 40)]);
        if (seed % 2) t.orgs.push([`${cc}004`, '丙镇', '镇', `${cc}004`, addDays(c.founded[CITY], 40)]);
        return file(await workbook(sheetsOf(t)));
      });
    case 5:
      return req('the county its own parent, no root', async () => {
        const t = goodTree(c);
        t.orgs[1][3] = c.freeCounty;
        return file(await workbook(sheetsOf(t)));
      });
    case 6:
    case 7:
      return req('duplicate codes', async () => {
        const t = goodTree(c);
        const r = new Rng(seed);
        t.orgs.push([...(t.orgs[r.int(1, 3)] as unknown[])]);
        if (r.chance(0.5)) t.admins.push([...(t.admins[1] as unknown[])]);
        if (r.chance(0.3)) t.orgs.push([c.freeCounty, '第二个县', '县(市、区)', CITY, addDays(c.founded[CITY], 30)]);
        return file(await workbook(sheetsOf(t)));
      });
    case 8:
      return req('formulas in the cells', async () => {
        const t = goodTree(c);
        const r = new Rng(seed);
        t.orgs[1][0] = { formula: `"${c.freeCounty}"`, result: c.freeCounty };
        t.orgs[2][4] = r.pick([{ formula: 'TODAY()' }, { formula: 'DATE(2021,2,30)', result: '2021-02-30' }, { formula: '1/0', result: { error: '#DIV/0!' } }]);
        t.admins[1][0] = { formula: 'A1&"x"' };
        return file(await workbook(sheetsOf(t)));
      });
    case 9:
      return req('wrong sheet names', async () => {
        const t = goodTree(c);
        const r = new Rng(seed);
        const names = r.pick<[string, string]>([['Sheet1', 'Sheet2'], ['组织', '管理員'], ['组 织', '管理员'], ['管理员', '组织'], ['ORG', 'ADMIN'], ['组织架构', '管理员名单']]);
        const sheets = names[0] === '管理员' ? [{ name: '管理员', rows: t.orgs }, { name: '组织', rows: t.admins }] : [{ name: names[0], rows: t.orgs }, { name: names[1], rows: t.admins }];
        return file(await workbook(sheets));
      });
    case 10:
      return req('headers missing or renamed', async () => {
        const t = goodTree(c);
        const r = new Rng(seed);
        if (r.chance(0.5)) t.orgs[0] = ['代码', '名称', '类别', '上级', '日期'];
        else t.orgs.shift();
        if (r.chance(0.5)) t.admins[0] = ['username', '姓名'];
        return file(await workbook(sheetsOf(t)));
      });
    case 11:
      return req('taken codes and usernames', async () => {
        const t = goodTree(c);
        const r = new Rng(seed);
        if (r.chance(0.5)) t.orgs[1][0] = COUNTY;
        t.admins.push([r.pick(['jian-admin', VICTIM, 'platform-admin']), '重名', null, c.freeCounty]);
        return file(await workbook(sheetsOf(t)));
      });
    case 12:
      return req('impossible dates', async () => {
        const t = goodTree(c);
        const r = new Rng(seed);
        t.orgs[r.int(1, 3)][4] = r.pick(['2021-02-30', '0000-01-01', '2999-12-31', new Date(Date.UTC(9999, 0, 1)), '1800-01-01', addDays(today(), 3), '昨天', '']);
        return file(await workbook(sheetsOf(t)));
      });
    case 13:
      return req('bad admins', async () => {
        const t = goodTree(c);
        const r = new Rng(seed);
        t.admins[1] = [r.pick(['', 'A', 'JI AN', 'fuzz\u0000x', '管理员', fullWidth('fuzzadmin'), `u${'a'.repeat(60)}`]), r.pick(['', '名'.repeat(51), '新县管理员']),
          r.pick(['phone', '１３８００００１１１１', '138\n0000', '1'.repeat(30), null]), r.pick([c.freeCounty, '', COUNTY, `${c.freeCounty}999`])];
        if (t.admins[1][0] === '' || t.admins[1][1] === '' || t.admins[1][2] === null) t.admins[1][3] = COUNTY;
        return file(await workbook(sheetsOf(t)));
      });
    case 14:
      return req('a CSV', async () => file(Buffer.from(`代码,名称,类型,上级代码,成立日期\n${c.freeCounty},新县,县(市、区),${CITY},2022-01-01\n`), rng.pick(['onboarding.csv', 'onboarding.xlsx'])));
    case 15:
      return req('not a workbook', async () => {
        const r = new Rng(seed);
        const content = r.pick([Buffer.alloc(0), r.bytes(r.int(1, 5000)), Buffer.from('PK\u0003\u0004junk'), await new JSZip().file('hello.txt', 'hi').generateAsync({ type: 'nodebuffer' })]);
        return file(content, r.pick(['onboarding.xlsx', 'x.xls', '', '../../x.xlsx']));
      });
    case 16: {
      // bodies that are no multipart upload
      const bodies: Array<{ contentType?: string; body: string | Buffer | null }> = [
        { body: null }, { contentType: 'multipart/form-data', body: '' }, { contentType: 'multipart/form-data; boundary=xyz', body: '--xyz\r\ncut short' },
        { contentType: 'application/json', body: '{"file":"x"}' }, { contentType: 'text/plain', body: 'hello' }, { contentType: 'text/csv', body: '代码,名称\n1,2' },
        { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from('PK') }, { contentType: 'multipart/form-data; boundary=xyz', body: '--xyz--\r\n' },
      ];
      const b = rng.pick(bodies);
      return req(`raw body ${b.contentType ?? 'no content-type'} (${b.body === null ? 0 : b.body.length} bytes)`, async () => ({ raw: b }));
    }
    case 17: {
      // a good-looking file with a bad query string
      const q = rng.pick(['', 'dryRun=true', `parentCode=&dryRun=true`, `parentCode=${CITY}&dryRun=yes`, `parentCode=${CITY}&dryRun=1`, `parentCode=${CITY}&dryRun=TRUE`,
        `parentCode=${COUNTY}&dryRun=true`, `parentCode=${SHIHU}&dryRun=true`, `parentCode=999999&dryRun=true`, `parentCode=${encodeURIComponent("220500' OR '1'='1")}&dryRun=true`,
        `parentCode=${'9'.repeat(10_000)}&dryRun=true`, `parentCode=${CITY}&parentCode=${COUNTY}&dryRun=true`, `parentCode=%00&dryRun=true`, `parentCode=${encodeURIComponent('220000.220500')}&dryRun=true`]);
      return req(`query ${JSON.stringify(trunc(q, 60))}`, async () => {
        const t = goodTree(c);
        t.orgs[1][2] = '乡';
        return file(await workbook(sheetsOf(t)));
      }, { qs: q });
    }
    case 18: {
      // the wrong users
      const user = rng.pick([null, 'jian-admin', 'taishang-admin', 'shihu-editor', 'tonghua-viewer', 'tonghuaxian-admin']);
      const auth = user === null ? rng.pick([undefined, 'Bearer nonsense', `Bearer ${c.victimLink}`]) : undefined;
      return req(`as ${user ?? `anonymous, Authorization ${auth ?? 'none'}`}`, async () => {
        const t = goodTree(c);
        t.orgs[3][2] = '县(市、区)';
        return file(await workbook(sheetsOf(t)));
      }, { user, auth, qs: `parentCode=${rng.pick([CITY, COUNTY, '220000'])}&dryRun=${rng.pick(['true', 'false'])}` });
    }
    default:
      return req('a second file, extra fields', async () => {
        const t = goodTree(c);
        t.orgs[2][1] = '';
        const content = await workbook(sheetsOf(t));
        return { files: [{ name: 'a.xlsx', content }, { name: 'b.xlsx', content, field: rng.pick(['file', 'other']) }] };
      });
  }
};

const GENERATORS: Record<Family, Generator> = {
  'wrong-types': genWrongTypes,
  'missing-args': genMissing,
  'overlong-strings': genOverlong,
  'control-chars': genControl,
  'unicode-oddities': genUnicode,
  'bad-tokens': genBadTokens,
  'bad-passwords': genBadPasswords,
  'bad-ids': genBadIds,
  'bad-cursors': genBadCursors,
  'bad-enums': genBadEnums,
  'bad-dates': genBadDates,
  'bad-codes': genBadCodes,
  'escalation': genEscalation,
  'onboarding': genOnboarding,
};

// ---------------------------------------------------------------------------------------------
// the campaign

interface Answer {
  status: number;
  body: any;
}

/** Every string a request sent (a message may echo them: that is no leak). */
function sentStrings(r: Req): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(r.variables ?? {});
  if (r.query) out.push(...[...r.query.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]));
  if (r.onboarding) out.push(...r.onboarding.qs.split('&').map((p) => decodeURIComponent(p.split('=')[1] ?? '')));
  return out.filter((s) => s.length >= 2).flatMap((s) => [s, s.toLowerCase(), s.trim().toLowerCase(), JSON.stringify(s).slice(1, -1)]).sort((a, b) => b.length - a.length);
}
function leakIn(message: string, sent: string[]): string | null {
  let m = message;
  for (const s of sent) if (s.length >= 2) m = m.split(s).join('');
  const hit = LEAK.exec(m);
  return hit ? hit[0] : null;
}

describe('fuzz: bad inputs to user, role, password and org administration, and onboarding', () => {
  let api: TestApi;
  let ctx: Ctx;
  let total = 0;
  const sent: Record<string, number> = {};
  const byOp: Record<string, number> = {};
  const codeCounts: Record<string, Record<string, number>> = {};
  const failures: Array<{ family: string; check: string; detail: string; request: string; response: string }> = [];
  const successes: Array<{ family: string; request: string; response: string }> = [];
  let before: Record<string, unknown>;
  let after: Record<string, unknown>;
  let elapsed = 0;

  const owner = (sql: string, params: unknown[] = []): Promise<any[]> => api.db.dataSource.query(sql, params);

  async function snapshot(): Promise<Record<string, unknown>> {
    const [row] = await owner(`
      SELECT (SELECT md5(string_agg(id::text || '|' || username || '|' || disabled::text || '|' || token_version::text || '|' || coalesce(password_hash, ''), ',' ORDER BY id)) FROM app_user) AS users,
             (SELECT md5(string_agg(user_id::text || '|' || org_id::text || '|' || role, ',' ORDER BY user_id, org_id, role)) FROM role_assignment) AS roles,
             (SELECT md5(string_agg(id::text || '|' || path::text || '|' || name, ',' ORDER BY id)) FROM org) AS orgs,
             (SELECT count(*)::int FROM app_user) AS user_count, (SELECT count(*)::int FROM role_assignment) AS role_count, (SELECT count(*)::int FROM org) AS org_count,
             (SELECT count(*)::int FROM assessment_criterion) AS criteria, (SELECT count(*)::int FROM audit_event) AS audit`);
    return row;
  }

  async function stuckConnections(): Promise<Array<{ state: string; query: string }>> {
    let rows: Array<{ state: string; query: string }> = [];
    for (let i = 0; i < 40; i++) {
      rows = await owner(`SELECT state, left(query, 120) AS query FROM pg_stat_activity
        WHERE usename = 'ggw_app' AND datname = current_database() AND state LIKE 'idle in transaction%'`);
      if (!rows.length) return rows;
      await new Promise((r) => setTimeout(r, 50));
    }
    return rows;
  }

  async function gqlRaw(query: string, variables: Record<string, unknown>, auth: string | undefined): Promise<Answer> {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth !== undefined ? { authorization: auth } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      return { status: res.status, body: text };
    }
  }

  async function setup(): Promise<Ctx> {
    const ids: Record<string, string> = {};
    const versions: Record<string, number> = {};
    const apiTokens: Record<string, string> = {};
    for (const u of USERS) apiTokens[u] = await api.login(u);
    // the victim: a user of 台上镇 (managed by its admin and the county's), EDITOR there, not yet activated
    const created = await gqlRaw(Q.createUser, { orgCode: TAISHANG, username: VICTIM, displayName: '受测用户', phone: null }, `Bearer ${apiTokens['jian-admin']}`);
    if (created.body.errors) throw new Error(`setup: createUser failed: ${JSON.stringify(created.body.errors)}`);
    const victim = created.body.data.createUser.user.id as string;
    const victimLink = created.body.data.createUser.link.token as string;
    const granted = await gqlRaw(Q.grantRole, { userId: victim, orgCode: TAISHANG, role: 'EDITOR' }, `Bearer ${apiTokens['jian-admin']}`);
    if (granted.body.errors) throw new Error(`setup: grantRole failed: ${JSON.stringify(granted.body.errors)}`);
    for (const row of await owner(`SELECT id, username, token_version FROM app_user`)) {
      ids[row.username] = row.id;
      versions[row.username] = Number(row.token_version);
    }
    const founded: Record<string, string> = {};
    for (const row of await owner(`SELECT code, founded_on::text AS f FROM org WHERE code = ANY($1)`, [[COUNTY, TAISHANG, CITY, SHIHU_TOWNSHIP]])) founded[row.code] = row.f;
    const taken = new Set<string>((await owner(`SELECT code FROM org`)).map((r) => r.code as string));
    const free = (prefix: string, digits: number) => {
      for (let i = 987; i > 0; i--) {
        const code = `${prefix}${String(i).padStart(digits, '0')}`;
        if (!taken.has(code)) return code;
      }
      throw new Error(`setup: no free code under ${prefix}`);
    };
    const [takenVillage] = await owner(`SELECT o.code FROM org o JOIN org p ON p.id = o.parent_id WHERE p.code = $1 ORDER BY o.code LIMIT 1`, [TAISHANG]);
    const otherTenantOrgs = (await owner(`SELECT code FROM org WHERE path <@ (SELECT path FROM org WHERE code = $1) ORDER BY path LIMIT 3`, [OTHER_COUNTY])).map((r) => r.code as string);
    const freeCounty = (() => {
      for (let i = 99; i > 0; i--) {
        const code = `2205${String(i).padStart(2, '0')}`;
        if (!taken.has(code)) return code;
      }
      throw new Error('setup: no free county code');
    })();
    const users = await gqlRaw(`{ users(orgCode: "${COUNTY}", first: 1) { pageInfo { endCursor } } orgs(first: 1) { pageInfo { endCursor } } }`, {}, `Bearer ${apiTokens['jian-admin']}`);
    if (users.body.errors) throw new Error(`setup: users failed: ${JSON.stringify(users.body.errors)}`);
    const c: Ctx = {
      ids, versions, victim, victimLink, founded, apiTokens, freeCounty, otherTenantOrgs,
      freeVillage: free(TAISHANG, 3),
      takenVillage: takenVillage.code,
      freeTownship: free(COUNTY, 3),
      foreignVillageCode: SHIHU,
      usersCursor: users.body.data.users.pageInfo.endCursor,
      orgsCursor: users.body.data.orgs.pageInfo.endCursor,
      badLinks: await makeBadLinks(ids, versions, victim),
    };
    console.log(`setup: victim ${victim}; free village ${c.freeVillage}, township ${c.freeTownship}, county ${c.freeCounty}; taken village ${c.takenVillage}; founded ${JSON.stringify(founded)}; ${c.badLinks.length} bad links`);
    return c;
  }

  function describeReq(r: Req): string {
    const who = r.auth !== undefined ? `Authorization ${JSON.stringify(trunc(r.auth, 40))}` : `as ${r.user ?? 'anonymous'}`;
    if (r.onboarding) return `[${r.family}: ${trunc(r.label, 200)}] POST /onboarding?${trunc(r.onboarding.qs, 100)} ${who}`;
    return `[${r.family}: ${trunc(r.label, 200)}] ${who} query=${trunc(r.query ?? '', 300)} variables=${trunc(JSON.stringify(r.variables), 300)}`;
  }

  function judge(r: Req, a: Answer | Error): void {
    if (DUMP) {
      const answer = a instanceof Error ? a.message : { status: a.status, body: trunc(JSON.stringify(a.body), 600) };
      appendFileSync(DUMP, `${JSON.stringify({ family: r.family, label: r.label, user: r.user, variables: trunc(JSON.stringify(r.variables ?? r.onboarding?.qs), 400), answer })}\n`);
    }
    total++;
    sent[r.family] = (sent[r.family] ?? 0) + 1;
    byOp[r.op] = (byOp[r.op] ?? 0) + 1;
    const counts = (codeCounts[r.family] ??= {});
    const count = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
    const request = describeReq(r);
    if (a instanceof Error) {
      count('NO_ANSWER');
      failures.push({ family: r.family, check: 'no-answer', detail: a.message, request, response: '' });
      return;
    }
    const response = `${a.status}: ${trunc(typeof a.body === 'string' ? a.body : JSON.stringify(a.body), 600)}`;
    const fail = (check: string, detail: string) => failures.push({ family: r.family, check, detail, request, response });
    const echoed = sentStrings(r);
    if (a.status >= 500) fail('http-5xx', `HTTP ${a.status}`);
    if (!a.body || typeof a.body !== 'object' || Array.isArray(a.body)) {
      count(`HTTP${a.status}`);
      fail('not-json', 'the answer is not a JSON object');
      return;
    }
    if (r.onboarding) {
      if (a.status === 200) {
        count(`200:${a.body.status}`);
        if (a.body.status === 'IMPORTED') fail('imported', 'a bad workbook was imported');
        else if (a.body.status !== 'REJECTED') fail('not-rejected', `a bad workbook answered ${JSON.stringify(a.body.status)} (expected REJECTED)`);
        if (!Array.isArray(a.body.problems) || (a.body.status === 'REJECTED' && !a.body.problems.length)) fail('shape', 'problems missing or empty');
        for (const p of (Array.isArray(a.body.problems) ? a.body.problems : []).slice(0, 2000)) {
          const hit = typeof p?.message === 'string' ? leakIn(p.message, echoed) : 'no message';
          if (hit) fail('leak', `problem ${trunc(JSON.stringify(p), 200)}: ${hit}`);
        }
        if (Array.isArray(a.body.activations) && a.body.activations.length) fail('imported', 'activation links handed out');
        return;
      }
      const code = String(a.body.code ?? 'NO_CODE');
      count(`${a.status}:${code}`);
      if (code === 'INTERNAL_SERVER_ERROR') fail('internal-error', 'code INTERNAL_SERVER_ERROR');
      else if (!ALLOWED_CODES.has(code)) fail('error-code', `code ${code} outside the allowed set`);
      if (r.expect && !r.expect.includes(code)) fail('unexpected-code', `expected ${r.expect.join('/')}, got ${code}`);
      const hit = typeof a.body.message === 'string' ? leakIn(a.body.message, echoed) : null;
      if (hit) fail('leak', `message with ${hit}: ${trunc(a.body.message, 200)}`);
      return;
    }
    const errors: Array<{ message: string; extensions?: Record<string, any> }> = Array.isArray(a.body.errors) ? a.body.errors : [];
    const codes = errors.map((e) => String(e.extensions?.code ?? 'NO_CODE'));
    for (const code of codes.length ? [...new Set(codes)] : ['SUCCEEDED']) count(code);
    if (!errors.length) {
      if (!r.mayPass) {
        successes.push({ family: r.family, request, response });
        fail('succeeded', 'a bad request succeeded');
      }
      return;
    }
    if (codes.includes('INTERNAL_SERVER_ERROR')) fail('internal-error', 'extensions.code INTERNAL_SERVER_ERROR');
    const unknown = codes.filter((code) => code !== 'INTERNAL_SERVER_ERROR' && !ALLOWED_CODES.has(code));
    if (unknown.length) fail('error-code', `codes outside the allowed set: ${[...new Set(unknown)].join(', ')}`);
    for (const e of errors) {
      const hit = leakIn(String(e.message), echoed);
      if (hit) fail('leak', `message with ${hit}: ${trunc(String(e.message), 200)}`);
      if (e.extensions?.stacktrace || e.extensions?.exception) fail('leak', 'extensions.stacktrace present');
    }
    if (r.expect && codes.some((code) => !r.expect!.includes(code))) fail('unexpected-code', `expected ${r.expect.join('/')}, got ${codes.join(', ')}`);
    if (a.body.data && Object.values(a.body.data).some((v) => v !== null)) fail('partial-data', `data beside the errors: ${trunc(JSON.stringify(a.body.data), 200)}`);
  }

  async function send(r: Req): Promise<Answer | Error> {
    const auth = r.auth !== undefined ? r.auth : r.user ? `Bearer ${ctx.apiTokens[r.user]}` : undefined;
    try {
      if (!r.onboarding) return await gqlRaw(r.query!, r.variables ?? {}, auth);
      const upload = await r.onboarding.body();
      const headers: Record<string, string> = auth !== undefined ? { authorization: auth } : {};
      let body: FormData | Buffer | string | undefined;
      if (upload.raw) {
        if (upload.raw.contentType) headers['content-type'] = upload.raw.contentType;
        body = upload.raw.body ?? undefined;
      } else {
        const form = new FormData();
        for (const f of upload.files ?? []) form.append(f.field ?? 'file', new Blob([new Uint8Array(f.content)]), f.name);
        body = form;
      }
      const res = await fetch(`${api.url}/onboarding?${r.onboarding.qs}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(60_000) });
      const text = await res.text();
      try {
        return { status: res.status, body: JSON.parse(text) };
      } catch {
        return { status: res.status, body: text };
      }
    } catch (error) {
      return error as Error;
    }
  }

  beforeAll(async () => {
    if (DUMP) writeFileSync(DUMP, '');
    api = await startTestApi({ reference: true });
    ctx = await setup();
    before = await snapshot();

    const started = Date.now();
    const requests: Req[] = [];
    for (const family of FAMILIES) {
      const rng = new Rng(SEED ^ hashString(family));
      const n = Math.ceil(REQUESTS_PER_FAMILY[family] * SCALE);
      for (let i = 0; i < n; i++) requests.push(GENERATORS[family](rng, ctx));
    }
    await forEachConcurrently(requests, CONCURRENCY, async (r) => judge(r, await send(r)));
    elapsed = Date.now() - started;
    after = await snapshot();

    const lines = [`bad admin inputs: ${total} requests in ${elapsed} ms (seed ${SEED}), ${successes.length} succeeded, ${failures.length} failed checks`];
    for (const family of FAMILIES) {
      const counts = Object.entries(codeCounts[family] ?? {}).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(' ');
      lines.push(`  ${family.padEnd(17)} sent=${String(sent[family] ?? 0).padStart(4)}  ${counts}`);
    }
    lines.push(`  by operation: ${Object.entries(byOp).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    console.log(lines.join('\n'));
  }, 300_000);

  afterAll(async () => {
    if (api) await api.close();
  }, 30_000);

  it('sends at least 800 bad requests, to every operation of the surface', () => {
    expect(total).toBeGreaterThanOrEqual(Math.floor(800 * SCALE));
    if (SCALE >= 1) expect([...OPS, 'onboarding'].filter((o) => !byOp[o])).toEqual([]);
  });

  it('no bad request succeeds', () => {
    const shown = successes.slice(0, 8).map((s) => `[${s.family}] ${s.request}\n      response: ${s.response}`);
    expect({ succeeded: successes.length, examples: shown }).toEqual({ succeeded: 0, examples: [] });
  });

  it.each(FAMILIES.map((f) => [f]))('%s: no 5xx, only coded errors of the allowed set (the expected one where known), no SQL or stack in a message', (family) => {
    const report = failureReport(family, failures.filter((x) => x.family === family && x.check !== 'succeeded'), 3);
    expect({ family, sent: sent[family] ?? 0, failures: report }).toEqual({ family, sent: sent[family] ?? 0, failures: [] });
  });

  it('users, roles and orgs are as they were (nothing written by a bad request)', () => {
    expect(after).toEqual(before);
  });

  it('no connection of the application is left idle in a transaction', async () => {
    expect(await stuckConnections()).toEqual([]);
  });

  it('the victim\'s activation link survived the campaign and works once', async () => {
    const ok = await gqlRaw(Q.activateAccount, { token: ctx.victimLink, password: GOOD_PASSWORD }, undefined);
    expect(ok.body.errors).toBeUndefined();
    expect(typeof ok.body.data.activateAccount.token).toBe('string');
    const again = await gqlRaw(Q.activateAccount, { token: ctx.victimLink, password: `${GOOD_PASSWORD}x` }, undefined);
    expect(again.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
