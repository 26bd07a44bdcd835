/**
 * The dashboard's budgets: JavaScript under 350 KB gzipped, and the first load of the org page
 * on localhost under 1.5 s to the headline numbers. The built app (pnpm build:web) served by
 * the API on the reference database; the system's Chromium opens 集安市's page for 2020 in a
 * fresh profile each time (nothing cached), already signed in, and the time is taken from the
 * navigation's start to 218 being on screen. Warm loads (scripts cached) are printed beside.
 *
 *   pnpm bench:web
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { chromium } from 'playwright-core';
import { createServer } from '@ggw/api';
import { createDataSource } from '@ggw/db';
import { percentile, referenceDatabase } from './bench-util';

const WEB = join(__dirname, '..', '..', '..', 'services', 'web', 'dist'); // from test/bench/dist
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

function scriptSizes(): { file: string; bytes: number; gzip: number }[] {
  const assets = join(WEB, 'assets');
  return readdirSync(assets).filter((f) => f.endsWith('.js')).map((file) => {
    const body = readFileSync(join(assets, file));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

async function main() {
  const scripts = scriptSizes();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const s of scripts) console.log(`script ${s.file}: ${kb(s.bytes)}, ${kb(s.gzip)} gzipped`);
  const total = scripts.reduce((n, s) => n + s.gzip, 0);
  console.log(`JavaScript, all chunks: ${kb(total)} gzipped (budget 350 KB): ${total < 350 * 1024 ? 'within' : 'OVER'}`);

  const db = await referenceDatabase();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const dataSource = createDataSource({ url: db.appUrl, poolSize: 10 });
    await dataSource.initialize();
    const server = await createServer({
      dataSource, logger: pino({ level: 'silent' }), graphiql: false, introspection: false, exposeSqlStats: false,
      jwtSecret: 'bench-secret-bench-secret-bench-secret-0123', webApp: WEB,
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "jian-admin", password: "demo") { token } }' }),
    });
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;

    /** Opens the page in `context` and returns ms from the navigation's start to 218 on screen, and the bytes it took. */
    const load = async (context: Awaited<ReturnType<typeof browser.newContext>>) => {
      const page = await context.newPage();
      let transferred = 0;
      page.on('response', (r) => void r.request().sizes().then((s) => (transferred += s.responseBodySize + s.responseHeadersSize)).catch(() => undefined));
      await page.goto(`${base}/org/220582?period=2020`, { waitUntil: 'commit' });
      // a function, not a string: the page's CSP forbids eval (this bench's TypeScript has no DOM types)
      const handle = await page.waitForFunction(() => {
        const page = globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null }; performance: { now(): number } };
        return page.document.querySelector('[data-figure="orgCount"] strong')?.textContent === '218' && page.performance.now();
      }, undefined, { polling: 'raf', timeout: 15_000 });
      const ms = Number(await handle.jsonValue());
      await page.waitForLoadState('networkidle');
      await page.close();
      return { ms, transferred };
    };

    const cold: number[] = [];
    const warm: number[] = [];
    let bytes = 0;
    /** A fresh browser profile (nothing cached) whose tab is signed in already. */
    const signedIn = async () => {
      const context = await browser.newContext();
      await context.addInitScript(`sessionStorage.setItem('ggw.token', ${JSON.stringify(token)})`);
      return context;
    };
    await load(await signedIn()); // the server's first answers (compression, plans) are not a user's
    for (let i = 0; i < RUNS; i++) {
      const context = await signedIn();
      const first = await load(context);
      cold.push(first.ms);
      bytes = first.transferred;
      warm.push((await load(context)).ms);
      await context.close();
    }
    const line = (xs: number[]) => `median ${percentile(xs, 50).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
    console.log(`first load of 集安市's page to the headline numbers (${RUNS} fresh profiles): ${line(cold)} (budget 1500 ms): ${Math.max(...cold) < 1500 ? 'within' : 'OVER'}`);
    console.log(`  transferred on a first load: ${kb(bytes)} (compressed, all requests until the network is idle)`);
    console.log(`again with the scripts cached: ${line(warm)}`);
    await server.close();
    await dataSource.destroy();
  } finally {
    await browser.close();
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
