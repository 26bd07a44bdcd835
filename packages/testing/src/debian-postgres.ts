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

export async function startDebianPostgres(settings: Record<string, string> = {}): Promise<DebianPostgres> {
  if (!existsSync(join(PG15_BIN, 'initdb'))) {
    throw new Error(`no PostgreSQL 15 in ${PG15_BIN}: apt-get install postgresql-15 (.ci/run installs it), or set PG15_BIN_DIR`);
  }
  const user = asPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'ggw-pg15-'));
  const dataDir = join(dir, 'data');
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, SUPERUSER_PASSWORD);
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
  if (user.uid !== undefined) chownSync(pwfile, user.uid, user.gid!);
  const run = (program: string, args: string[]) => {
    const r = spawnSync(join(PG15_BIN, program), args, { ...user, encoding: 'utf8', cwd: dir, timeout: 120_000 });
    if (r.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', dataDir, '-U', SUPERUSER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8']);
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
    stop() {
      try {
        pgCtl('stop', '-m', 'immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
