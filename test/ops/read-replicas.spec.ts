import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createDataSource, loadReferenceData } from '@ggw/db';
import { DebianPostgres, startDebianPostgres } from '@ggw/testing';
import { API_MAIN, freePort, RunningProcess, startProcess } from '../e2e/process';
import { addVolunteer, gql, metric, readme, README_FIGURES, tokenOf } from './graphql-client';

/**
 * Read replicas for real: a primary and a hot standby built from it with `pg_basebackup`
 * (Debian's PostgreSQL 15, streaming replication), and an API in production mode reading from
 * the standby (`DATABASE_REPLICA_URLS`). Reads go to the standby; a user's read after their own
 * write always shows it; a standby whose replay is paused, or that is dead, is bypassed.
 */
const DB_CLI = join(__dirname, '..', '..', 'packages', 'db', 'dist', 'cli.js');
const JWT_SECRET = 'replica-test-jwt-secret-0123456789-abcdef';
const APP_PASSWORD = 'replica-test-app-password-0123456789';
const METRICS_TOKEN = 'replica-test-metrics-token-0123456789';
const MAX_LAG_MS = 600;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('read replicas (a pg_basebackup standby of Debian\'s PostgreSQL 15)', () => {
  let primary: DebianPostgres;
  let standby: DebianPostgres;
  let api: RunningProcess;
  let port: number;

  const reads = async () => ({
    replica: await metric(port, METRICS_TOKEN, /ggw_graphql_reads_total\{database="replica0"\}/),
    primary: await metric(port, METRICS_TOKEN, /ggw_graphql_reads_total\{database="primary"\}/),
  });
  /** Transactions the standby's ggw database has run (its own statistics: what actually ran there). */
  const standbyTransactions = async () => Number((await standby.sql(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = 'ggw'`))[0].n);
  const visible = async (token: string, id: string) => (await gql(port, `query($id: ID!) { node(id: $id) { id } }`, token, { id })).body.data?.node?.id === id;

  beforeAll(async () => {
    primary = await startDebianPostgres();
    const ownerUrl = await primary.createOwner('ggw_owner', 'ggw');
    execFileSync(process.execPath, [DB_CLI, 'migrate'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: ownerUrl, APP_DATABASE_URL: `postgres://ggw_app:${APP_PASSWORD}@127.0.0.1:${primary.port}/ggw` }, timeout: 120_000,
    });
    const owner = createDataSource({ url: ownerUrl, poolSize: 1 });
    await owner.initialize();
    await loadReferenceData(owner.manager);
    await owner.destroy();
    standby = await primary.startStandby();
    port = await freePort();
    api = startProcess(API_MAIN, {
      NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', JWT_SECRET, METRICS_TOKEN, WEB_APP_DIR: '', LOG_LEVEL: 'info',
      APP_DATABASE_URL: `postgres://ggw_app:${APP_PASSWORD}@127.0.0.1:${primary.port}/ggw`,
      DATABASE_REPLICA_URLS: `postgres://ggw_app:${APP_PASSWORD}@127.0.0.1:${standby.port}/ggw`,
      REPLICA_MAX_LAG_MS: String(MAX_LAG_MS), REPLICA_POLL_MS: '50', DATABASE_ACQUIRE_TIMEOUT_MS: '1000',
      RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '100000', MAX_CONCURRENT_REQUESTS: '32',
    });
    await api.waitFor(/GraphQL API ready/);
  }, 180_000);

  afterAll(async () => {
    if (api?.child.exitCode === null) api.child.kill('SIGTERM');
    await api?.exited;
    standby?.stop();
    primary?.stop();
  }, 60_000);

  it('answers reads from the standby, with the same figures', async () => {
    const token = await tokenOf(port, 'jian-admin');
    const before = await reads();
    const ranBefore = await standbyTransactions();
    for (let i = 0; i < 20; i++) expect((await readme(port, token)).body.data.org.rollup).toEqual(README_FIGURES);
    const after = await reads();
    expect(after.replica - before.replica).toBe(20);
    expect(after.primary - before.primary).toBe(0);
    // the standby's own statistics agree (they are reported to it at most every second)
    await sleep(1200);
    expect(await standbyTransactions() - ranBefore).toBeGreaterThanOrEqual(20);
  });

  it('shows a user their own write on the very next read, every time', async () => {
    const editor = await tokenOf(port, 'shihu-editor');
    const before = await reads();
    for (let i = 0; i < 30; i++) {
      const made = await addVolunteer(port, editor, `副本读己之写${i}`);
      const id = made.body.data.createVolunteer.volunteer.id as string;
      expect(await visible(editor, id)).toBe(true);
    }
    const after = await reads();
    // reads waited for the standby to replay the write, or went to the primary: both are exact
    expect(after.replica + after.primary - before.replica - before.primary).toBe(30);
    // eslint-disable-next-line no-console
    if (process.env.OPS_SUMMARY) console.log(`read-your-writes: ${after.replica - before.replica} of 30 reads on the standby, ${after.primary - before.primary} on the primary`);
    // once a poll has seen the standby replay the last write, the writer reads from it again
    await sleep(300);
    const settled = await reads();
    const [last] = (await gql(port, `{ org(code: "220582106201") { volunteers(first: 1) { nodes { name } } } }`, editor)).body.data.org.volunteers.nodes;
    expect(last.name).toMatch(/^副本读己之写/);
    expect((await reads()).replica - settled.replica).toBe(1);
  });

  it('bypasses a standby whose replay is paused, for the writer at once and for everyone within the lag bound', async () => {
    const editor = await tokenOf(port, 'shihu-editor');
    const reader = await tokenOf(port, 'jian-admin');
    await standby.sql(`SELECT pg_wal_replay_pause()`);
    try {
      const made = await addVolunteer(port, editor, '暂停回放期间');
      const id = made.body.data.createVolunteer.volunteer.id as string;
      const before = await reads();
      // the writer: the primary answers (the standby has not replayed the write)
      expect(await visible(editor, id)).toBe(true);
      expect((await reads()).primary - before.primary).toBe(1);
      // another user, once the standby is further behind than the bound: the primary too, and the write is there
      await sleep(MAX_LAG_MS + 300);
      const later = await reads();
      for (let i = 0; i < 10; i++) expect(await visible(reader, id)).toBe(true);
      const done = await reads();
      expect(done.replica - later.replica).toBe(0);
      expect(done.primary - later.primary).toBe(10);
      const lag = await metric(port, METRICS_TOKEN, /ggw_db_replica_lag_bytes\{replica="replica0"\}/);
      expect(lag).toBeGreaterThan(0);
    } finally {
      await standby.sql(`SELECT pg_wal_replay_resume()`);
    }
    // replay resumed: the standby catches up and answers again
    await sleep(300);
    const resumed = await reads();
    for (let i = 0; i < 5; i++) await readme(port, reader);
    expect((await reads()).replica - resumed.replica).toBe(5);
  });

  it('bypasses a dead standby: every read is answered by the primary, none fails', async () => {
    const token = await tokenOf(port, 'jian-admin');
    standby.pgCtl('stop', '-m', 'immediate');
    const before = await reads();
    // at once, before any poll has noticed: the first reads find the standby's connections gone
    const answers = await Promise.all(Array.from({ length: 20 }, () => readme(port, token)));
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.data.org.rollup).toEqual(README_FIGURES);
    }
    const after = await reads();
    expect(after.replica - before.replica).toBe(0);
    expect(after.primary - before.primary).toBe(20);
    expect(api.output()).toMatch(/read replica unreachable/);
  });
});
