import pino from 'pino';
import { createDataSource } from '@ggw/db';
import { DEFAULT_SCHEDULER_SETTINGS, Scheduler, SchedulerSettings, startScheduler } from '@ggw/scheduler';
import { TestDatabase } from './test-database';

/** Settings for tests: work is looked for twice a second, retried after a second, timed out soon. */
export const FAST_SCHEDULER_SETTINGS: SchedulerSettings = {
  ...DEFAULT_SCHEDULER_SETTINGS, pollSeconds: 0.5, retryDelaySeconds: 1, retryLimit: 1, maintenanceSeconds: 1, timeoutSeconds: 30, shutdownSeconds: 5,
};

export interface TestScheduler extends Scheduler {
  close(): Promise<void>;
}

/** The real scheduler (pg-boss, workers) on a test database, as the application role. */
export async function startTestScheduler(db: TestDatabase, settings: Partial<SchedulerSettings> = {}): Promise<TestScheduler> {
  const dataSource = createDataSource({ url: db.appUrl, poolSize: 4 });
  await dataSource.initialize();
  const scheduler = await startScheduler({ appUrl: db.appUrl, dataSource, log: pino({ level: 'silent' }), settings: { ...FAST_SCHEDULER_SETTINGS, ...settings } });
  return {
    ...scheduler,
    async close() {
      await scheduler.stop();
      await dataSource.destroy();
      // pg-boss's offWork checks its stopping workers every second (manager.js), on a timer that
      // outlives stop(); if the test file ends first, that timer fires into a torn-down Jest
      // environment and fails whichever suite the worker process runs next. Once stop() has
      // returned, every worker whose job has ended has stopped (its pool answers every statement
      // before it closes: jobQueueDb), so the next check is the last.
      await new Promise((resolve) => setTimeout(resolve, 1100));
    },
  };
}
