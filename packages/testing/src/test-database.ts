import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { appRoleUrl, createDataSource } from '@ggw/db';
import { TEMPLATE_EMPTY, TEMPLATE_REFERENCE, TEST_APP_PASSWORD, TEST_ENV } from './test-env';

export interface TestDatabase {
  /** Connection URL as the owner (superuser): row-level security does not apply. */
  readonly url: string;
  /** Connection URL as the application role `ggw_app`: what the API uses. */
  readonly appUrl: string;
  /** A pool as the owner, for arranging and checking data. */
  readonly dataSource: DataSource;
  /** A pool as the application role (row-level security binds it), opened on first use; `drop()` closes it. */
  appDataSource(): Promise<DataSource>;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

function urlFor(db: string): string {
  // Test infrastructure is the one place besides a service's environment.ts that reads the
  // environment: globalSetup passes the server's address to the workers this way.
  const pattern = process.env[TEST_ENV];
  if (!pattern) throw new Error(`${TEST_ENV} is not set: run tests through jest (globalSetup starts PostgreSQL)`);
  return pattern.replace('{db}', db);
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: urlFor('postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * A fresh database for one test file, cloned from the migrated template (`reference: true`
 * gives the one with the reference data loaded). Call `drop()` in `afterAll`.
 */
export async function createTestDatabase(opts: { reference?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = opts.reference ? TEMPLATE_REFERENCE : TEMPLATE_EMPTY;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = urlFor(name);
  const dataSource = createDataSource({ url, poolSize: 4 });
  await dataSource.initialize();
  const appUrl = appRoleUrl(url, TEST_APP_PASSWORD);
  let app: Promise<DataSource> | undefined;
  return {
    url,
    appUrl,
    dataSource,
    appDataSource() {
      app ??= createDataSource({ url: appUrl, poolSize: 2 }).initialize();
      return app;
    },
    async drop() {
      if (app) await (await app).destroy();
      await dataSource.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
