import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource, loadReferenceData } from '@ggw/db';
import { DebianPostgres, startDebianPostgres } from '@ggw/testing';
import { API_MAIN, freePort, RunningProcess, SCHEDULER_MAIN, startProcess } from '../e2e/process';
import { addVolunteer, gql, login, readme, README_FIGURES, tokenOf } from './graphql-client';

/**
 * The production setup, for real: a PostgreSQL 15 server from Debian's binaries, owned by a role
 * that is not a superuser; the migrations run as their own command (`db:migrate`, as the owner);
 * two API processes and two schedulers with NODE_ENV=production that connect only as `ggw_app`.
 * Then what operators meet: a token from one API on the other, the login throttle across both,
 * the database stopped and started again under the APIs, and a backup restored into a fresh
 * server, identical.
 */
const DB_CLI = join(__dirname, '..', '..', 'packages', 'db', 'dist', 'cli.js');
const JWT_SECRET = 'ops-test-jwt-secret-0123456789-abcdefghij';
const APP_PASSWORD = 'ops-test-app-password-0123456789';
const METRICS_TOKEN = 'ops-test-metrics-token-0123456789';

function dbCommand(args: string[], env: Record<string, string>): string {
  return execFileSync(process.execPath, [DB_CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 120_000 });
}

/** Every table's rows as one checksum each: two databases with equal maps hold the same data. */
async function tableChecksums(url: string): Promise<Record<string, string>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (await c.query(`SELECT schemaname || '.' || tablename AS t FROM pg_tables WHERE schemaname IN ('public', 'pgboss') ORDER BY 1`)).rows.map((r) => r.t as string);
    const out: Record<string, string> = {};
    for (const t of tables) {
      const [row] = (await c.query(`SELECT count(*)::int AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS sum FROM ${t} x`)).rows;
      out[t] = `${row.n}:${row.sum}`;
    }
    return out;
  } finally {
    await c.end();
  }
}

describe('production mode on Debian\'s PostgreSQL 15', () => {
  let pg: DebianPostgres;
  let ownerUrl: string;
  let appUrl: string;
  const apis: Array<{ port: number; proc: RunningProcess }> = [];
  const schedulers: RunningProcess[] = [];
  let processEnv: Record<string, string>;

  beforeAll(async () => {
    pg = await startDebianPostgres();
    ownerUrl = await pg.createOwner('ggw_owner', 'ggw');
    appUrl = `postgres://ggw_app:${APP_PASSWORD}@127.0.0.1:${pg.port}/ggw`;
    // the operator's step: migrations (and the application role's password) as the owner
    expect(dbCommand(['migrate'], { DATABASE_URL: ownerUrl, APP_DATABASE_URL: appUrl })).toMatch(/applied: .*rollup aggregates/);
    expect(dbCommand(['migrate'], { DATABASE_URL: ownerUrl })).toMatch(/the schema is current/);
    const owner = createDataSource({ url: ownerUrl, poolSize: 1 });
    await owner.initialize();
    await loadReferenceData(owner.manager);
    await owner.destroy();

    const env = processEnv = {
      NODE_ENV: 'production', APP_DATABASE_URL: appUrl, JWT_SECRET, LOG_LEVEL: 'info', DATABASE_ACQUIRE_TIMEOUT_MS: '1000', WEB_APP_DIR: '',
      // a handful of users drive all the load here: the per-user limits are not what is tested
      RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '100000', MAX_CONCURRENT_REQUESTS: '16',
      METRICS_TOKEN,
    };
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      apis.push({ port, proc: startProcess(API_MAIN, { ...env, PORT: String(port), HOST: '127.0.0.1' }) });
      schedulers.push(startProcess(SCHEDULER_MAIN, { ...env, SCHEDULER_POLL_SECONDS: '0.5' }));
    }
    await Promise.all([...apis.map((a) => a.proc.waitFor(/GraphQL API ready/)), ...schedulers.map((s) => s.waitFor(/scheduler started/))]);
  }, 180_000);

  afterAll(async () => {
    for (const p of [...apis.map((a) => a.proc), ...schedulers]) {
      if (p.child.exitCode === null) p.child.kill('SIGTERM');
      await p.exited;
    }
    pg?.stop();
  }, 60_000);

  it('runs as ggw_app only: no owner password in the processes, and a token from one API opens the other', async () => {
    for (const p of [...apis.map((a) => a.proc), ...schedulers]) expect(p.output()).not.toContain('ggw_owner');
    const token = await tokenOf(apis[0].port, 'jian-admin');
    const res = await readme(apis[1].port, token);
    expect(res.body.data.org.rollup).toEqual(README_FIGURES);
    // production hides introspection; its metrics are there for the bearer of their token only
    expect((await gql(apis[1].port, '{ __schema { types { name } } }', token)).body.errors?.[0]).toBeDefined();
    const scrape = (authorization?: string) => fetch(`http://127.0.0.1:${apis[1].port}/metrics`, { headers: authorization ? { authorization } : {} });
    expect((await scrape()).status).toBe(404);
    const metrics = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
    expect(metrics).toMatch(/^ggw_graphql_requests_total\{operation="anonymous",outcome="ok"\} [1-9]/m);
    expect(metrics).toMatch(/^ggw_db_pool_connections\{state="idle"\} \d+/m);
  });

  it('counts failed logins across both APIs', async () => {
    const [a, b] = apis.map((x) => x.port);
    for (const port of [a, b, a, b, a]) expect((await login(port, 'taishang-admin', 'wrong')).body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await login(b, 'taishang-admin')).body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    expect((await login(a, 'taishang-admin')).body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('holds a user\'s request rate across two APIs (the buckets shared through PostgreSQL)', async () => {
    // two more APIs with a rate a test can reach: 120 a minute (2 a second), a burst of 3, shared every 200 ms
    const limited: Array<{ port: number; proc: RunningProcess }> = [];
    try {
      for (let i = 0; i < 2; i++) {
        const port = await freePort();
        limited.push({ port, proc: startProcess(API_MAIN, { ...processEnv, PORT: String(port), HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '120', RATE_LIMIT_BURST: '3', RATE_LIMIT_SHARE_MS: '200' }) });
      }
      await Promise.all(limited.map((a) => a.proc.waitFor(/GraphQL API ready/)));
      const token = await tokenOf(limited[0].port, 'tonghua-viewer');
      const started = Date.now();
      let admitted = 0;
      for (let i = 0; Date.now() - started < 6000; i++) {
        const res = await gql(limited[i % 2].port, '{ __typename }', token);
        if (res.status === 200) admitted++;
        else expect(res.body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
        await new Promise((r) => setTimeout(r, 40));
      }
      // one rate: the burst (the login took one) and 2 a second, give or take each API's burst and a
      // share interval; alone, each API would admit its own burst and 2 a second (about twice)
      const oneRate = 3 + 2 * ((Date.now() - started) / 1000);
      expect(admitted).toBeGreaterThanOrEqual(oneRate - 3);
      expect(admitted).toBeLessThanOrEqual(oneRate + 3 + 1);
    } finally {
      for (const a of limited) {
        a.proc.child.kill('SIGTERM');
        await a.proc.exited;
      }
    }
  }, 60_000);

  it('runs a scheduled export once, not once per scheduler', async () => {
    const token = await tokenOf(apis[0].port, 'jian-admin');
    const made = await gql(apis[0].port, `mutation { createExportSchedule(input: { orgCode: "220582", cron: "0 3 1 1 *", periodRule: PREVIOUS_YEAR, formats: [CSV] }) { id } }`, token);
    const id = made.body.data.createExportSchedule.id as string;
    const c = new Client({ connectionString: ownerUrl });
    await c.connect();
    try {
      // due now instead of next New Year: both schedulers' next minute tick finds it
      await c.query(`UPDATE export_schedule SET next_run_at = now() - interval '1 minute' WHERE id = $1`, [id]);
      let jobs: Array<{ status: string }> = [];
      for (const started = Date.now(); Date.now() - started < 90_000; await new Promise((r) => setTimeout(r, 500))) {
        jobs = (await c.query(`SELECT status FROM export_job WHERE schedule_id = $1`, [id])).rows;
        if (jobs.some((j) => j.status === 'DONE')) break;
      }
      // both schedulers have ticked since (each tick is a minute apart at most)
      await new Promise((r) => setTimeout(r, 3000));
      jobs = (await c.query(`SELECT status FROM export_job WHERE schedule_id = $1`, [id])).rows;
      expect(jobs).toEqual([{ status: 'DONE' }]);
      const [{ next }] = (await c.query(`SELECT next_run_at > now() + interval '1 day' AS next FROM export_schedule WHERE id = $1`, [id])).rows;
      expect(next).toBe(true);
      expect(schedulers.map((p) => (p.output().match(/schedule fired/g) ?? []).length).reduce((a, b) => a + b)).toBe(1);
    } finally {
      await c.end();
    }
  }, 120_000);

  it('keeps reading and signing in while the database takes no writes, and refuses writes with a clear 503', async () => {
    const reconnect = () => pg.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'ggw_app' AND datname = 'ggw'`);
    const editor = await tokenOf(apis[0].port, 'shihu-editor');
    const addOne = (port: number, name: string) => addVolunteer(port, editor, name);
    // the stand-in for a full disk or a maintenance window: new sessions are read-only
    await pg.sql(`ALTER DATABASE ggw SET default_transaction_read_only = on`);
    await reconnect();
    await new Promise((r) => setTimeout(r, 300));
    try {
      for (const port of apis.map((a) => a.port)) {
        // the first use of a pooled connection that was cut may be refused as unavailable; then it reads
        const token = (await login(port, 'jian-admin')).body.data?.login.token ?? (await tokenOf(port, 'jian-admin'));
        let read = await readme(port, token);
        if (read.status === 503) read = await readme(port, token);
        expect(read.body.data.org.rollup.orgCount).toBe(218);
        const write = await addOne(port, `只读期间${port}`);
        expect(write.status).toBe(503);
        expect(write.retryAfter).toBe('60');
        expect(write.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('只能查询、不能保存'), extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 60 } });
      }
    } finally {
      await pg.sql(`ALTER DATABASE ggw RESET default_transaction_read_only`);
      await reconnect();
      await new Promise((r) => setTimeout(r, 300));
    }
    let write = await addOne(apis[1].port, '只读之后');
    if (write.status === 503) write = await addOne(apis[1].port, '只读之后');
    expect(write.body.data?.createVolunteer.volunteer.id).toBeDefined();
    const c = new Client({ connectionString: ownerUrl });
    await c.connect();
    const names = (await c.query(`SELECT name FROM volunteer WHERE name LIKE '只读%'`)).rows.map((r) => r.name);
    await c.end();
    expect(names).toEqual(['只读之后']);
    // the schedulers lived through it
    for (const p of schedulers) expect(p.child.exitCode).toBeNull();
  }, 60_000);

  it('survives the database restarting under 16 clients: 503 with Retry-After within a second while it is down, recovery by itself, no acknowledged write lost', async () => {
    const token = await tokenOf(apis[0].port, 'jian-admin');
    const editor = await tokenOf(apis[1].port, 'shihu-editor');
    interface Outcome { kind: 'read' | 'write'; name?: string; started: number; ms: number; status: number | null; code?: string; retryAfter?: string | null; leaked: boolean }
    const outcomes: Outcome[] = [];
    let running = true;
    let serial = 0;
    const client = async (i: number) => {
      const port = apis[i % 2].port;
      const kind = i < 8 ? 'read' : 'write';
      while (running) {
        const name = `重启测试${serial++}`;
        const started = Date.now();
        const res = await (kind === 'read'
          ? readme(port, token)
          : addVolunteer(port, editor, name)).catch(() => null);
        const body = res ? JSON.stringify(res.body) : '';
        outcomes.push({
          kind, name: kind === 'write' ? name : undefined, started, ms: Date.now() - started, status: res?.status ?? null,
          code: res?.body.errors?.[0]?.extensions.code, retryAfter: res?.retryAfter, leaked: /ECONNREFUSED|terminat|127\.0\.0\.1|postgres/i.test(body),
        });
        if (res?.status === 503) await new Promise((r) => setTimeout(r, 50));
      }
    };
    const clients = Array.from({ length: 16 }, (_v, i) => client(i));
    await new Promise((r) => setTimeout(r, 1000));
    pg.pgCtl('stop', '-m', 'fast');
    const down = Date.now();
    await new Promise((r) => setTimeout(r, 500));
    const readyWhileDown = await fetch(`http://127.0.0.1:${apis[0].port}/readyz`).then((r) => r.status);
    await new Promise((r) => setTimeout(r, 1000));
    const up = Date.now();
    pg.pgCtl('start');
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 6000));
    running = false;
    await Promise.all(clients);

    if (process.env.OPS_SUMMARY) {
      const down503 = outcomes.filter((o) => o.started >= down && o.started + o.ms <= up);
      console.log(`${outcomes.length} requests (${outcomes.filter((o) => o.status === 200).length} answered 200, ${outcomes.filter((o) => o.status === 503).length} 503); ` +
        `while down: ${down503.length}, slowest ${Math.max(...down503.map((o) => o.ms))} ms; slowest of all ${Math.max(...outcomes.map((o) => o.ms))} ms; ` +
        `first 200 after the start: ${Math.min(...outcomes.filter((o) => o.status === 200 && o.started >= started).map((o) => o.started + o.ms)) - started} ms`);
    }
    expect(readyWhileDown).toBe(503);
    expect(await fetch(`http://127.0.0.1:${apis[1].port}/readyz`).then((r) => r.status)).toBe(200);
    // every answer is a success or a 503 with Retry-After, none says anything internal, none hung
    for (const o of outcomes) {
      expect([o.status, o.code, o.leaked]).toEqual(o.status === 200 ? [200, o.kind === 'write' && o.code ? o.code : undefined, false] : [503, 'SERVICE_UNAVAILABLE', false]);
      if (o.status === 503) expect(Number(o.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(o.ms).toBeLessThan(2000);
    }
    // while it was down: refused, each within a second
    const whileDown = outcomes.filter((o) => o.started >= down && o.started + o.ms <= up);
    expect(whileDown.length).toBeGreaterThan(16);
    for (const o of whileDown) expect([o.status, o.ms < 1000]).toEqual([503, true]);
    // back within 5 s of the server's start, on both APIs, for reads and writes
    const after = outcomes.filter((o) => o.started >= started + 5000);
    expect(after.length).toBeGreaterThan(16);
    for (const o of after) expect(o.status).toBe(200);

    // what was answered as written is there; what was refused is not
    const written = outcomes.filter((o) => o.kind === 'write' && o.status === 200).map((o) => o.name!);
    const refused = outcomes.filter((o) => o.kind === 'write' && o.status !== 200).map((o) => o.name!);
    expect(refused.length).toBeGreaterThan(0);
    const c = new Client({ connectionString: ownerUrl });
    await c.connect();
    const names = (await c.query(`SELECT name FROM volunteer WHERE name LIKE '重启测试%'`)).rows.map((r) => r.name as string);
    await c.end();
    expect(names.sort()).toEqual(written.sort());
  }, 60_000);

  it('answers 503 after the acquire timeout when every pooled connection is held, and /readyz says so; the held requests then finish', async () => {
    const editor = await tokenOf(apis[0].port, 'shihu-editor');
    const port = apis[0].port;
    const lock = new Client({ connectionString: ownerUrl });
    await lock.connect();
    // writes to volunteers wait for this lock, each holding one of the API's 10 connections
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE volunteer IN EXCLUSIVE MODE');
    const write = (i: number) => {
      const started = Date.now();
      return addVolunteer(port, editor, `连接耗尽${i}`).then((r) => ({ ...r, ms: Date.now() - started }));
    };
    const writes = Array.from({ length: 14 }, (_v, i) => write(i));
    await new Promise((r) => setTimeout(r, 1500));
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    const other = await fetch(`http://127.0.0.1:${apis[1].port}/readyz`);
    await new Promise((r) => setTimeout(r, 500));
    await lock.query('COMMIT');
    await lock.end();
    const results = await Promise.all(writes);
    expect(ready.status).toBe(503);
    expect(other.status).toBe(200);
    const refused = results.filter((r) => r.status === 503);
    const done = results.filter((r) => r.status === 200 && r.body.data?.createVolunteer);
    // the 10 that had a connection finish once the lock goes; the rest were refused after the 1 s acquire timeout
    expect([done.length, refused.length]).toEqual([10, 4]);
    for (const r of refused) {
      expect(r.body.errors?.[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(r.retryAfter).toBe('1');
      expect(r.ms).toBeLessThan(1800);
    }
    expect(await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status)).toBe(200);
  }, 60_000);

  it('loses nothing half-done when an API is killed mid-write: each write is there whole with its audit entry, or not at all', async () => {
    const port = await freePort();
    const victim = startProcess(API_MAIN, { ...processEnv, PORT: String(port), HOST: '127.0.0.1' });
    await victim.waitFor(/GraphQL API ready/);
    const editor = await tokenOf(port, 'shihu-editor');
    const acknowledged: string[] = [];
    let n = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const name = `被杀进程${n++}`;
        const res = await addVolunteer(port, editor, name).catch(() => null);
        if (res?.body.data?.createVolunteer) acknowledged.push(name);
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    await new Promise((r) => setTimeout(r, 700));
    victim.child.kill('SIGKILL');
    killed = true;
    await victim.exited;
    await Promise.all(writers);

    const c = new Client({ connectionString: ownerUrl });
    await c.connect();
    try {
      // PostgreSQL sees the killed process's connections close and rolls their transactions back
      for (const started = Date.now(); ; await new Promise((r) => setTimeout(r, 100))) {
        const [{ open }] = (await c.query(`SELECT count(*)::int AS open FROM pg_stat_activity WHERE usename = 'ggw_app' AND state LIKE 'idle in transaction%'`)).rows;
        if (open === 0) break;
        expect(Date.now() - started).toBeLessThan(5000);
      }
      const rows = (await c.query(`
        SELECT v.name, v.id, (SELECT count(*)::int FROM audit_event a WHERE a.tenant_id = v.tenant_id AND a.record_id = v.id AND a.operation = 'INSERT') AS audits
          FROM volunteer v WHERE v.name LIKE '被杀进程%'`)).rows;
      const orphans = (await c.query(`
        SELECT a.record_id FROM audit_event a WHERE a.record_kind = 'volunteer' AND a.after->>'name' LIKE '被杀进程%'
           AND NOT EXISTS (SELECT 1 FROM volunteer v WHERE v.tenant_id = a.tenant_id AND v.id = a.record_id)`)).rows;
      expect(acknowledged.length).toBeGreaterThan(0);
      // every acknowledged write is there; whatever is there has exactly its one audit entry; no audit entry without its record
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(acknowledged));
      for (const r of rows) expect(r.audits).toBe(1);
      expect(orphans).toEqual([]);
    } finally {
      await c.end();
    }
  }, 60_000);

  it('restores a backup into a fresh server with every record, figure and audit entry identical', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ggw-backups-'));
    let fresh: DebianPostgres | undefined;
    // The backup is one snapshot; the schedulers' pg-boss keeps writing its housekeeping times
    // (pgboss.version) afterwards. Comparing the restore with the source needs a still source,
    // so the writers stop first (this is the last test of the file; nothing is sent to the APIs).
    for (const p of schedulers) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
    try {
      const file = dbCommand(['backup', dir], { DATABASE_URL: ownerUrl }).trim();
      expect(existsSync(file)).toBe(true);
      expect(file).toMatch(/ggw-ggw-schema\d{13}-\d{8}T\d{6}Z\.dump$/);
      fresh = await startDebianPostgres();
      const restoredUrl = await fresh.createOwner('ggw_owner', 'ggw');
      expect(dbCommand(['restore', file], { DATABASE_URL: restoredUrl })).toMatch(/restored .* \(schema \d{13}\)/);
      // a second restore over the data is refused, and changes nothing
      expect(() => dbCommand(['restore', file], { DATABASE_URL: restoredUrl })).toThrow(/not empty/);
      const [before, after] = await Promise.all([tableChecksums(ownerUrl), tableChecksums(restoredUrl)]);
      expect(Object.keys(after).length).toBeGreaterThan(30);
      expect(after).toEqual(before);
      expect(Number(before['public.audit_event'].split(':')[0])).toBeGreaterThan(0);
    } finally {
      fresh?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
