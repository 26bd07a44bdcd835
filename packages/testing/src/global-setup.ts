import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, enableAppLogin, ensureDatabase, loadReferenceData, migrate, startEmbeddedPostgres } from '@ggw/db';
import { TEMPLATE_EMPTY, TEMPLATE_REFERENCE, TEST_APP_PASSWORD, TEST_ENV } from './test-env';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts one embedded PostgreSQL for the whole run (or uses TEST_DATABASE_URL's server), applies
 * the migrations once into a template database, and makes a second template with the reference
 * data. Test files clone a template (`createTestDatabase`), which takes milliseconds.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ggw-test-'));
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  (globalThis as { __GGW_PG__?: unknown }).__GGW_PG__ = embedded;
  process.env[TEST_ENV] = embedded.urlFor('{db}');

  for (const name of [TEMPLATE_EMPTY, TEMPLATE_REFERENCE]) await ensureDatabase(embedded, name);
  for (const [name, withReference] of [[TEMPLATE_EMPTY, false], [TEMPLATE_REFERENCE, true]] as const) {
    const ds = createDataSource({ url: embedded.urlFor(name), poolSize: 2 });
    await ds.initialize();
    await migrate(ds);
    if (withReference) await loadReferenceData(ds.manager);
    await ds.destroy();
  }
  // the API connects as the application role, which owns no table, so row-level security applies
  const admin = createDataSource({ url: embedded.adminUrl, poolSize: 1 });
  await admin.initialize();
  await enableAppLogin(admin, TEST_APP_PASSWORD);
  await admin.destroy();
}
