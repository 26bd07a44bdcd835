/**
 * Roll-up benchmark over HTTP: a synthetic province (100 counties of ~220 orgs, ~2 million
 * records) in a fresh embedded PostgreSQL, the real API server, and the county, city and
 * province roll-up queries, each run sequentially. Prints p50/p95 latency, SQL statements per
 * request (x-sql-statements) and table rows read per request (pg_stat_user_tables).
 *
 *   pnpm bench:rollup            # the province (100 counties)
 *   BENCH_CITIES=1 BENCH_COUNTIES=10 pnpm bench:rollup   # a smaller run
 */
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Client } from 'pg';
import { appRoleUrl, createDataSource, enableAppLogin, ensureDatabase, migrate, startEmbeddedPostgres } from '@ggw/db';
import { hashPassword } from '@ggw/authz';
import { createServer } from '@ggw/api';
import { cityCode, countyCode, loadSyntheticProvince, PROVINCE_CODE } from './synthetic-province';

const TEN = 'orgCount fiveGoodCount fiveGoodRate volunteerCount coreVolunteerCount coreVolunteerShare donationTotal articleCount pairCount activityCount';

const QUERIES: Array<{ name: string; code: string; runs: number; query: (code: string) => string }> = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function rowsRead(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const r = await c.query(`SELECT coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0)::float8 AS n FROM pg_stat_user_tables`);
  await c.end();
  return r.rows[0].n;
}

async function main() {
  const cities = Number(process.env.BENCH_CITIES ?? 10);
  const countiesPerCity = Number(process.env.BENCH_COUNTIES ?? 10);
  const dir = mkdtempSync(join(tmpdir(), 'ggw-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), persistent: false });
  try {
    await ensureDatabase(pg, 'bench');
    const url = pg.urlFor('bench');
    const ds = createDataSource({ url, poolSize: 4 });
    await ds.initialize();
    await migrate(ds);
    const t0 = Date.now();
    const rows = await loadSyntheticProvince(ds, cities, countiesPerCity, (m) => console.error(m));
    const [{ orgs }] = await ds.query('SELECT count(*)::int AS orgs FROM org');
    console.log(`data: ${orgs} orgs, ${rows} rows, loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    // measured as production runs: as the application role under row-level security, signed in
    // as a viewer of the whole province
    const [province] = await ds.query('SELECT id, tenant_id FROM org WHERE code = $1', [PROVINCE_CODE]);
    await ds.query(`INSERT INTO app_user (id, username, password_hash, display_name) VALUES (gen_random_uuid(), 'bench', $1, 'bench')`, [await hashPassword('bench')]);
    await ds.query(`INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role) SELECT id, $1, $2, 'VIEWER' FROM app_user WHERE username = 'bench'`, [province.tenant_id, province.id]);
    const appPassword = 'bench-app-password-0123456789';
    await enableAppLogin(ds, appPassword);
    const appUrl = appRoleUrl(url, appPassword);
    await ds.destroy();

    QUERIES.push(
      { name: 'county: rollup (5 figures) + summary', code: countyCode(0, 0), runs: 60,
        query: (c) => `{ org(code: "${c}") { name rollup(period: "2020") { orgCount fiveGoodCount fiveGoodRate volunteerCount coreVolunteerCount } summary(period: "2020") } }` },
      { name: 'county + townships + villages, 10 figures, vs 2019', code: countyCode(0, 0), runs: 40,
        query: (c) => `{ org(code: "${c}") { rollup(period: "2020") { ${TEN} change { ${TEN} } }
          childRollups(period: "2020") { rows { org { name } ${TEN} change { ${TEN} } } }
          descendantRollups(period: "2020", level: VILLAGE, first: 200) { nodes { org { name } ${TEN} change { ${TEN} } } } } }` },
      { name: `city (${countiesPerCity} counties) + counties side by side, 10 figures, vs 2019`, code: cityCode(0), runs: 30,
        query: (c) => `{ org(code: "${c}") { rollup(period: "2020") { ${TEN} change { ${TEN} } } childRollups(period: "2020") { rows { org { name } ${TEN} change { ${TEN} } } } } }` },
      { name: `province (${cities * countiesPerCity} counties) + cities side by side, 10 figures, vs 2019`, code: PROVINCE_CODE, runs: 20,
        query: (c) => `{ org(code: "${c}") { rollup(period: "2020") { ${TEN} change { ${TEN} } } childRollups(period: "2020") { rows { org { name } ${TEN} change { ${TEN} } } } } }` },
    );

    for (const q of QUERIES) {
      // a fresh server per query: its connections end with it, which flushes their table statistics
      const app = createDataSource({ url: appUrl, poolSize: 2 });
      await app.initialize();
      const server = await createServer({ dataSource: app, logger: pino({ level: 'silent' }), graphiql: false, introspection: false, exposeSqlStats: true, jwtSecret: 'bench-secret-bench-secret-bench-secret-0123' });
      await server.listen({ port: 0, host: '127.0.0.1' });
      const endpoint = `http://127.0.0.1:${(server.server.address() as { port: number }).port}/graphql`;
      const secret = 'bench-secret-bench-secret-bench-secret-0123';
      const login = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { login(username: "bench", password: "bench") { token } }' }) });
      const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
      const ask = async () => {
        const started = process.hrtime.bigint();
        const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: q.query(q.code) }) });
        const body = (await res.json()) as { errors?: unknown };
        if (body.errors) throw new Error(`${q.name}: ${JSON.stringify(body.errors)}`);
        return { ms: Number(process.hrtime.bigint() - started) / 1e6, statements: Number(res.headers.get('x-sql-statements')) };
      };
      for (let i = 0; i < 3; i++) await ask(); // warm-up: plans, caches
      await server.close();
      await app.destroy();
      const before = await rowsRead(url);
      const app2 = createDataSource({ url: appUrl, poolSize: 2 });
      await app2.initialize();
      const server2 = await createServer({ dataSource: app2, logger: pino({ level: 'silent' }), graphiql: false, introspection: false, exposeSqlStats: true, jwtSecret: 'bench-secret-bench-secret-bench-secret-0123' });
      await server2.listen({ port: Number(new URL(endpoint).port), host: '127.0.0.1' });
      const results = [];
      for (let i = 0; i < q.runs; i++) results.push(await ask());
      await server2.close();
      await app2.destroy();
      await new Promise((r) => setTimeout(r, 200));
      const read = (await rowsRead(url)) - before;
      const ms = results.map((r) => r.ms);
      console.log(`${q.name}: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, ` +
        `${results[0].statements} statements/request, ${Math.round(read / q.runs)} rows read/request (${q.runs} runs)`);
    }
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
