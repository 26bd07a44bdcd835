import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { APP_ROLE, enableAppLogin } from './app-role';
import { createDataSource, migrate } from './data-source';

/**
 * What an operator runs against the platform's PostgreSQL, as its owner (`DATABASE_URL`):
 * `pnpm db:migrate`, `pnpm db:backup [DIR]` and `pnpm db:restore FILE` (cli.ts). The API and the
 * scheduler never need the owner's password in production: they connect as `ggw_app`.
 */

/**
 * Applies this build's migrations (and reinstalls the roll-up triggers and the job queues when
 * they changed). With `appUrl` (the `APP_DATABASE_URL` the processes will use), also lets
 * `ggw_app` log in with that URL's password.
 */
export async function migrateDatabase(ownerUrl: string, appUrl?: string): Promise<string[]> {
  const owner = createDataSource({ url: ownerUrl, poolSize: 1 });
  await owner.initialize();
  try {
    const applied = await migrate(owner);
    if (appUrl) await enableAppLogin(owner, appRolePassword(appUrl));
    return applied;
  } finally {
    await owner.destroy();
  }
}

/** The password of an `APP_DATABASE_URL`, which must name the application role. */
function appRolePassword(appUrl: string): string {
  const url = new URL(appUrl);
  if (decodeURIComponent(url.username) !== APP_ROLE) throw new Error(`APP_DATABASE_URL must connect as ${APP_ROLE}, not ${url.username || '(nobody)'}`);
  return decodeURIComponent(url.password);
}

/**
 * A PostgreSQL client program: from `PG_BIN_DIR` when set, else the newest of Debian's
 * /usr/lib/postgresql/<major>/bin, else the PATH. pg_dump must be at least the server's major
 * version (it says so and stops otherwise).
 */
export function pgProgram(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  if (env.PG_BIN_DIR) return join(env.PG_BIN_DIR, name);
  const debian = '/usr/lib/postgresql';
  const majors = existsSync(debian) ? readdirSync(debian).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const major of majors) if (existsSync(join(debian, major, 'bin', name))) return join(debian, major, 'bin', name);
  return name;
}

/** Runs a client program with the connection in the environment (never on the command line, where `ps` shows it). */
function run(program: string, args: string[], url: string): Promise<void> {
  const u = new URL(url);
  const env = {
    ...process.env,
    PGHOST: u.hostname, PGPORT: u.port || '5432', PGUSER: decodeURIComponent(u.username), PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
    ...(u.searchParams.get('sslmode') ? { PGSSLMODE: u.searchParams.get('sslmode')! } : {}),
  };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    child.on('error', (error) => reject(new Error(`${program}: ${error.message} (install postgresql-client, or set PG_BIN_DIR)`)));
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${basename(program)} failed (exit ${code}):\n${stderr.trim()}`))));
  });
}

/**
 * Every table forces row-level security, on its owner too; pg_dump and pg_restore work with row
 * security off, which only a role that bypasses it may do (they stop at the first table
 * otherwise, and with an empty search_path the policies' helper functions cannot even be found).
 */
async function mustBypassRowSecurity(ds: { query(sql: string): Promise<Array<{ bypass: boolean; role: string }>> }): Promise<void> {
  const [{ bypass, role }] = await ds.query(`SELECT rolbypassrls OR rolsuper AS bypass, rolname AS role FROM pg_roles WHERE rolname = current_user`);
  if (!bypass) throw new Error(`${role} cannot back up or restore every row: as a superuser, ALTER ROLE ${role} BYPASSRLS (the owner's connection is the operator's, never the processes')`);
}

/** The last migration applied to a database: the schema version a backup is named with. */
async function schemaVersion(url: string): Promise<string> {
  const ds = createDataSource({ url, poolSize: 1 });
  await ds.initialize();
  try {
    await mustBypassRowSecurity(ds);
    const [row] = await ds.query(`SELECT timestamp::text AS version FROM schema_migration ORDER BY timestamp DESC LIMIT 1`);
    if (!row) throw new Error('the database has no migrations applied: nothing to back up');
    return row.version as string;
  } finally {
    await ds.destroy();
  }
}

/**
 * Dumps the database (pg_dump, custom format: compressed, restorable table by table) into `dir`
 * as `ggw-<database>-schema<version>-<UTC time>.dump` and returns the file's path. A consistent
 * snapshot: writes go on while it runs.
 */
export async function backupDatabase(ownerUrl: string, dir: string, now = new Date()): Promise<string> {
  const version = await schemaVersion(ownerUrl);
  mkdirSync(dir, { recursive: true });
  const database = decodeURIComponent(new URL(ownerUrl).pathname.slice(1));
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = resolve(dir, `ggw-${database}-schema${version}-${stamp}.dump`);
  await run(pgProgram('pg_dump'), ['--format=custom', '--no-owner', '--file', file], ownerUrl);
  return file;
}

/** The schema version a backup's file name carries (`backupDatabase`), or null for another name. */
export function backupSchemaVersion(file: string): string | null {
  return /-schema(\d+)-\d{8}T\d{6}Z\.dump$/.exec(basename(file))?.[1] ?? null;
}

/**
 * Restores a backup into an empty database (refuses one with tables: a restore over data would
 * mix two states), in one transaction: all of it or nothing. Objects end up owned by the
 * restoring owner; the application role is created first when the server has none (roles
 * belong to the server, not to the dump). Afterwards `migrateDatabase` brings an older backup up
 * to this build, and lets `ggw_app` log in.
 */
export async function restoreDatabase(ownerUrl: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no such backup file: ${file}`);
  const ds = createDataSource({ url: ownerUrl, poolSize: 1 });
  await ds.initialize();
  try {
    const [{ tables }] = await ds.query(`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
    if (tables > 0) throw new Error(`the database is not empty (${tables} tables): restore into a new, empty database`);
    await mustBypassRowSecurity(ds);
    await ds.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF; END $$`);
  } finally {
    await ds.destroy();
  }
  const database = decodeURIComponent(new URL(ownerUrl).pathname.slice(1));
  await run(pgProgram('pg_restore'), ['--no-owner', '--single-transaction', '--exit-on-error', '--dbname', database, file], ownerUrl);
}
