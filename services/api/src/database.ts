import { join } from 'node:path';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import {
  createDataSource, EmbeddedDatabase, ensureDatabase, JIAN_CODE, loadReferenceData, migrate, startEmbeddedPostgres,
} from '@ggw/db';
import { Environment } from './environment';

export interface PlatformDatabase {
  dataSource: DataSource;
  /** Closes the pool, then stops the embedded server if this process started it. */
  close(): Promise<void>;
}

const DATABASE_NAME = 'ggw';

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL under `DATA_DIR` (kept between
 * runs); applies pending migrations; loads the 集安市 reference data when asked and missing.
 */
export async function openPlatformDatabase(env: Environment, log: Logger): Promise<PlatformDatabase> {
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
  const dataSource = createDataSource({
    url,
    poolSize: env.databasePoolSize,
    log: (level, message, extra) => log[level]({ ...extra }, message),
  });
  const close = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  };
  try {
    await dataSource.initialize();
    const applied = await migrate(dataSource);
    if (applied.length) log.info({ applied }, 'migrations applied');
    if (env.loadReferenceData) {
      const [{ present }] = await dataSource.query(`SELECT exists(SELECT 1 FROM org WHERE code = $1) AS present`, [JIAN_CODE]);
      if (!present) {
        const inserted = await loadReferenceData(dataSource.manager);
        log.info({ inserted }, 'reference data loaded (集安市, 通化县)');
      }
    }
    return { dataSource, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
