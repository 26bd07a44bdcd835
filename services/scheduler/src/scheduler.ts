import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { JOB_SCHEMA, jobQueueDb, QUEUES } from '@ggw/db';
import { DEFAULT_TIME_ZONE } from '@ggw/domain';
import { ExportJobData } from '@ggw/exports';
import { recordDeadLetter, runExportJob, WorkerDeps } from './export-worker';
import { fireDueSchedules } from './schedule-tick';
import { SchedulerSettings } from './settings';

export interface SchedulerOptions {
  /** URL of the application role: pg-boss's own pool connects with it */
  appUrl: string;
  /** the application role's pool, for the work itself (row-level security applies) */
  dataSource: DataSource;
  log: Logger;
  settings: SchedulerSettings;
}

export interface Scheduler {
  /** Stops fetching work, lets a running export finish for up to `shutdownSeconds`, then hands it back to the queue. */
  stop(): Promise<void>;
  /** Asks for a schedule tick now instead of at the next minute (tests, operators). */
  tickNow(): Promise<void>;
  /** Asks for the day's reminders now instead of at 08:00 (tests, operators). */
  remindNow(): Promise<void>;
}

/**
 * The background worker, on pg-boss in the platform's own PostgreSQL:
 *
 * - `export-tick`, every minute (pg-boss cron): due export schedules become exports;
 * - `export`: one export file at a time, retried with backoff; a job running longer than the
 *   timeout is taken for dead (its worker was killed) and retried;
 * - `export-failed` (the export queue's dead letters): exports that failed for good are FAILED;
 * - `export-retention`, daily at 03:30 Beijing time: expired exports and their files go;
 * - `report-reminders`, daily at 08:00 Beijing time and once at start: every org past a reporting deadline
 *   without a submitted report gets a 催报 message for each of its editors and admins (once a
 *   day, however often it runs).
 *
 * Several schedulers may run at once (each job goes to one of them).
 */
export async function startScheduler(opts: SchedulerOptions): Promise<Scheduler> {
  const { settings, log } = opts;
  const db = jobQueueDb(opts.appUrl, { max: 3, applicationName: 'ggw-scheduler', onError: (error) => log.error({ err: error }, 'job queue error') });
  const boss = new PgBoss({
    db,
    schema: JOB_SCHEMA,
    migrate: false, // the owner installs pg-boss's schema (migrate); this role only uses it
    supervise: true,
    schedule: true,
    maintenanceIntervalSeconds: settings.maintenanceSeconds,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  await boss.updateQueue(QUEUES.export, {
    name: QUEUES.export,
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.timeoutSeconds,
    deadLetter: QUEUES.exportFailed,
  });
  await boss.schedule(QUEUES.exportTick, '* * * * *');
  await boss.schedule(QUEUES.exportRetention, '30 3 * * *', {}, { tz: DEFAULT_TIME_ZONE });
  await boss.schedule(QUEUES.reportReminders, '0 8 * * *', {}, { tz: DEFAULT_TIME_ZONE });

  const deps: WorkerDeps = { dataSource: opts.dataSource, settings, log };
  const running = new Set<AbortController>();
  const work = { includeMetadata: true as const, batchSize: 1, pollingIntervalSeconds: settings.pollSeconds };
  await boss.work<ExportJobData>(QUEUES.export, work, async ([job]) => {
    const abort = new AbortController();
    running.add(abort);
    try {
      await runExportJob(deps, job, abort.signal);
    } finally {
      running.delete(abort);
    }
  });
  await boss.work<ExportJobData>(QUEUES.exportFailed, work, async ([job]) => recordDeadLetter(deps, job));
  await boss.work(QUEUES.exportTick, work, async () => {
    const queued = await fireDueSchedules(deps);
    if (queued) log.info({ queued }, 'scheduled exports queued');
  });
  await boss.work(QUEUES.exportRetention, work, async () => {
    const [{ deleted }] = await opts.dataSource.query(`SELECT ggw_delete_expired_exports() AS deleted`);
    log.info({ deleted }, 'expired exports deleted');
  });
  await boss.work(QUEUES.reportReminders, work, async () => {
    const [{ sent }] = await opts.dataSource.query(`SELECT ggw_send_report_reminders() AS sent`);
    log.info({ sent }, 'report reminders sent');
  });
  // once at start too: a platform started after 08:00 reminds today, not tomorrow (once a day per user, org and period)
  await boss.send(QUEUES.reportReminders, {});
  log.info({ settings }, 'scheduler started');

  return {
    async stop() {
      // pg-boss stops fetching, waits for running jobs, then fails (hands back for a retry)
      // what is still running; the exports themselves are told to stop at their next step
      const handBack = setTimeout(() => running.forEach((a) => a.abort()), settings.shutdownSeconds * 1000);
      try {
        await boss.stop({ graceful: true, timeout: settings.shutdownSeconds * 1000, wait: true });
      } finally {
        clearTimeout(handBack);
        running.forEach((a) => a.abort());
      }
      await db.close();
      log.info('scheduler stopped');
    },
    async tickNow() {
      await boss.send(QUEUES.exportTick, {});
    },
    async remindNow() {
      await boss.send(QUEUES.reportReminders, {});
    },
  };
}
