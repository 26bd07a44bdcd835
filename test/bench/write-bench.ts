/**
 * Write benchmark over HTTP: a synthetic province in a fresh embedded PostgreSQL (loaded with
 * the roll-up triggers on), the real API server in this process, and N concurrent clients in a
 * client process (write-client.ts), each an EDITOR at a different village of one county, each
 * sending single-record mutations (createVolunteer / createActivity / createDonation in turn)
 * back to back for BENCH_SECONDS. For each N prints writes/s, p50/p95/p99 latency (of the
 * successful writes), errors, deadlocks (pg_stat_database) and lock waits (pg_stat_activity and
 * pg_locks sampled every 100 ms from an owner connection); at the end checks that the
 * county's and the province's roll-ups (read through the API, from the aggregates) still equal
 * the records.
 *
 *   pnpm bench:write                                       # N = 1, 8, 32 for 20 s each
 *   BENCH_SECONDS=10 BENCH_CLIENTS=1,32 pnpm bench:write   # shorter
 *   BENCH_POOL=20 pnpm bench:write                         # the server's pool (default 10)
 *   BENCH_MUTATIONS=volunteer,activity                     # which creates to rotate through (default all three)
 *   BENCH_CITIES=1 BENCH_COUNTIES=3                        # the province's size (the defaults)
 *   BENCH_PG_SETTINGS=commit_delay=200,commit_siblings=4   # PostgreSQL settings to compare
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import pino from 'pino';
import { Client } from 'pg';
import { hashPassword } from '@ggw/authz';
import { createServer } from '@ggw/api';
import { createDataSource } from '@ggw/db';
import { percentile } from './bench-util';
import { countyCode, PROVINCE_CODE, startBenchProvince } from './synthetic-province';

const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const WRITERS = 32;
const WRITER_PASSWORD = 'writer-password';
const COUNTY = countyCode(0, 0);
const RECORD_TABLES = ['volunteer', 'activity', 'donation'];

interface ClientResult {
  perClient: Array<{ ms: number[]; failed: boolean[] }>;
  elapsedMs: number;
  errorMessages: string[];
  statements: Record<string, number>;
  /** the client process's CPU time */
  cpuMs: number;
}

/** Busy and total jiffies of the whole machine (/proc/stat), to tell the CPU spent by PostgreSQL from the two Node processes'. */
function machineCpu(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + (f[4] ?? 0);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Runs write-client.js in a child process. */
function runWriteClients(input: { endpoint: string; clients: Array<{ token: string; orgCode: string }>; seconds: number; kinds: string[] }): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('./write-client.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`write client exited with ${code}`))));
    child.stdin.end(JSON.stringify(input));
  });
}

interface LockSample {
  waiting: number;
  active: number;
  locks: Array<{ locktype: string; rel: string | null; mode: string; n: number }>;
  /** the waiting sessions' statements (their start), by what they wait on */
  waiters: Array<{ ev: string; q: string; n: number }>;
  /** the active sessions' statements (their start): where PostgreSQL spends its time */
  running: Array<{ q: string; n: number }>;
}

/**
 * Samples, every `everyMs` until stopped, from its own owner connection: sessions of the
 * database waiting on a heavyweight lock and active ones (this session left out), and the
 * ungranted locks by type, relation and mode.
 */
function startLockSampler(db: Client, everyMs = 100) {
  const samples: LockSample[] = [];
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const t0 = Date.now();
      const [row] = (
        await db.query(`
          SELECT a.waiting, a.active, l.locks, w.waiters, r.running
            FROM (SELECT count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS waiting, count(*) FILTER (WHERE state = 'active')::int AS active
                    FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) a,
                 (SELECT coalesce(json_agg(x), '[]') AS locks
                    FROM (SELECT locktype, relation::regclass::text AS rel, mode, count(*)::int AS n FROM pg_locks
                           WHERE NOT granted GROUP BY 1, 2, 3
                          UNION ALL
                          -- a row lock wait shows as a wait on the holder's transaction id; the
                          -- row's relation is in the tuple lock the waiter took (granted) first
                          SELECT 'row of', relation::regclass::text, 'waited for (tuple lock held by the waiter)', count(*)::int FROM pg_locks
                           WHERE locktype = 'tuple' AND granted AND pid IN (SELECT pid FROM pg_locks WHERE NOT granted) GROUP BY 2) x) l,
                 (SELECT coalesce(json_agg(y), '[]') AS waiters
                    FROM (SELECT wait_event AS ev, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS q, count(*)::int AS n FROM pg_stat_activity
                           WHERE datname = current_database() AND wait_event_type = 'Lock' GROUP BY 1, 2) y) w,
                 (SELECT coalesce(json_agg(z), '[]') AS running
                    FROM (SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS q, count(*)::int AS n FROM pg_stat_activity
                           WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() GROUP BY 1) z) r`)
      ).rows as LockSample[];
      samples.push(row);
      await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - t0))));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
      return samples;
    },
  };
}

async function one<T>(db: Client, sql: string, params: unknown[] = []): Promise<T> {
  return (await db.query(sql, params)).rows[0] as T;
}

async function gql(endpoint: string, query: string, token?: string) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
  if (res.status !== 200 || body.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

const login = async (endpoint: string, username: string, password: string): Promise<string> =>
  (await gql(endpoint, `mutation { login(username: "${username}", password: "${password}") { token } }`)).login.token;

/** The server as rollup-bench's measure() starts it, with errors it logs collected rather than printed. */
async function startApi(appUrl: string, poolSize: number) {
  const logged: string[] = [];
  let loggedCount = 0;
  const logger = pino({ level: 'error' }, {
    write: (line: string) => {
      loggedCount++;
      let m = line;
      try {
        const o = JSON.parse(line) as { msg?: string; err?: { message?: string; code?: string } };
        m = `${o.msg ?? ''}: ${o.err?.code ? `[${o.err.code}] ` : ''}${o.err?.message ?? ''}`;
      } catch {
        // not JSON: keep the line
      }
      if (logged.length < 8 && !logged.includes(m)) logged.push(m);
    },
  });
  const dataSource = createDataSource({ url: appUrl, poolSize });
  await dataSource.initialize();
  const server = await createServer({ dataSource, logger, graphiql: false, introspection: false, exposeSqlStats: true, jwtSecret: SECRET,
    // the per-user rate limit and in-flight cap would be what we measured
    limits: { ratePerMinute: 1e9, rateBurst: 1e9, maxConcurrent: 1000 } });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const endpoint = `http://127.0.0.1:${(server.server.address() as { port: number }).port}/graphql`;
  return {
    endpoint,
    errors: () => ({ count: loggedCount, messages: logged }),
    close: async () => {
      await server.close();
      await dataSource.destroy();
    },
  };
}

const countyRecordCounts = async (db: Client): Promise<number> => {
  const parts = RECORD_TABLES.map((t) => `(SELECT count(*) FROM ${t} r JOIN s ON s.tenant_id = r.tenant_id AND s.id = r.org_id)`);
  const r = await one<{ n: string }>(db, `WITH s AS (SELECT o.tenant_id, o.id FROM org o WHERE o.path <@ (SELECT path FROM org WHERE code = $1))
    SELECT (${parts.join(' + ')})::text AS n`, [COUNTY]);
  return Number(r.n);
};

const deadlocks = async (db: Client) => Number((await one<{ n: string }>(db, `SELECT deadlocks::text AS n FROM pg_stat_database WHERE datname = current_database()`)).n);

async function runN(url: string, appUrl: string, owner: Client, writers: Array<{ username: string; orgCode: string }>, n: number, seconds: number, poolSize: number, kinds: string[]) {
  const api = await startApi(appUrl, poolSize);
  let samples: LockSample[] = [];
  let result!: ClientResult;
  let deadlocksBefore!: number;
  let rowsBefore!: number;
  let serverCpuMs = 0;
  let machineBusy = 0;
  try {
    const clients = [];
    for (const w of writers.slice(0, n)) clients.push({ token: await login(api.endpoint, w.username, WRITER_PASSWORD), orgCode: w.orgCode });
    deadlocksBefore = await deadlocks(owner);
    rowsBefore = await countyRecordCounts(owner);
    // the sampler has a connection of its own: the owner connection above stays free
    const sampleDb = new Client({ connectionString: url });
    await sampleDb.connect();
    const sampler = startLockSampler(sampleDb);
    const [cpu0, machine0] = [process.cpuUsage(), machineCpu()];
    try {
      result = await runWriteClients({ endpoint: api.endpoint, clients, seconds, kinds });
    } finally {
      const cpu = process.cpuUsage(cpu0);
      const machine = machineCpu();
      serverCpuMs = (cpu.user + cpu.system) / 1000;
      machineBusy = ((machine.busy - machine0.busy) / (machine.total - machine0.total)) * cpus().length;
      samples = await sampler.stop();
      await sampleDb.end();
    }
  } finally {
    // closing the server's connections flushes their statistics (the deadlock count)
    await api.close();
  }
  await new Promise((r) => setTimeout(r, 300));
  const deadlockCount = (await deadlocks(owner)) - deadlocksBefore;
  const rowsAdded = (await countyRecordCounts(owner)) - rowsBefore;

  const ok: number[] = [];
  let errors = 0;
  for (const c of result.perClient) {
    c.ms.forEach((ms, i) => (c.failed[i] ? errors++ : ok.push(ms)));
  }
  const writesPerSecond = ok.length / (result.elapsedMs / 1000);
  const waiting = samples.map((s) => s.waiting);
  const meanWaiting = waiting.reduce((a, b) => a + b, 0) / Math.max(1, waiting.length);
  const maxWaiting = Math.max(0, ...waiting);
  const share = (100 * waiting.filter((w) => w > 0).length) / Math.max(1, waiting.length);
  const meanActive = samples.reduce((a, s) => a + s.active, 0) / Math.max(1, samples.length);
  const p = (q: number) => (ok.length ? percentile(ok, q).toFixed(1) : '-');
  console.log(`N=${n}: ${writesPerSecond.toFixed(0)} writes/s, p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, errors ${errors}, deadlocks ${deadlockCount}, ` +
    `lock waits: mean ${meanWaiting.toFixed(1)} / max ${maxWaiting} sessions waiting, waiting in ${share.toFixed(0)}% of samples`);

  // what they wait on: ungranted locks by type, relation and mode, over the samples
  const byLock = new Map<string, { samples: number; total: number }>();
  for (const s of samples) {
    for (const l of s.locks) {
      const key = `${l.locktype} ${l.rel ?? '-'} ${l.mode}`;
      const e = byLock.get(key) ?? { samples: 0, total: 0 };
      e.samples++;
      e.total += l.n;
      byLock.set(key, e);
    }
  }
  const lockLines = [...byLock.entries()].sort((a, b) => b[1].total - a[1].total)
    .map(([k, e]) => `${k}: in ${((100 * e.samples) / samples.length).toFixed(0)}% of samples, mean ${(e.total / samples.length).toFixed(2)} waiting`);
  console.log(`  ${ok.length} writes in ${(result.elapsedMs / 1000).toFixed(1)} s (${rowsAdded} rows added to the county's records), ` +
    `${samples.length} samples, mean ${meanActive.toFixed(1)} active sessions, server pool ${poolSize}`);
  const secs = result.elapsedMs / 1000;
  const [serverCores, clientCores] = [serverCpuMs / 1000 / secs, result.cpuMs / 1000 / secs];
  console.log(`  CPU (cores busy, of ${cpus().length}): machine ${machineBusy.toFixed(2)}, API server process ${serverCores.toFixed(2)}, client process ${clientCores.toFixed(2)}, ` +
    `rest (PostgreSQL, mostly) ${Math.max(0, machineBusy - serverCores - clientCores).toFixed(2)}; SQL statements per write: ` +
    `${Object.entries(result.statements).map(([k, v]) => `${k} ${v}`).join(', ') || '-'}`);
  console.log(`  ungranted locks (pg_locks): ${lockLines.length ? lockLines.join('; ') : 'none seen'}`);
  const byWaiter = new Map<string, number>();
  for (const s of samples) for (const w of s.waiters) byWaiter.set(`${w.ev} <- ${w.q}`, (byWaiter.get(`${w.ev} <- ${w.q}`) ?? 0) + w.n);
  if (byWaiter.size) {
    console.log(`  waiting statements (mean sessions): ${[...byWaiter.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5)
      .map(([k, t]) => `\n    ${(t / samples.length).toFixed(2)}  ${k}`).join('')}`);
  }
  const byRunning = new Map<string, number>();
  for (const s of samples) for (const r of s.running) byRunning.set(r.q, (byRunning.get(r.q) ?? 0) + r.n);
  if (byRunning.size) {
    console.log(`  running statements (mean active sessions, top 6): ${[...byRunning.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)
      .map(([k, t]) => `\n    ${(t / samples.length).toFixed(2)}  ${k}`).join('')}`);
  }
  if (result.errorMessages.length) console.log(`  first errors (client): ${result.errorMessages.map((m) => `\n    ${m}`).join('')}`);
  const logged = api.errors();
  if (logged.count) console.log(`  server logged ${logged.count} errors; first: ${logged.messages.map((m) => `\n    ${m}`).join('')}`);
  if (rowsAdded !== ok.length) console.log(`  WARNING: ${ok.length} successful writes but ${rowsAdded} rows added`);
}

/** The roll-ups read through the API (the aggregates) against the same figures counted from the records. */
async function checkRollups(appUrl: string, owner: Client, poolSize: number): Promise<boolean> {
  const years = ['2021', '2022', '2023', '2024'];
  const api = await startApi(appUrl, poolSize);
  let allExact = true;
  try {
    const token = await login(api.endpoint, 'bench', 'bench');
    for (const code of [COUNTY, PROVINCE_CODE]) {
      const data = await gql(api.endpoint, `{ org(code: "${code}") { ${years.map((y) => `y${y}: rollup(period: "${y}") { volunteerCount activityCount donationTotal }`).join(' ')} } }`, token);
      for (const y of years) {
        const end = `${Number(y) + 1}-01-01`;
        const start = `${y}-01-01`;
        const sub = (table: string, what: string, cond: string) =>
          `(SELECT ${what} FROM ${table} r JOIN s ON s.tenant_id = r.tenant_id AND s.id = r.org_id WHERE ${cond})`;
        // the definitions of packages/rollup (sources.ts, metrics.ts, records-sql.ts): volunteers
        // in the team at the period's end (stock), activities held and donations received in it (flow)
        const records = await one<{ v: string; a: string; d: string }>(owner, `
          WITH s AS (SELECT o.tenant_id, o.id FROM org o WHERE o.path <@ (SELECT path FROM org WHERE code = $1))
          SELECT ${sub('volunteer', 'count(*)', `r.joined_on < $3 AND (r.left_on IS NULL OR r.left_on >= $3)`)}::text AS v,
                 ${sub('activity', 'count(*)', `r.held_on >= $2 AND r.held_on < $3`)}::text AS a,
                 ${sub('donation', 'coalesce(sum(r.amount_yuan), 0)', `r.received_on >= $2 AND r.received_on < $3`)}::text AS d`,
        [code, start, end]);
        const got = data.org[`y${y}`] as { volunteerCount: number; activityCount: number; donationTotal: number };
        const exact = got.volunteerCount === Number(records.v) && got.activityCount === Number(records.a) && Math.abs(got.donationTotal - Number(records.d)) < 0.005;
        allExact &&= exact;
        console.log(`  ${code} ${y}: API ${got.volunteerCount} volunteers, ${got.activityCount} activities, ${got.donationTotal.toFixed(2)} yuan; ` +
          `records ${records.v}, ${records.a}, ${records.d}${exact ? '' : '  <-- DIFFERS'}`);
      }
    }
  } finally {
    await api.close();
  }
  return allExact;
}

async function main() {
  const cities = Number(process.env.BENCH_CITIES ?? 1);
  const countiesPerCity = Number(process.env.BENCH_COUNTIES ?? 3);
  const seconds = Number(process.env.BENCH_SECONDS ?? 20);
  const poolSize = Number(process.env.BENCH_POOL ?? 10);
  const ns = (process.env.BENCH_CLIENTS ?? '1,8,32').split(',').map(Number);
  // which creates the clients rotate through (all three unless told)
  const kinds = (process.env.BENCH_MUTATIONS ?? 'volunteer,activity,donation').split(',');
  if (ns.some((n) => !(n >= 1 && n <= WRITERS))) throw new Error(`BENCH_CLIENTS: each between 1 and ${WRITERS}`);

  const { url, appUrl, stop } = await startBenchProvince(cities, countiesPerCity, 'VIEWER');
  const owner = new Client({ connectionString: url });
  try {
    await owner.connect();
    // server settings to compare (e.g. BENCH_PG_SETTINGS=commit_delay=200,commit_siblings=4), applied by reload
    for (const setting of (process.env.BENCH_PG_SETTINGS ?? '').split(',').filter(Boolean)) {
      const [name, value] = setting.split('=');
      if (!/^[a-z_]+$/.test(name) || !/^[A-Za-z0-9_.]+$/.test(value ?? '')) throw new Error(`BENCH_PG_SETTINGS: bad setting ${setting}`);
      await owner.query(`ALTER SYSTEM SET ${name} = '${value}'`);
      console.log(`PostgreSQL: ${name} = ${value}`);
    }
    await owner.query('SELECT pg_reload_conf()');
    // writer-1..32, each an EDITOR at a different village of the county
    const villages = (await owner.query(
      `SELECT v.tenant_id, v.id, v.code FROM org v JOIN org c ON c.code = $1 AND v.path <@ c.path
        WHERE v.level = 'VILLAGE' AND v.dissolved_on IS NULL ORDER BY v.code LIMIT $2`, [COUNTY, WRITERS],
    )).rows as Array<{ tenant_id: string; id: string; code: string }>;
    if (villages.length < WRITERS) throw new Error(`county ${COUNTY} has only ${villages.length} villages`);
    const hash = await hashPassword(WRITER_PASSWORD);
    const writers = villages.map((v, i) => ({ username: `writer-${i + 1}`, orgCode: v.code, ...v }));
    for (const w of writers) {
      const [{ id }] = (await owner.query(`INSERT INTO app_user (id, username, password_hash, display_name) VALUES (gen_random_uuid(), $1, $2, $1) RETURNING id`, [w.username, hash])).rows;
      await owner.query(`INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role) VALUES ($1, $2, $3, 'EDITOR')`, [id, w.tenant_id, w.id]);
    }
    console.log(`writers: ${WRITERS} editors at villages ${writers[0].orgCode}..${writers[WRITERS - 1].orgCode} of county ${COUNTY}; ` +
      `${seconds} s per run, server pool ${poolSize}, N = ${ns.join(', ')}, creating ${kinds.join(' / ')}`);

    for (const n of ns) await runN(url, appUrl, owner, writers, n, seconds, poolSize, kinds);

    console.log('roll-ups after the runs (county and province, API from the aggregates vs counted from the records):');
    const exact = await checkRollups(appUrl, owner, poolSize);
    console.log(`roll-ups exact: ${exact ? 'yes' : 'no'}`);
  } finally {
    await owner.end().catch(() => undefined);
    await stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
