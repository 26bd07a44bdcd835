/**
 * Export benchmark: the synthetic province of bench:rollup (100 counties, ~22,000 orgs, ~1.8 M
 * records) in a fresh embedded PostgreSQL, the real scheduler as a process of its own, and an
 * export of the whole province in each format, requested over GraphQL as a province admin.
 * Prints, per format, the time from the request to DONE, the worker's own time, the file's
 * size, and the scheduler process's peak resident memory so far (VmHWM).
 *
 *   pnpm bench:export                                    # the province (100 counties)
 *   BENCH_CITIES=1 BENCH_COUNTIES=10 pnpm bench:export   # a smaller run
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { createServer } from '@ggw/api';
import { createDataSource } from '@ggw/db';
import { PROVINCE_CODE, startBenchProvince } from './synthetic-province';

// compiled to test/bench/dist
const SCHEDULER_MAIN = join(__dirname, '..', '..', '..', 'services', 'scheduler', 'dist', 'main.js');
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';

/** Peak resident memory of a process so far, in MB (Linux). */
function peakMegabytes(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  return Math.round(kb / 1024);
}

async function main() {
  const cities = Number(process.env.BENCH_CITIES ?? 10);
  const countiesPerCity = Number(process.env.BENCH_COUNTIES ?? 10);
  const { url, appUrl, stop } = await startBenchProvince(cities, countiesPerCity, 'ADMIN');
  const scheduler = spawn(process.execPath, [SCHEDULER_MAIN], {
    env: { PATH: process.env.PATH ?? '', APP_DATABASE_URL: appUrl, LOG_LEVEL: 'info', SCHEDULER_POLL_SECONDS: '0.5' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => scheduler.on('exit', resolve));
  const owner = createDataSource({ url, poolSize: 1 });
  const dataSource = createDataSource({ url: appUrl, poolSize: 2 });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      scheduler.stdout!.on('data', (chunk: Buffer) => {
        out += chunk;
        if (out.includes('scheduler started')) resolve();
      });
      void exited.then((code) => reject(new Error(`the scheduler exited (${code}): ${out}`)));
    });
    console.log(`scheduler process: ${peakMegabytes(scheduler.pid!)} MB resident after start`);
    await owner.initialize();
    await dataSource.initialize();
    const server = await createServer({ dataSource, logger: pino({ level: 'silent' }), graphiql: false, introspection: false, exposeSqlStats: false, jwtSecret: SECRET, limits: { ratePerMinute: 1e9, rateBurst: 1e9, maxConcurrent: 1000 } });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const endpoint = `http://127.0.0.1:${(server.server.address() as { port: number }).port}/graphql`;
    const gql = async (query: string, token?: string) => {
      const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { data?: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const token = (await gql('mutation { login(username: "bench", password: "bench") { token } }')).login.token;
    const [{ villages }] = await owner.query(`SELECT count(*)::int AS villages FROM org WHERE level = 'VILLAGE'`);
    for (const format of ['XLSX', 'CSV', 'DOCX']) {
      const started = Date.now();
      const { requestExport } = await gql(`mutation { requestExport(orgCode: "${PROVINCE_CODE}", period: "2020", format: ${format}) { id } }`, token);
      let job;
      for (;;) {
        const { exports } = await gql(`{ exports(orgCode: "${PROVINCE_CODE}", first: 10) { nodes { id status error sizeBytes } } }`, token);
        job = exports.nodes.find((n: { id: string }) => n.id === requestExport.id);
        if (job.status === 'DONE' || job.status === 'FAILED') break;
        await new Promise((r) => setTimeout(r, 200));
      }
      if (job.status !== 'DONE') throw new Error(`${format} export failed: ${job.error}`);
      const [{ worker }] = await owner.query(`SELECT extract(epoch FROM finished_at - started_at)::float8 AS worker FROM export_job WHERE id = $1`, [requestExport.id]);
      console.log(`province export ${format} (${villages} villages): ${((Date.now() - started) / 1000).toFixed(1)} s from request to DONE ` +
        `(worker ${worker.toFixed(1)} s), ${(job.sizeBytes / 1e6).toFixed(2)} MB, scheduler peak memory ${peakMegabytes(scheduler.pid!)} MB`);
    }
    await server.close();
  } finally {
    scheduler.kill('SIGTERM');
    await exited;
    if (dataSource.isInitialized) await dataSource.destroy();
    if (owner.isInitialized) await owner.destroy();
    await stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
