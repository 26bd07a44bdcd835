import { Pool } from 'pg';
import { TestDatabase, createTestDatabase } from '@ggw/testing';
import { jobQueueDb } from './job-queues';

describe('jobQueueDb: the scheduler’s pool for pg-boss', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const outcome = (p: Promise<unknown>, ms: number) =>
    Promise.race([p.then(() => 'answered', (e: Error) => `failed: ${e.message}`), new Promise((r) => setTimeout(() => r('still waiting'), ms))]);

  it('why it exists: a plain pool ended while a statement waits for a connection never answers it', async () => {
    const pool = new Pool({ connectionString: db.appUrl, max: 1 });
    const running = pool.query('SELECT pg_sleep(0.2)');
    const waiting = pool.query('SELECT 1 AS one');
    await pool.end();
    await running;
    // if pg-pool ever answers (or fails) the waiter, jobQueueDb can go
    expect(await outcome(waiting, 1000)).toBe('still waiting');
  });

  it('answers every statement asked before close, the waiting ones too, then refuses new ones', async () => {
    const errors: Error[] = [];
    const jobs = jobQueueDb(db.appUrl, { max: 1, applicationName: 'job-queues-spec', onError: (e) => errors.push(e) });
    const running = jobs.executeSql('SELECT pg_sleep(0.2)');
    const waiting = jobs.executeSql('SELECT $1::int AS n', [7]);
    const failing = jobs.executeSql('SELECT 1/0');
    const closed = jobs.close();
    await expect(jobs.executeSql('SELECT 1')).rejects.toThrow('the job queue is closing');
    await closed;
    expect(await outcome(running, 0)).toBe('answered');
    expect((await waiting).rows).toEqual([{ n: 7 }]);
    expect(await outcome(failing, 0)).toBe('failed: division by zero');
    const [{ count }] = (await db.dataSource.query(`SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'job-queues-spec'`));
    expect(count).toBe(0);
    expect(errors).toEqual([]);
  });
});
