import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { appRoleUrl, createDataSource, enableAppLogin, ensureDatabase, loadReferenceData, migrate, startEmbeddedPostgres } from '@ggw/db';

import { freePort } from '@ggw/testing';

export { freePort };

/** The p-th percentile (nearest rank) of a list of numbers. */
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Runs the benchmark client (bench-client.js) in a child process and returns its latencies. */
export function runClient(input: { endpoint: string; token: string; query: string; warmup: number; runs: number }): Promise<{ ms: number[]; statements: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('./bench-client.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`bench client exited with ${code}`))));
    child.stdin.end(JSON.stringify(input));
  });
}

export const BENCH_APP_PASSWORD = 'bench-app-password-0123456789';

/**
 * A throw-away embedded PostgreSQL: migrated, filled by `fill` (as the owner), and the
 * application role able to log in: `url` as the owner, `appUrl` as `ggw_app`. `stop()` stops it
 * and deletes its files. `onLog` sees the server's log (to capture statements).
 */
export async function benchDatabase(
  fill: (owner: DataSource) => Promise<void>,
  opts: { onLog?: (message: string) => void; poolSize?: number } = {},
): Promise<{ url: string; appUrl: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ggw-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), persistent: false, onLog: opts.onLog });
  const stop = async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(pg, 'bench');
    const url = pg.urlFor('bench');
    const owner = createDataSource({ url, poolSize: opts.poolSize ?? 2 });
    await owner.initialize();
    await migrate(owner);
    await fill(owner);
    await enableAppLogin(owner, BENCH_APP_PASSWORD);
    await owner.destroy();
    return { url, appUrl: appRoleUrl(url, BENCH_APP_PASSWORD), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A throw-away database with the reference data (集安市), analysed (see `benchDatabase`). */
export function referenceDatabase(opts: { onLog?: (message: string) => void } = {}): Promise<{ url: string; appUrl: string; stop(): Promise<void> }> {
  return benchDatabase(async (owner) => {
    await loadReferenceData(owner.manager);
    await owner.query('VACUUM ANALYZE');
  }, opts);
}
