/**
 * Roll-up benchmark over HTTP: a synthetic province (100 counties of the reference county's
 * shape, three years of records) in a fresh embedded PostgreSQL, the real API server, and the
 * county, city and province roll-up queries, each run sequentially from a client process, read from the aggregates
 * (what the API does) and, for comparison, straight from the records. Prints p50/p95 latency,
 * SQL statements per request (x-sql-statements) and table rows read per request
 * (pg_stat_user_tables), plus the load time with the aggregate triggers on.
 *
 *   pnpm bench:rollup                                    # the province (100 counties)
 *   BENCH_CITIES=1 BENCH_COUNTIES=10 pnpm bench:rollup   # a smaller run
 *   BENCH_READERS=aggregates pnpm bench:rollup           # skip the slow records reader
 *   BENCH_ONLY=merge BENCH_READERS=aggregates pnpm bench:rollup   # only the move/merge section
 *   BENCH_SCALE=national pnpm bench:rollup               # the national tenant count (see national())
 *
 * Last (it changes the tree), the move/merge section: in the first county, a township given
 * 30 villages (moved into it first, untimed: the synthetic townships have 13) is merged into a
 * sibling township (its villages moved there with ggw_move_org, then ggw_merge_org, dated the
 * first day of the latest year, in one transaction as the database owner with the county's
 * admin setting), and one village is moved; wall times of 3 runs (the first two rolled back).
 * Meanwhile a reader (another process, through the API) reads the county's roll-up in a loop:
 * its p95 before any move, after the untimed moves, during the merges and after the merge.
 * BENCH_MOVE_WINDOW_MS (default 5000): how long the reader is measured in each quiet phase.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { Client } from 'pg';
import { createDataSource } from '@ggw/db';
import { createServer } from '@ggw/api';
import type { RollupReader } from '@ggw/rollup';
import { percentile, runClient } from './bench-util';
import { cityCode, countyCode, PROVINCE_CODE, startBenchProvince } from './synthetic-province';

const TEN = 'orgCount fiveGoodCount fiveGoodRate volunteerCount coreVolunteerCount coreVolunteerShare donationTotal articleCount pairCount activityCount';
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';

interface BenchQuery {
  name: string;
  code: string;
  /** runs per server reader (the records reader is up to a hundred times slower); a reader not named is not measured */
  runs: Partial<Record<RollupReader, number>>;
  query: (code: string) => string;
}

async function rowsRead(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const r = await c.query(`SELECT coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0)::float8 AS n FROM pg_stat_user_tables`);
  await c.end();
  return r.rows[0].n;
}

/**
 * Runs a query `runs` times (after 3 warm-up runs) from a client process against a fresh server,
 * and returns latencies, statements and table rows read per request.
 */
/** A fresh API server on the application role, and the bench user's token. */
async function startApi(appUrl: string, reader: RollupReader, username = 'bench') {
  const dataSource = createDataSource({ url: appUrl, poolSize: 2 });
  await dataSource.initialize();
  const server = await createServer({ dataSource, logger: pino({ level: 'silent' }), graphiql: false, introspection: false, exposeSqlStats: true, jwtSecret: SECRET, rollupReader: reader,
    // one client measures latency: the per-user rate limit would be what it measured
    limits: { ratePerMinute: 1e9, rateBurst: 1e9, maxConcurrent: 1000 } });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const endpoint = `http://127.0.0.1:${(server.server.address() as { port: number }).port}/graphql`;
  const login = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { login(username: "${username}", password: "bench") { token } }` }) });
  const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
  // closing the server's connections flushes their table statistics
  const close = async () => {
    await server.close();
    await dataSource.destroy();
  };
  return { endpoint, token, close };
}

async function measure(url: string, appUrl: string, q: BenchQuery, reader: RollupReader) {
  const { endpoint, token, close } = await startApi(appUrl, reader);
  const before = await rowsRead(url);
  const { ms, statements } = await runClient({ endpoint, token, query: q.query(q.code), warmup: 3, runs: q.runs[reader]! });
  await close();
  await new Promise((r) => setTimeout(r, 200));
  const read = (await rowsRead(url)) - before;
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), statements, rowsRead: Math.round(read / (ms.length + 3)), runs: ms.length };
}

const wallNow = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => percentile(xs, 50);

/** loop-client.js in a child process: reads `query` back to back until stopped; returns [startedAt, ms] per request. */
function startLoopReader(input: { endpoint: string; token: string; query: string }) {
  const child = spawn(process.execPath, [require.resolve('./loop-client.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  const done = new Promise<{ samples: Array<[number, number]>; errors: number; lastError: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`loop client exited with ${code}`))));
  });
  child.stdin.write(`${JSON.stringify(input)}\n`);
  return { stop: () => (child.stdin.end(), done) };
}

/**
 * Moves and a merge of a township of ~30 villages in county `code`, timed as the database
 * owner, with a reader of the county's roll-up running through the API all along.
 */
async function moveMergeSection(url: string, appUrl: string, code: string) {
  const owner = new Client({ connectionString: url });
  await owner.connect();
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await owner.query(text, params)).rows as T[];
  let reader: ReturnType<typeof startLoopReader> | null = null;
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  try {
    const [county] = await sql<{ id: string; tenant_id: string; name: string }>(`SELECT id, tenant_id, name FROM org WHERE code = $1`, [code]);
    const tenant = county.tenant_id;
    const years = (await sql<{ y: number }>(`SELECT DISTINCT left(period, 4)::int AS y FROM report WHERE tenant_id = $1 ORDER BY 1`, [tenant])).map((r) => r.y);
    const [firstYear, lastYear] = [years[0], years.at(-1)!];
    const day = `${lastYear}-01-01`;
    const prepDay = `${firstYear}-01-01`;
    type Township = { id: string; code: string; name: string; villages: number };
    const townships = await sql<Township>(
      `SELECT t.id, t.code, t.name, count(v.id)::int AS villages FROM org t LEFT JOIN org v ON v.parent_id = t.id AND v.dissolved_on IS NULL
        WHERE t.parent_id = $1 AND t.type = 'TOWN' AND t.dissolved_on IS NULL GROUP BY t.id, t.code, t.name ORDER BY villages DESC, t.code`, [county.id]);
    const [merged, successor, villageFrom, villageTo] = townships;
    const TARGET = 30;
    console.log(`move/merge: county ${code} (${townships.length} towns, ${townships.map((t) => t.villages).join('/')} villages; records ${years.join(', ')}); ` +
      `largest township ${merged.code} has ${merged.villages} villages: ${Math.max(0, TARGET - merged.villages)} more moved into it first (untimed, dated ${prepDay})`);

    const asAdmin = async (work: () => Promise<void>, end: 'COMMIT' | 'ROLLBACK') => {
      await owner.query('BEGIN');
      try {
        await owner.query(`SELECT set_config('ggw.admin_tenants', $1, true), set_config('ggw.reason', 'bench', true)`, [`{${tenant}}`]);
        await work();
      } catch (error) {
        await owner.query('ROLLBACK');
        throw error;
      }
      const t = wallNow();
      await owner.query(end);
      return wallNow() - t;
    };

    // the reader: the county's roll-up, 10 figures of the latest year vs the year before, through the API
    api = await startApi(appUrl, 'aggregates');
    const query = `{ org(code: "${code}") { rollup(period: "${lastYear}") { ${TEN} change { ${TEN} } } } }`;
    reader = startLoopReader({ endpoint: api.endpoint, token: api.token, query });
    const window = Number(process.env.BENCH_MOVE_WINDOW_MS ?? 5000);
    const phases: Array<{ name: string; from: number; to: number }> = [];
    const quiet = async (name: string) => {
      const from = wallNow();
      await sleep(window);
      phases.push({ name, from, to: wallNow() });
    };
    await sleep(1000); // warm-up
    await quiet('pristine');

    // untimed: the township gets ~30 villages (from the other towns, never from the sibling it merges into)
    const donors = await sql<{ id: string }>(
      `SELECT v.id FROM org v WHERE v.parent_id = ANY($1::uuid[]) AND v.dissolved_on IS NULL AND v.founded_on < $2 ORDER BY v.code LIMIT $3`,
      [townships.filter((t) => t !== merged && t !== successor && t !== villageFrom && t !== villageTo).map((t) => t.id), prepDay, Math.max(0, TARGET - merged.villages)]);
    await asAdmin(async () => {
      for (const v of donors) await owner.query(`SELECT ggw_move_org($1, $2, $3)`, [v.id, merged.id, prepDay]);
    }, 'COMMIT');
    await owner.query(`ANALYZE org, org_link, org_history_reach`);
    const villages = await sql<{ id: string }>(`SELECT id FROM org WHERE parent_id = $1 AND dissolved_on IS NULL ORDER BY code`, [merged.id]);
    const records = await sql<{ y: number; n: number }>(
      `SELECT extract(year FROM a.held_on)::int AS y, count(*)::int AS n FROM activity a JOIN org o ON o.tenant_id = a.tenant_id AND o.id = a.org_id
        WHERE o.tenant_id = $1 AND o.path <@ (SELECT path FROM org WHERE id = $2) GROUP BY 1 ORDER BY 1`, [tenant, merged.id]);
    console.log(`move/merge: township ${merged.code} now has ${villages.length} villages, activities by year ${records.map((r) => `${r.y}: ${r.n}`).join(', ')}; ` +
      `merged into ${successor.code} (${successor.villages} villages) from ${day}`);
    await quiet('before');

    // (b) one village moved to another town, 3 runs, all rolled back
    const [village] = await sql<{ id: string; code: string }>(`SELECT id, code FROM org WHERE parent_id = $1 AND dissolved_on IS NULL ORDER BY code LIMIT 1`, [villageFrom.id]);
    const villageMs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const from = wallNow();
      await asAdmin(async () => {
        const t = wallNow();
        await owner.query(`SELECT ggw_move_org($1, $2, $3)`, [village.id, villageTo.id, day]);
        villageMs.push(wallNow() - t);
      }, 'ROLLBACK');
      phases.push({ name: 'village move', from, to: wallNow() });
      await sleep(300);
    }

    // (a) the merge: every village to the sibling, then the township below it; 3 runs, the last one committed
    const mergeMs: number[] = [];
    let commitMs = 0;
    for (let run = 0; run < 3; run++) {
      const from = wallNow();
      const endMs = await asAdmin(async () => {
        const t = wallNow();
        for (const v of villages) await owner.query(`SELECT ggw_move_org($1, $2, $3, false)`, [v.id, successor.id, day]);
        await owner.query(`SELECT ggw_merge_org($1, $2, $3)`, [merged.id, successor.id, day]);
        mergeMs.push(wallNow() - t);
      }, run < 2 ? 'ROLLBACK' : 'COMMIT');
      if (run === 2) commitMs = endMs;
      phases.push({ name: 'merge', from, to: wallNow() });
      await sleep(300);
    }
    await quiet('after');

    const { samples, errors, lastError } = await reader.stop();
    reader = null;
    if (errors) console.log(`move/merge: ${errors} reader requests failed (${lastError.slice(0, 300)})`);
    // a request belongs to a phase it overlapped
    const during = (name: string) => samples.filter(([s, ms]) => phases.some((p) => p.name === name && s < p.to && s + ms > p.from)).map(([, ms]) => ms);
    const stats = (name: string) => {
      const xs = during(name);
      return xs.length ? `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length} runs)` : 'no reads';
    };
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(`merge of a township with ${villages.length} villages (${villages.length} ggw_move_org without a reach rebuild + ggw_merge_org, as mergeOrgs does; one transaction, from ${day}): ` +
      `median ${median(mergeMs).toFixed(0)} ms (runs ${fmt(mergeMs)} ms; the first two rolled back), commit ${commitMs.toFixed(0)} ms`);
    console.log(`move of one village (ggw_move_org, one transaction, from ${day}): median ${median(villageMs).toFixed(0)} ms (runs ${fmt(villageMs)} ms; rolled back)`);
    const name = `county ${code} rollup ${lastYear}, 10 figures vs ${lastYear - 1} [aggregates], concurrent reader`;
    console.log(`${name} before the merge: ${stats('before')} | during the merges: ${stats('merge')} | during the village moves: ${stats('village move')}`);
    console.log(`${name}, no org moved: ${stats('pristine')} | ${donors.length} villages moved (from ${prepDay}): ${stats('before')} | after the merge: ${stats('after')}`);
  } finally {
    if (reader) await reader.stop().catch(() => undefined);
    if (api) await api.close();
    await owner.end();
  }
}

/**
 * BENCH_SCALE=national: the national tenant count on one server. One province at full size
 * (10 cities of 10 counties of 20 townships and departments, ~30,000 orgs) and 30 more provinces
 * holding 2,800 county roots of one township and one village each; a national viewer holds a
 * role in each province (the platform's top level). Measured from the aggregates: a county, the
 * province with its cities, and the national view, all 31 provinces' roll-ups in one request;
 * then the API process's RSS.
 */
async function national() {
  const { url, appUrl, stop } = await startBenchProvince(10, 10, 'VIEWER', { provinces: 30, counties: 2800, townships: 20, villagesPerTownship: 17 });
  try {
    const owner = new Client({ connectionString: url });
    await owner.connect();
    const [{ orgs, tenants }] = (await owner.query(`SELECT count(*)::int AS orgs, count(DISTINCT tenant_id)::int AS tenants FROM org`)).rows;
    const [{ big }] = (await owner.query(`SELECT count(*)::int AS big FROM org WHERE path <@ $1::ltree`, [PROVINCE_CODE])).rows;
    // what the national view must add up to: every org of 2020 (founded by its end, not dissolved before)
    const [{ expected }] = (await owner.query(`SELECT count(*)::int AS expected FROM org WHERE founded_on <= '2020-12-31' AND (dissolved_on IS NULL OR dissolved_on > '2020-12-31')`)).rows;
    await owner.end();
    console.log(`national shape: ${orgs} orgs in ${tenants} tenants; the full province ${big} orgs`);
    const county = (c: string) => `{ org(code: "${c}") { name rollup(period: "2020") { orgCount fiveGoodCount fiveGoodRate volunteerCount coreVolunteerCount } summary(period: "2020") } }`;
    const province = (c: string) => `{ org(code: "${c}") { rollup(period: "2020") { ${TEN} change { ${TEN} } } childRollups(period: "2020") { rows { org { name } ${TEN} change { ${TEN} } } } } }`;
    const nation = () => `{ orgs(level: PROVINCE, first: 50) { nodes { code rollup(period: "2020") { ${TEN} change { ${TEN} } } } } }`;
    // each as its own viewer (what that level's users get), then the county and province as the national viewer too
    const runs: Array<{ name: string; user: string; query: string }> = [
      { name: `county (${countyCode(0, 0)}): rollup (5 figures) + summary, as its viewer`, user: 'bench-county', query: county(countyCode(0, 0)) },
      { name: 'province (100 counties) + cities side by side, 10 figures, vs 2019, as its viewer', user: 'bench-province', query: province(PROVINCE_CODE) },
      { name: 'national: the 31 provinces\' roll-ups, 10 figures, vs 2019, as the national viewer', user: 'bench', query: nation() },
      { name: 'county, as the national viewer', user: 'bench', query: county(countyCode(0, 0)) },
      { name: 'province, as the national viewer', user: 'bench', query: province(PROVINCE_CODE) },
    ];
    for (const r of runs) {
      const api = await startApi(appUrl, 'aggregates', r.user);
      try {
        const { ms, statements } = await runClient({ endpoint: api.endpoint, token: api.token, query: r.query, warmup: 3, runs: 100 });
        console.log(`${r.name} [aggregates]: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, ${statements} statements/request (${ms.length} runs)`);
      } finally {
        await api.close();
      }
    }
    const api = await startApi(appUrl, 'aggregates');
    try {
      const res = await fetch(api.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` }, body: JSON.stringify({ query: nation() }) });
      const provinces = ((await res.json()) as { data: { orgs: { nodes: Array<{ rollup: { orgCount: number } }> } } }).data.orgs.nodes;
      const total = provinces.reduce((n, p) => n + p.rollup.orgCount, 0);
      console.log(`national view: ${provinces.length} provinces, orgCount summed ${total} (the org table says ${expected}: ${total === expected ? 'equal' : 'DIFFERENT'})`);
      const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
      console.log(`the API's process (this one; the clients run apart): RSS ${mb(process.memoryUsage().rss)}, peak ${mb(process.resourceUsage().maxRSS * 1024)} (peak includes generating the data)`);
    } finally {
      await api.close();
    }
  } finally {
    await stop();
  }
}

async function main() {
  if (process.env.BENCH_SCALE === 'national') return national();
  const cities = Number(process.env.BENCH_CITIES ?? 10);
  const countiesPerCity = Number(process.env.BENCH_COUNTIES ?? 10);
  const readers = (process.env.BENCH_READERS ?? 'aggregates,records').split(',') as RollupReader[];
  const { url, appUrl, stop } = await startBenchProvince(cities, countiesPerCity, 'VIEWER');
  try {
    const queries: BenchQuery[] = [
      { name: 'county: rollup (5 figures) + summary', code: countyCode(0, 0), runs: { aggregates: 100, records: 20 },
        query: (c) => `{ org(code: "${c}") { name rollup(period: "2020") { orgCount fiveGoodCount fiveGoodRate volunteerCount coreVolunteerCount } summary(period: "2020") } }` },
      { name: 'county + townships + villages, 10 figures, vs 2019', code: countyCode(0, 0), runs: { aggregates: 100, records: 20 },
        query: (c) => `{ org(code: "${c}") { rollup(period: "2020") { ${TEN} change { ${TEN} } }
          childRollups(period: "2020") { rows { org { name } ${TEN} change { ${TEN} } } }
          descendantRollups(period: "2020", level: VILLAGE, first: 200) { nodes { org { name } ${TEN} change { ${TEN} } } } } }` },
      { name: `city (${countiesPerCity} counties) + counties side by side, 10 figures, vs 2019`, code: cityCode(0), runs: { aggregates: 100, records: 10 },
        query: (c) => `{ org(code: "${c}") { rollup(period: "2020") { ${TEN} change { ${TEN} } } childRollups(period: "2020") { rows { org { name } ${TEN} change { ${TEN} } } } } }` },
      { name: `province (${cities * countiesPerCity} counties) + cities side by side, 10 figures, vs 2019`, code: PROVINCE_CODE, runs: { aggregates: 100, records: 5 },
        query: (c) => `{ org(code: "${c}") { rollup(period: "2020") { ${TEN} change { ${TEN} } } childRollups(period: "2020") { rows { org { name } ${TEN} change { ${TEN} } } } } }` },
      { name: 'county report board (every org below, its report, five figures this year and last)', code: countyCode(0, 0), runs: { aggregates: 100, records: 10 },
        query: (c) => `{ org(code: "${c}") { reportBoard(period: "2020") { state report { submittedAt }
          org { name rollup(period: "2020") { orgCount volunteerCount fiveGoodRate activityCount donationTotal previousYear { orgCount volunteerCount fiveGoodRate activityCount donationTotal } } } } } }` },
      { name: 'province rollup, quarter 2020Q3 vs 2019Q3, 10 figures', code: PROVINCE_CODE, runs: { aggregates: 100, records: 5 },
        query: (c) => `{ org(code: "${c}") { rollup(period: "2020Q3") { ${TEN} change { ${TEN} } } } }` },
      // the published figures (approved reports' frozen figures) next to the live ones, side by side
      ...(['LIVE', 'APPROVED'] as const).flatMap((state): BenchQuery[] => [
        { name: `county rollup ${state}, 10 figures vs 2019`, code: countyCode(0, 0), runs: { aggregates: 100 },
          query: (c) => `{ org(code: "${c}") { rollup(period: "2020", state: ${state}) { ${TEN} change { ${TEN} } } } }` },
        { name: `province rollup ${state}, 10 figures vs 2019`, code: PROVINCE_CODE, runs: { aggregates: 50 },
          query: (c) => `{ org(code: "${c}") { rollup(period: "2020", state: ${state}) { ${TEN} change { ${TEN} } } } }` },
      ]),
    ];
    // BENCH_ONLY=APPROVED: only the queries whose name contains it
    for (const q of queries.filter((x) => !process.env.BENCH_ONLY || x.name.includes(process.env.BENCH_ONLY))) {
      for (const reader of readers.filter((x) => q.runs[x])) {
        const r = await measure(url, appUrl, q, reader);
        console.log(`${q.name} [${reader}]: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ` +
          `${r.statements} statements/request, ${r.rowsRead} rows read/request (${r.runs} runs)`);
      }
    }
    // last: it changes the county's tree
    if (!process.env.BENCH_ONLY || 'move/merge'.includes(process.env.BENCH_ONLY)) await moveMergeSection(url, appUrl, countyCode(0, 0));
  } finally {
    await stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
