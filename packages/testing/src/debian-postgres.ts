import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { Client } from 'pg';

/**
 * A PostgreSQL 15 server of its own from Debian's `postgresql-15` binaries (what operators run,
 * not the embedded package): `initdb` and `pg_ctl` in a temporary folder, on a free port on
 * loopback, password authentication. `.ci/run` installs the package when it is missing.
 * Running as root (CI containers), the server runs as Debian's `postgres` user, as PostgreSQL
 * refuses root.
 */
export const PG15_BIN = process.env.PG15_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const SUPERUSER = 'postgres';
const SUPERUSER_PASSWORD = 'ops-test-superuser-0123456789';

export interface DebianPostgres {
  port: number;
  dataDir: string;
  /** The superuser's connection to `db`. */
  superUrl(db?: string): string;
  /** `pg_ctl` with these arguments (stop -m fast, start, restart…), waiting for it. */
  pgCtl(...args: string[]): void;
  /** Runs SQL as the superuser on `db`. */
  sql(text: string, db?: string): Promise<Array<Record<string, unknown>>>;
  /**
   * Creates a login role (not a superuser) owning a new database: the platform's owner, which
   * creates the application role (CREATEROLE) and backs up and restores every row (BYPASSRLS).
   * Returns its URL.
   */
  createOwner(role: string, database: string): Promise<string>;
  /**
   * A hot standby of this server (`pg_basebackup -R`, streaming replication), started on a port
   * of its own and caught up; the same roles and passwords, so `ggw_app` logs in there too.
   */
  startStandby(settings?: Record<string, string>): Promise<DebianPostgres>;
  stop(): void;
}

function asPostgres(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** A free TCP port on loopback (for a server a test or benchmark starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A folder of its own for a server, owned by the user that runs it; and how to run its programs there. */
function serverFolder() {
  if (!existsSync(join(PG15_BIN, 'initdb'))) {
    throw new Error(`no PostgreSQL 15 in ${PG15_BIN}: apt-get install postgresql-15 (.ci/run installs it), or set PG15_BIN_DIR`);
  }
  const user = asPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'ggw-pg15-'));
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
  const run = (program: string, args: string[]) => {
    const r = spawnSync(join(PG15_BIN, program), args, { ...user, encoding: 'utf8', cwd: dir, timeout: 120_000, env: { ...process.env, PGPASSWORD: SUPERUSER_PASSWORD } });
    if (r.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  return { user, dir, dataDir: join(dir, 'data'), run };
}

export async function startDebianPostgres(settings: Record<string, string> = {}): Promise<DebianPostgres> {
  const folder = serverFolder();
  const { user, dir, dataDir, run } = folder;
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, SUPERUSER_PASSWORD);
  if (user.uid !== undefined) chownSync(pwfile, user.uid, user.gid!);
  run('initdb', ['-D', dataDir, '-U', SUPERUSER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8']);
  return startServer(folder, settings);
}

/** Starts the server of `folder` on a free port and returns its handle. */
async function startServer(folder: ReturnType<typeof serverFolder>, settings: Record<string, string>): Promise<DebianPostgres> {
  const { dir, dataDir, run } = folder;
  const port = await freePort();
  const flags = Object.entries({ port: String(port), listen_addresses: '127.0.0.1', unix_socket_directories: dir, fsync: 'off', ...settings })
    .map(([k, v]) => `-c ${k}=${v}`).join(' ');
  const pgCtl = (...args: string[]) => run('pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-o', flags, '-w', '-t', '60', ...args]);
  pgCtl('start');
  const superUrl = (db = 'postgres') => `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/${db}`;
  const sql = async (text: string, db = 'postgres') => {
    const c = new Client({ connectionString: superUrl(db) });
    await c.connect();
    try {
      return (await c.query(text)).rows;
    } finally {
      await c.end();
    }
  };
  return {
    port, dataDir, superUrl, pgCtl, sql,
    async createOwner(role, database) {
      const password = `${role}-password-0123456789`;
      await sql(`CREATE ROLE ${role} LOGIN CREATEROLE BYPASSRLS PASSWORD '${password}'`);
      await sql(`CREATE DATABASE ${database} OWNER ${role}`);
      return `postgres://${role}:${password}@127.0.0.1:${port}/${database}`;
    },
    async startStandby(standbySettings = {}) {
      const standby = serverFolder();
      // streams from this server (initdb's own pg_hba.conf lets replication in over loopback with a password)
      standby.run('pg_basebackup', ['-D', standby.dataDir, '-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, '-R', '-X', 'stream', '-c', 'fast']);
      const server = await startServer(standby, { hot_standby: 'on', ...standbySettings });
      const [{ position }] = await sql(`SELECT pg_current_wal_lsn()::text AS position`);
      for (const until = Date.now() + 30_000; ; ) {
        const [{ caught }] = await server.sql(`SELECT pg_last_wal_replay_lsn() >= '${position}'::pg_lsn AS caught`);
        if (caught) return server;
        if (Date.now() > until) throw new Error('the standby did not catch up within 30 s');
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop() {
      try {
        pgCtl('stop', '-m', 'immediate');
      } catch {
        // already stopped (a test stopped it on purpose)
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
