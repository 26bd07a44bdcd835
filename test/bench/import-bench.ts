/**
 * Import benchmark over HTTP: a synthetic province in a fresh embedded PostgreSQL (loaded with
 * the roll-up triggers on), the real API server in a CHILD process (this file run with
 * `--server`, so that its peak memory, VmHWM of /proc/<pid>/status, is the API's alone), and the
 * client here: an ADMIN at one county uploads a BENCH_ROWS-row activities workbook (written with
 * exceljs's streaming writer) to `POST /imports` three times: (a) a dry run, (b) the import,
 * (c) the same file again (all rows must come back unchanged). Each phase is timed from the
 * request's start to its answer; the server's peak memory and CPU time are read after each.
 * During (a) and (b) a VIEWER at the county asks for the county's 2022 roll-up in a loop, and
 * its latency is printed. At the end the county's 2022 and 2023 activity counts read through
 * the API (from the aggregates) are checked against the records counted by the owner.
 *
 *   pnpm bench:import                                 # 100,000 rows
 *   BENCH_ROWS=20000 pnpm bench:import                # a smaller file
 *   BENCH_CITIES=1 BENCH_COUNTIES=3                   # the province's size (the defaults)
 *   BENCH_POOL=10                                     # the server's pool (the default)
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { Client } from 'pg';
import { hashPassword } from '@ggw/authz';
import { createServer } from '@ggw/api';
import { createDataSource } from '@ggw/db';
import { ACTIVITY_THEME_LABELS } from '@ggw/domain';
import { percentile } from './bench-util';
import { countyCode, startBenchProvince } from './synthetic-province';

const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const COUNTY = countyCode(0, 0);
const PASSWORD = 'import-bench-password';
const HEADERS = ['组织代码', '活动日期', '活动主题', '活动名称', '场次', '参加人数', '受教育青少年人次'];
const THEMES = Object.values(ACTIVITY_THEME_LABELS);
const TARGETS = { dryRunS: 20, importS: 40, peakMb: 400, readerP95Ms: 100 };

// ---------------------------------------------------------------------------------------------
// The server process (`--server`): reads {appUrl, poolSize} on stdin, listens, prints its port.

async function serverMain() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const { appUrl, poolSize } = JSON.parse(input) as { appUrl: string; poolSize: number };
  const dataSource = createDataSource({ url: appUrl, poolSize });
  await dataSource.initialize();
  const server = await createServer({
    dataSource, logger: pino({ level: 'error' }, pino.destination(2)), graphiql: false, introspection: false, exposeSqlStats: true, jwtSecret: SECRET,
    limits: {
      // the per-user rate limit and in-flight cap would be what the reader measured
      ratePerMinute: 1e9, rateBurst: 1e9, maxConcurrent: 1000,
      importTimeBudgetMs: 600_000,
      imports: { maxBytes: 512 * 1024 * 1024, maxRows: 1_000_000, maxCellChars: 2000 },
    },
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ port: (server.server.address() as { port: number }).port })}\n`);
  process.on('SIGTERM', () => {
    void server.close().then(() => dataSource.destroy()).finally(() => process.exit(0));
  });
}

// ---------------------------------------------------------------------------------------------
// The client side (this process).

interface ApiProcess {
  child: ChildProcess;
  pid: number;
  base: string;
  stop(): Promise<void>;
}

async function startApiProcess(appUrl: string, poolSize: number): Promise<ApiProcess> {
  // the API's heap limit as production starts it (infra/README.md, `pnpm start`)
  const child = spawn(process.execPath, ['--max-old-space-size=1024', __filename, '--server'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin!.end(JSON.stringify({ appUrl, poolSize }));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    void exited.then((code) => reject(new Error(`API process exited with ${code} before listening`)));
  });
  return {
    child, pid: child.pid!, base: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** VmHWM (peak resident set) and VmRSS of a process, in MB. */
function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** Resets VmHWM to the current RSS (Linux ≥ 4.0); false when not allowed, VmHWM is then the peak since the process started. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** The process's CPU time (user + system), in seconds. */
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 (1-based) of the whole line, 12 and 13 after the command
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function gql(base: string, query: string, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
  if (res.status !== 200 || body.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

const login = async (base: string, username: string, password: string): Promise<string> =>
  (await gql(base, `mutation { login(username: "${username}", password: "${password}") { token } }`)).login.token;

/**
 * The workbook as a clerk's would be: one sheet, the template's headers, a row per activity.
 * Written with exceljs's streaming writer (shared strings, as Excel writes them); org codes and
 * dates as text. Row i goes to org i mod n, its k-th (k = i div n) activity there: title
 * "… 第k期" makes (date, title) distinct per org, dates run over 2022–2023.
 */
async function writeWorkbook(path: string, rows: number, orgCodes: string[]): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const sheet = book.addWorksheet('活动');
  sheet.addRow(HEADERS).commit();
  const day0 = Date.UTC(2022, 0, 1);
  for (let i = 0; i < rows; i++) {
    const o = i % orgCodes.length;
    const k = Math.floor(i / orgCodes.length);
    const date = new Date(day0 + ((k * 7 + o * 3) % 730) * 86_400_000).toISOString().slice(0, 10);
    const theme = THEMES[(i * 7 + k) % THEMES.length];
    const participants = 10 + ((i * 37) % 190);
    sheet.addRow([orgCodes[o], date, theme, `${theme}活动 第${k + 1}期`, 1 + (i % 5), participants, (i * 13) % (participants * 3)]).commit();
  }
  sheet.commit();
  await book.commit();
}

interface ImportAnswer {
  httpStatus: number;
  seconds: number;
  body: { id?: string; status?: string; rowCount?: number; created?: number; updated?: number; unchanged?: number; problemCount?: number;
    problems?: Array<{ row: number | null; header: string | null; message: string }>; code?: string; reason?: string; message?: string };
}

/**
 * POST /imports with the file as multipart (FormData + Blob, encoded by undici's Response),
 * sent over node:http rather than fetch: fetch gives up after 300 s without response headers,
 * and a slow import is what this measures.
 */
async function upload(base: string, token: string, file: Buffer, dryRun: boolean): Promise<ImportAnswer> {
  const form = new FormData();
  form.append('file', new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'activities.xlsx');
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type')!;
  const body = Buffer.from(await encoded.arrayBuffer());
  const url = new URL(`${base}/imports?orgCode=${COUNTY}&kind=activities&dryRun=${dryRun}`);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ httpStatus: res.statusCode ?? 0, seconds, body: JSON.parse(text) });
        } catch {
          resolve({ httpStatus: res.statusCode ?? 0, seconds, body: { message: text.slice(0, 500) } });
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Asks `query` back to back until stopped; latencies of the answers without errors, and the errors. */
function startReader(base: string, token: string, query: string) {
  const ms: number[] = [];
  const errors: string[] = [];
  let errorCount = 0;
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const t0 = process.hrtime.bigint();
      try {
        await gql(base, query, token);
        ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
      } catch (e) {
        errorCount++;
        const m = e instanceof Error ? e.message.slice(0, 200) : String(e);
        if (errors.length < 3 && !errors.includes(m)) errors.push(m);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
      return { ms, errorCount, errors };
    },
  };
}

const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function readerLine(r: { ms: number[]; errorCount: number; errors: string[] }): { line: string; p95: number } {
  const p = (q: number) => (r.ms.length ? percentile(r.ms, q) : NaN);
  const p95 = p(95);
  const line = `reader: ${r.ms.length} answers, p50 ${fmt(p(50))} ms, p95 ${fmt(p95)} ms, max ${fmt(r.ms.length ? Math.max(...r.ms) : NaN)} ms, errors ${r.errorCount}` +
    (r.errors.length ? `; first errors: ${r.errors.join(' | ')}` : '');
  return { line, p95 };
}

async function clientMain() {
  const cities = Number(process.env.BENCH_CITIES ?? 1);
  const countiesPerCity = Number(process.env.BENCH_COUNTIES ?? 3);
  const rows = Number(process.env.BENCH_ROWS ?? 100_000);
  const poolSize = Number(process.env.BENCH_POOL ?? 10);
  if (!(rows >= 1)) throw new Error('BENCH_ROWS: a positive number');

  const { url, appUrl, stop } = await startBenchProvince(cities, countiesPerCity, 'VIEWER');
  const owner = new Client({ connectionString: url });
  const dir = mkdtempSync(join(tmpdir(), 'ggw-import-bench-'));
  let api: ApiProcess | undefined;
  try {
    await owner.connect();
    // an ADMIN (the importer) and a VIEWER (the reader) at the county
    const [county] = (await owner.query(`SELECT tenant_id, id FROM org WHERE code = $1`, [COUNTY])).rows as Array<{ tenant_id: string; id: string }>;
    const hash = await hashPassword(PASSWORD);
    for (const [username, role] of [['importer', 'ADMIN'], ['reader', 'VIEWER']]) {
      const [{ id }] = (await owner.query(`INSERT INTO app_user (id, username, password_hash, display_name) VALUES (gen_random_uuid(), $1, $2, $1) RETURNING id`, [username, hash])).rows;
      await owner.query(`INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role) VALUES ($1, $2, $3, $4)`, [id, county.tenant_id, county.id, role]);
    }
    // the county's townships (and departments) and villages (and schools) that still exist
    const orgCodes = ((await owner.query(
      `SELECT o.code FROM org o JOIN org c ON c.code = $1 AND o.path <@ c.path
        WHERE o.level IN ('TOWNSHIP', 'VILLAGE') AND (o.dissolved_on IS NULL OR o.dissolved_on > '2023-12-31')
          AND (o.founded_on IS NULL OR o.founded_on <= '2022-01-01') ORDER BY o.code`, [COUNTY],
    )).rows as Array<{ code: string }>).map((r) => r.code);

    const file = join(dir, 'activities.xlsx');
    const t0 = Date.now();
    await writeWorkbook(file, rows, orgCodes);
    const bytes = readFileSync(file);
    console.log(`workbook: ${rows} activity rows over ${orgCodes.length} townships and villages of county ${COUNTY} (~${Math.ceil(rows / orgCodes.length)} per org), ` +
      `${(statSync(file).size / 1048576).toFixed(1)} MB, written in ${((Date.now() - t0) / 1000).toFixed(1)} s (exceljs streaming writer, shared strings)`);
    console.log(`upload: the whole file as a Blob in multipart/form-data (FormData encoded by Response, sent with node:http), server pool ${poolSize}`);

    api = await startApiProcess(appUrl, poolSize);
    const importer = await login(api.base, 'importer', PASSWORD);
    const reader = await login(api.base, 'reader', PASSWORD);
    const rollupQuery = `{ org(code: "${COUNTY}") { rollup(period: "2022") { activityCount volunteerCount } } }`;
    for (let i = 0; i < 20; i++) await gql(api.base, rollupQuery, reader); // warm-up

    const mem0 = memoryOf(api.pid);
    console.log(`API process ${api.pid} before the imports: RSS ${fmt(mem0.rssMb)} MB, peak (VmHWM) so far ${fmt(mem0.hwmMb)} MB`);

    // the reader alone, for comparison
    const idle = startReader(api.base, reader, rollupQuery);
    await new Promise((r) => setTimeout(r, 3000));
    console.log(`baseline (3 s, no import): ${readerLine(await idle.stop()).line}`);

    const results: Array<{ name: string; seconds: number; peakMb: number; p95: number | null; answer: ImportAnswer }> = [];
    const phases: Array<{ name: string; dryRun: boolean; withReader: boolean }> = [
      { name: '(a) dry run', dryRun: true, withReader: true },
      { name: '(b) import', dryRun: false, withReader: true },
      { name: '(c) same file again', dryRun: false, withReader: false },
    ];
    let cumulativePeak = false;
    for (const phase of phases) {
      const before = memoryOf(api.pid);
      if (!resetPeak(api.pid)) cumulativePeak = true;
      const cpu0 = cpuSecondsOf(api.pid);
      const r = phase.withReader ? startReader(api.base, reader, rollupQuery) : null;
      const answer = await upload(api.base, importer, bytes, phase.dryRun);
      const readerResult = r ? await r.stop() : null;
      const cpu = cpuSecondsOf(api.pid) - cpu0;
      const after = memoryOf(api.pid);
      const b = answer.body;
      console.log(`${phase.name}: HTTP ${answer.httpStatus} in ${fmt(answer.seconds, 2)} s; ` +
        (answer.httpStatus === 200
          ? `status ${b.status}, rowCount ${b.rowCount}, created ${b.created}, updated ${b.updated}, unchanged ${b.unchanged}, problems ${b.problemCount}`
          : `${b.code ?? ''} ${b.reason ?? ''} ${b.message ?? ''}`));
      if (b.problems?.length) console.log(`  first problems: ${b.problems.slice(0, 3).map((p) => `row ${p.row} ${p.header ?? ''}: ${p.message}`).join(' | ')}`);
      console.log(`  API process: RSS before ${fmt(before.rssMb)} MB, after ${fmt(after.rssMb)} MB, peak (VmHWM${cumulativePeak ? ', since start' : ', this phase'}) ${fmt(after.hwmMb)} MB; CPU ${fmt(cpu, 1)} s`);
      let p95: number | null = null;
      if (readerResult) {
        const rl = readerLine(readerResult);
        p95 = rl.p95;
        console.log(`  concurrent ${rl.line}`);
      }
      results.push({ name: phase.name, seconds: answer.seconds, peakMb: after.hwmMb, p95, answer });
    }

    // the roll-ups read through the API (aggregates) against the records counted by the owner
    console.log(`roll-ups after the imports (county ${COUNTY}, API from the aggregates vs counted from the records):`);
    let exact = true;
    const data = await gql(api.base, `{ org(code: "${COUNTY}") { y2022: rollup(period: "2022") { activityCount } y2023: rollup(period: "2023") { activityCount } } }`, reader);
    for (const y of ['2022', '2023']) {
      const { rows: [rec] } = await owner.query(
        `WITH s AS (SELECT o.tenant_id, o.id FROM org o WHERE o.path <@ (SELECT path FROM org WHERE code = $1))
         SELECT count(*)::int AS n FROM activity r JOIN s ON s.tenant_id = r.tenant_id AND s.id = r.org_id WHERE r.held_on >= $2 AND r.held_on < $3`,
        [COUNTY, `${y}-01-01`, `${Number(y) + 1}-01-01`]);
      const got = (data.org[`y${y}`] as { activityCount: number }).activityCount;
      exact &&= got === rec.n;
      console.log(`  ${y}: API activityCount ${got}, records ${rec.n}${got === rec.n ? '' : '  <-- DIFFERS'}`);
    }
    console.log(`roll-ups exact: ${exact ? 'yes' : 'no'}`);

    const [a, b, c] = results;
    const peak = Math.max(...results.map((r) => r.peakMb));
    const readerP95 = Math.max(...results.filter((r) => r.p95 !== null).map((r) => r.p95!));
    const cOk = c.answer.httpStatus === 200 && c.answer.body.created === 0 && c.answer.body.updated === 0 && c.answer.body.unchanged === rows;
    console.log(`targets (${rows} rows):`);
    console.log(`  dry run          ${fmt(a.seconds, 1)} s   (target < ${TARGETS.dryRunS} s)   ${mark(a.answer.body.status === 'CHECKED' && a.seconds < TARGETS.dryRunS)}`);
    console.log(`  import           ${fmt(b.seconds, 1)} s   (target < ${TARGETS.importS} s)   ${mark(b.answer.body.status === 'IMPORTED' && b.seconds < TARGETS.importS)}`);
    console.log(`  API peak memory  ${fmt(peak, 0)} MB  (target < ${TARGETS.peakMb} MB)  ${mark(peak < TARGETS.peakMb)}`);
    console.log(`  reader p95       ${fmt(readerP95, 1)} ms  (target < ${TARGETS.readerP95Ms} ms, worst of (a) and (b))  ${mark(readerP95 < TARGETS.readerP95Ms)}`);
    console.log(`  re-import        ${fmt(c.seconds, 1)} s, ${c.answer.body.unchanged} unchanged, ${c.answer.body.created} created  ${mark(cOk)}`);
    console.log(`  roll-ups exact   ${exact ? 'yes' : 'no'}  ${mark(exact)}`);
  } finally {
    await api?.stop().catch(() => undefined);
    await owner.end().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    await stop();
  }
}

(process.argv[2] === '--server' ? serverMain() : clientMain()).catch((e) => {
  console.error(e);
  process.exit(1);
});
