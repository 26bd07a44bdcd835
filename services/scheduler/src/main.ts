import 'reflect-metadata';
import pino from 'pino';
import { createDataSource, migrationsCurrent, stopOnSignals } from '@ggw/db';
import { runMain } from './env-parsing';
import { parseSchedulerEnvironment, SchedulerEnvironment } from './environment';
import { startScheduler } from './scheduler';

/**
 * The scheduler on its own (production): `APP_DATABASE_URL=postgres://ggw_app:…@db/ggw node
 * services/scheduler/dist/main.js`. It needs the schema the API's start migrates; it stops
 * cleanly on SIGINT/SIGTERM, handing back an export it cannot finish in time.
 */
async function main(env: SchedulerEnvironment): Promise<void> {
  const log = pino({ level: env.logLevel, base: { service: 'scheduler' } });
  const dataSource = createDataSource({ url: env.appDatabaseUrl, poolSize: env.databasePoolSize, log: (level, message, extra) => log[level]({ ...extra }, message) });
  await dataSource.initialize();
  if (!(await migrationsCurrent(dataSource))) {
    log.error('the database schema is not current: start the API (which migrates) first');
    await dataSource.destroy();
    process.exit(1);
  }
  const scheduler = await startScheduler({ appUrl: env.appDatabaseUrl, dataSource, log, settings: env.settings });

  stopOnSignals({
    log,
    stop: async () => {
      await scheduler.stop();
      // an export stuck in a statement would hold the pool open; its job is already handed
      // back, and its connection (and transaction) ends with the process
      await Promise.race([dataSource.destroy(), new Promise((resolve) => setTimeout(resolve, 5000))]);
    },
  });
}

runMain(parseSchedulerEnvironment, main);
