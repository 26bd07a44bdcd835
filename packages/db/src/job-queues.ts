import { Pool } from 'pg';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { APP_ROLE } from './app-role';

/** pg-boss's tables live in this schema of the platform's own database. */
export const JOB_SCHEMA = 'pgboss';

/** The queues of the platform's background work. */
export const QUEUES = {
  /** one roll-up export file to make (data: ExportJobData) */
  export: 'export',
  /** exports that failed for good (retries used up, or timed out): marked FAILED */
  exportFailed: 'export-failed',
  /** every minute: turn due export schedules into exports */
  exportTick: 'export-tick',
  /** daily: delete exports past their retention */
  exportRetention: 'export-retention',
  /** daily: remind the orgs past a reporting deadline (催报) */
  reportReminders: 'report-reminders',
} as const;

/** pg-boss's internal queue through which its cron sends scheduled jobs (timekeeper.js, QUEUES.SEND_IT). */
const CRON_QUEUE = '__pgboss__send-it';

/**
 * Installs pg-boss's schema (or migrates it to this pg-boss version) and creates the queues, as
 * the owner; then lets the application role use them. Runtime instances (the API sending, the
 * scheduler working) connect as the application role and never change the schema. Idempotent.
 */
export async function installJobQueues(owner: DataSource): Promise<void> {
  const url = (owner.options as { url?: string }).url;
  if (!url) throw new Error('installJobQueues needs a data source made from a URL');
  const boss = new PgBoss({ connectionString: url, schema: JOB_SCHEMA, max: 1, migrate: true, supervise: false, schedule: false, application_name: 'ggw-install' });
  const errors: Error[] = [];
  boss.on('error', (e) => errors.push(e));
  await boss.start();
  try {
    // a dead-letter queue must exist before the queue that names it
    await boss.createQueue(QUEUES.exportFailed);
    await boss.createQueue(QUEUES.export, { name: QUEUES.export, deadLetter: QUEUES.exportFailed });
    await boss.createQueue(QUEUES.exportTick, { name: QUEUES.exportTick, policy: 'stately' });
    await boss.createQueue(QUEUES.exportRetention, { name: QUEUES.exportRetention, policy: 'stately' });
    await boss.createQueue(QUEUES.reportReminders, { name: QUEUES.reportReminders, policy: 'stately' });
    // pg-boss's own queue for cron (boss.schedule): a runtime instance creates it at start, but
    // creating a queue creates a table, which the application role may not do, and pg-boss
    // swallows that failure; without this queue no schedule ever fired (the production-mode
    // test found every minute's export tick missing)
    await boss.createQueue(CRON_QUEUE);
  } finally {
    await boss.stop({ graceful: false });
  }
  if (errors.length) throw errors[0];
  await owner.query(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${APP_ROLE}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${APP_ROLE}`);
}

/** pg-boss's connection to the database (its `db` option), which the caller closes after `boss.stop()`. */
export interface JobQueueDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** Refuses new statements, waits for those already asked (also those still waiting for a connection), then closes the pool. */
  close(): Promise<void>;
}

/**
 * A pool for a pg-boss instance that runs workers, closed only once every statement asked of it
 * has been answered. pg-boss's own pool is ended while a worker may still be waiting for one of
 * its connections (more workers than connections); pg-pool never answers such a waiter, so that
 * worker never stops, and pg-boss looks for its end every second for as long as the process
 * lives (in a test file, into the next file's run, which that timer then fails).
 */
export function jobQueueDb(url: string, opts: { max: number; applicationName: string; onError: (error: Error) => void }): JobQueueDb {
  const pool = new Pool({ connectionString: url, max: opts.max, application_name: opts.applicationName });
  pool.on('error', opts.onError); // a connection lost while idle; without a listener it would end the process
  const asked = new Set<Promise<unknown>>();
  let closing = false;
  return {
    executeSql(text, values) {
      if (closing) return Promise.reject(new Error('the job queue is closing'));
      const answer = pool.query(text, values);
      const settled = answer.then(() => undefined, () => undefined);
      asked.add(settled);
      void settled.then(() => asked.delete(settled));
      return answer;
    },
    async close() {
      closing = true;
      while (asked.size) await Promise.all(asked);
      await pool.end();
    },
  };
}
