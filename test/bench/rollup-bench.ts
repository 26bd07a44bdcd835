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
 */
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
async function measure(url: string, appUrl: string, q: BenchQuery, reader: RollupReader) {
  const dataSource = createDataSource({ url: appUrl, poolSize: 2 });
  await dataSource.initialize();
  const server = await createServer({ dataSource, logger: pino({ level: 'silent' }), graphiql: false, introspection: false, exposeSqlStats: true, jwtSecret: SECRET, rollupReader: reader,
    // one client measures latency: the per-user rate limit would be what it measured
    limits: { ratePerMinute: 1e9, rateBurst: 1e9, maxConcurrent: 1000 } });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const endpoint = `http://127.0.0.1:${(server.server.address() as { port: number }).port}/graphql`;
  const login = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { login(username: "bench", password: "bench") { token } }' }) });
  const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
  const before = await rowsRead(url);
  const { ms, statements } = await runClient({ endpoint, token, query: q.query(q.code), warmup: 3, runs: q.runs[reader]! });
  // closing the server's connections flushes their table statistics
  await server.close();
  await dataSource.destroy();
  await new Promise((r) => setTimeout(r, 200));
  const read = (await rowsRead(url)) - before;
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), statements, rowsRead: Math.round(read / (ms.length + 3)), runs: ms.length };
}

async function main() {
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
  } finally {
    await stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
