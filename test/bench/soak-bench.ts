/**
 * `pnpm bench:soak`: the production-mode setup under steady load for a long while. A PostgreSQL
 * 15 server from Debian's binaries (as test/ops), migrated with the operator's command, the
 * reference data, two API processes and two schedulers (NODE_ENV=production, as ggw_app);
 * then 200 concurrent clients on loopback, 4 in 5 reading (the README roll-up, the townships'
 * table, the newest volunteers) and 1 in 5 writing (a volunteer added to one of 16 villages),
 * spread over both APIs, for BENCH_SOAK_SECONDS (600).
 *
 * Prints per minute: requests, errors, p50/p99 and both APIs' RSS; at the end, the verdict on
 * the soak's criteria (exit code 1 when one fails): no error at all, every write answered as
 * written is in the database, the APIs' RSS at the end within 10% of minute 2 (no leak), no
 * connection left idle in transaction.
 *
 *   pnpm bench:soak
 *   BENCH_SOAK_SECONDS=120 BENCH_SOAK_CLIENTS=50 pnpm bench:soak   # a short run
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { Client } from 'pg';
import { createDataSource, loadReferenceData } from '@ggw/db';
import { startDebianPostgres } from '@ggw/testing';
import { freePort, percentile } from './bench-util';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const CLIENTS = Number(process.env.BENCH_SOAK_CLIENTS ?? 200);
const BUCKET_SECONDS = Number(process.env.BENCH_SOAK_BUCKET_SECONDS ?? 60);
const ROOT = join(__dirname, '..', '..', '..');
const API_MAIN = join(ROOT, 'services', 'api', 'dist', 'main.js');
const SCHEDULER_MAIN = join(ROOT, 'services', 'scheduler', 'dist', 'main.js');
const DB_CLI = join(ROOT, 'packages', 'db', 'dist', 'cli.js');
const JWT_SECRET = 'soak-bench-jwt-secret-0123456789-abcdefghij';
const APP_PASSWORD = 'soak-bench-app-password-0123456789';

const READS = [
  '{ org(code: "220582") { rollup(period: "2020") { orgCount fiveGoodCount fiveGoodRate volunteerCount coreVolunteerCount } } }',
  '{ org(code: "220582") { childRollups(period: "2020") { rows { org { code name } orgCount fiveGoodRate volunteerCount } } } }',
  '{ org(code: "220582") { volunteers(subtree: true, first: 20) { nodes { name category isCore } } } }',
];

interface Outcome { at: number; ms: number; ok: boolean; status: number; write?: string }

/** One keep-alive POST of a GraphQL document; ok when 200 without errors. */
function post(agent: Agent, port: number, token: string, body: string): Promise<{ status: number; ok: boolean; text: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, timeout: 30_000,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ok: res.statusCode === 200 && !text.includes('"errors"'), text }));
    });
    req.on('error', (e) => resolve({ status: 0, ok: false, text: String(e) }));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

const rssMb = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

/** A process of the platform, ready when `isReady` says so (its output kept, the last 20 KB). */
function start(main: string, env: Record<string, string>, isReady: (output: string) => Promise<boolean>): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (d: Buffer) => (out = (out + d.toString('utf8')).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const ready = (async () => {
    for (const startedAt = Date.now(); !(await isReady(out)); await new Promise((r) => setTimeout(r, 200))) {
      if (child.exitCode !== null || Date.now() - startedAt > 60_000) throw new Error(`${main} did not start:\n${out.slice(-2000)}`);
    }
  })();
  return { child, ready };
}

async function main(): Promise<void> {
  const pg = await startDebianPostgres({ max_connections: '100' });
  const procs: Array<{ child: ChildProcess }> = [];
  try {
    const ownerUrl = await pg.createOwner('ggw_owner', 'ggw');
    const appUrl = `postgres://ggw_app:${APP_PASSWORD}@127.0.0.1:${pg.port}/ggw`;
    const migrate = spawnSync(process.execPath, [DB_CLI, 'migrate'], { env: { PATH: process.env.PATH ?? '', DATABASE_URL: ownerUrl, APP_DATABASE_URL: appUrl }, encoding: 'utf8' });
    if (migrate.status !== 0) throw new Error(`db:migrate failed: ${migrate.stderr}`);
    const owner = createDataSource({ url: ownerUrl, poolSize: 1 });
    await owner.initialize();
    await loadReferenceData(owner.manager);
    await owner.query('ANALYZE');
    const villages: string[] = (await owner.query(`SELECT code FROM org WHERE level = 'VILLAGE' AND path <@ '220000.220500.220582' ORDER BY code LIMIT 16`)).map((r: { code: string }) => r.code);
    await owner.destroy();

    const env = {
      NODE_ENV: 'production', APP_DATABASE_URL: appUrl, JWT_SECRET, LOG_LEVEL: 'warn', WEB_APP_DIR: '',
      // 200 clients share a handful of users here: the per-user limits are not what is measured
      RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_BURST: '100000000', MAX_CONCURRENT_REQUESTS: '1000',
    };
    const ports = [await freePort(), await freePort()];
    const apis = ports.map((port) => start(API_MAIN, { ...env, PORT: String(port), HOST: '127.0.0.1' },
      () => fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)));
    const schedulers = [0, 1].map(() => start(SCHEDULER_MAIN, { ...env, LOG_LEVEL: 'info' }, async (out) => out.includes('scheduler started')));
    procs.push(...apis, ...schedulers);
    await Promise.all([...apis, ...schedulers].map((p) => p.ready));

    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const login = async (username: string) => JSON.parse((await post(agent, ports[0], '', JSON.stringify({ query: `mutation { login(username: "${username}", password: "demo") { token } }` }))).text).data.login.token as string;
    const reader = await login('jian-admin');
    const writer = await login('jian-admin');

    console.log(`soak: ${CLIENTS} clients (4 in 5 reading, 1 in 5 writing to 16 villages) on 2 APIs and 2 schedulers, production mode, PostgreSQL 15 (Debian), ${SECONDS} s`);
    const outcomes: Outcome[] = [];
    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    let serial = 0;
    // every 5 s, both APIs' RSS; a minute's figure is the median of its samples (one sample
    // lands before or after a collection by chance)
    const rss: Array<{ bucket: number; samples: number[][] }> = [];
    const medianOf = (r: { samples: number[][] }) => [0, 1].map((i) => percentile(r.samples.map((s) => s[i]), 50));
    const label = (bucket: number) => (BUCKET_SECONDS === 60 ? `minute ${bucket + 1}` : `${BUCKET_SECONDS} s interval ${bucket + 1}`);
    const client = async (i: number) => {
      const port = ports[i % 2];
      const writes = i % 5 === 4;
      for (let n = 0; Date.now() < deadline; n++) {
        const t = Date.now();
        if (writes) {
          const name = `耐久${serial++}`;
          const body = JSON.stringify({
            query: 'mutation($i: CreateVolunteerInput!) { createVolunteer(input: $i) { volunteer { id } } }',
            variables: { i: { orgCode: villages[(i + n) % villages.length], name, category: 'TEACHER', joinedOn: '2026-03-01' } },
          });
          const r = await post(agent, port, writer, body);
          outcomes.push({ at: t, ms: Date.now() - t, ok: r.ok, status: r.status, write: r.ok ? name : undefined });
        } else {
          const r = await post(agent, port, reader, JSON.stringify({ query: READS[(i + n) % READS.length] }));
          outcomes.push({ at: t, ms: Date.now() - t, ok: r.ok, status: r.status });
        }
      }
    };
    const sampler = setInterval(() => {
      const bucket = Math.floor((Date.now() - started) / (BUCKET_SECONDS * 1000));
      const mb = apis.map((a) => rssMb(a.child.pid!));
      const last = rss.at(-1);
      if (last?.bucket === bucket) last.samples.push(mb);
      else rss.push({ bucket, samples: [mb] });
    }, 5000);
    const report = setInterval(() => {
      const bucket = Math.floor((Date.now() - started) / (BUCKET_SECONDS * 1000)) - 1;
      const inBucket = outcomes.filter((o) => Math.floor((o.at - started) / (BUCKET_SECONDS * 1000)) === bucket);
      const ms = inBucket.map((o) => o.ms);
      const sampled = rss.find((r) => r.bucket === bucket);
      console.log(`${label(bucket)}: ${inBucket.length} requests (${(inBucket.length / BUCKET_SECONDS).toFixed(0)}/s), ${inBucket.filter((o) => !o.ok).length} errors, ` +
        `p50 ${percentile(ms, 50)} ms, p99 ${percentile(ms, 99)} ms; API RSS ${sampled ? medianOf(sampled).join(' / ') : '?'} MB`);
    }, BUCKET_SECONDS * 1000);
    await Promise.all(Array.from({ length: CLIENTS }, (_v, i) => client(i)));
    clearInterval(sampler);
    clearInterval(report);
    agent.destroy();

    const errors = outcomes.filter((o) => !o.ok);
    const written = outcomes.flatMap((o) => (o.write ? [o.write] : []));
    const c = new Client({ connectionString: ownerUrl });
    await c.connect();
    await new Promise((r) => setTimeout(r, 1000));
    const [{ n: stored }] = (await c.query(`SELECT count(*)::int AS n FROM volunteer WHERE name = ANY($1::text[])`, [written])).rows;
    const [{ n: idle }] = (await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'ggw_app' AND state LIKE 'idle in transaction%'`)).rows;
    await c.end();
    const second = rss.find((r) => r.bucket === 1) ?? rss[0];
    const last = rss.at(-1)!;
    const [secondMb, endMb] = [medianOf(second), medianOf(last)];
    const growth = endMb.map((mb, i) => mb / secondMb[i] - 1);
    const all = outcomes.map((o) => o.ms);
    console.log(`\ntotal: ${outcomes.length} requests (${(outcomes.length / SECONDS).toFixed(0)}/s), ${written.length} writes; p50 ${percentile(all, 50)} ms, p99 ${percentile(all, 99)} ms`);
    const verdicts = [
      [`errors: ${errors.length}${errors.length ? ` (statuses ${[...new Set(errors.map((e) => e.status))].join(', ')})` : ''}`, errors.length === 0],
      [`writes answered as written and in the database: ${stored} of ${written.length}`, stored === written.length],
      [`API RSS at the end (${label(last.bucket)}) vs ${label(second.bucket)}: ${endMb.join(' / ')} MB vs ${secondMb.join(' / ')} MB (${growth.map((g) => `${(g * 100).toFixed(1)}%`).join(' / ')}; within 10%)`, growth.every((g) => g <= 0.1)],
      [`connections left idle in transaction: ${idle}`, idle === 0],
    ] as const;
    for (const [line, ok] of verdicts) console.log(`${ok ? 'PASS' : 'FAIL'} ${line}`);
    if (verdicts.some(([, ok]) => !ok)) process.exitCode = 1;
  } finally {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => (p.child.exitCode === null ? new Promise((r) => p.child.once('exit', r)) : undefined)));
    pg.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
