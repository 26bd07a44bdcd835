import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import {
  appRoleUrl, createDataSource, EmbeddedDatabase, enableAppLogin, ensureDatabase, JIAN_CODE, loadReferenceData, migrate,
  startEmbeddedPostgres,
} from '@ggw/db';
import { ReadReplicas } from './common/read-replicas';
import { Environment } from './environment';

export interface PlatformDatabase {
  /** The API's pool, connected as the application role: row-level security applies to every statement. */
  dataSource: DataSource;
  /** Read replicas answering GraphQL queries, when `DATABASE_REPLICA_URLS` names some. */
  replicas?: ReadReplicas;
  /** That role's connection URL (the scheduler's job queue opens its own pool with it). */
  appUrl: string;
  /** Closes the pool, then stops the embedded server if this process started it. */
  close(): Promise<void>;
  /** The operator account `PLATFORM_ADMIN` when this start created it (it has no password yet). */
  createdPlatformAdmin?: { id: string; username: string };
}

const DATABASE_NAME = 'ggw';

/**
 * With `APP_DATABASE_URL` alone, connects as the application role and nothing else (production).
 * Otherwise connects to `DATABASE_URL`, or starts the embedded PostgreSQL under `DATA_DIR` (kept
 * between runs), as the owner; applies pending migrations; loads the 集安市 reference data when
 * asked and missing; then connects as the application role.
 */
export async function openPlatformDatabase(env: Environment, log: Logger): Promise<PlatformDatabase> {
  const database = await openPrimary(env, log);
  if (!env.replicas.urls.length) return database;
  const sqlLog = (level: 'debug' | 'warn' | 'error', message: string, extra?: Record<string, unknown>) => log[level]({ ...extra }, message);
  // a replica's pool connects at its first poll: one that is down at start is bypassed until it answers
  const pools = env.replicas.urls.map((url) => createDataSource({ url, poolSize: env.databasePoolSize, acquireTimeoutMs: env.databaseAcquireTimeoutMs, log: sqlLog }));
  const replicas = new ReadReplicas(database.dataSource, pools, { maxLagMs: env.replicas.maxLagMs, pollMs: env.replicas.pollMs, log: log.child({ component: 'replicas' }) });
  try {
    await replicas.start();
  } catch (error) {
    await replicas.close();
    await database.close();
    throw error;
  }
  log.info({ replicas: pools.length, maxLagMs: env.replicas.maxLagMs }, 'read replicas in use');
  return {
    ...database,
    replicas,
    close: async () => {
      await replicas.close();
      await database.close();
    },
  };
}

async function openPrimary(env: Environment, log: Logger): Promise<PlatformDatabase> {
  const sqlLog = (level: 'debug' | 'warn' | 'error', message: string, extra?: Record<string, unknown>) => log[level]({ ...extra }, message);
  if (!env.databaseUrl && env.appDatabaseUrl) {
    // the production setup: migrations are the operator's step (pnpm db:migrate, as the owner) and
    // this process never holds the owner's password; /readyz says when the schema is behind
    const dataSource = createDataSource({ url: env.appDatabaseUrl, poolSize: env.databasePoolSize, acquireTimeoutMs: env.databaseAcquireTimeoutMs, log: sqlLog });
    await dataSource.initialize();
    return { dataSource, appUrl: env.appDatabaseUrl, close: () => dataSource.destroy() };
  }
  let embedded: EmbeddedDatabase | undefined;
  let url = env.databaseUrl;
  if (!url) {
    const dataDir = join(env.dataDir, 'postgres');
    log.info({ dataDir, port: env.embeddedPgPort }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: env.embeddedPgPort,
      onLog: (m) => log.debug({ postgres: m.trim() }, 'postgres'),
    });
    await ensureDatabase(embedded, DATABASE_NAME);
    url = embedded.urlFor(DATABASE_NAME);
  }
  // the owner migrates and loads; the API itself runs as the application role
  const owner = createDataSource({ url, poolSize: 2, log: sqlLog });
  let dataSource: DataSource | undefined;
  const close = async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    if (owner.isInitialized) await owner.destroy();
    await embedded?.stop();
  };
  try {
    await owner.initialize();
    const applied = await migrate(owner);
    if (applied.length) log.info({ applied }, 'migrations applied');
    if (env.loadReferenceData) {
      const [{ present }] = await owner.query(`SELECT exists(SELECT 1 FROM org WHERE code = $1) AS present`, [JIAN_CODE]);
      if (!present) {
        const inserted = await loadReferenceData(owner.manager);
        log.info({ inserted }, 'reference data loaded (集安市, 通化县, demo users)');
      }
    }
    const createdPlatformAdmin = env.platformAdmin ? await ensurePlatformAdmin(owner, env.platformAdmin) : undefined;
    let appUrl = env.appDatabaseUrl;
    if (!appUrl) {
      const password = randomBytes(24).toString('base64url');
      await enableAppLogin(owner, password);
      appUrl = appRoleUrl(url, password);
    }
    await owner.destroy();
    dataSource = createDataSource({ url: appUrl, poolSize: env.databasePoolSize, acquireTimeoutMs: env.databaseAcquireTimeoutMs, log: sqlLog });
    await dataSource.initialize();
    return { dataSource, appUrl, close, createdPlatformAdmin };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** Creates the operator account `username` (platform admin, no password, no role) unless it exists; returns it when created. */
async function ensurePlatformAdmin(owner: DataSource, username: string): Promise<{ id: string; username: string } | undefined> {
  const [row] = await owner.query(
    `INSERT INTO app_user (id, username, display_name, platform_admin) VALUES (gen_random_uuid(), $1, '平台运维管理员', true)
     ON CONFLICT (username) DO NOTHING RETURNING id`, [username]);
  return row ? { id: row.id, username } : undefined;
}
