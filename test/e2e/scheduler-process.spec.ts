import { QueryRunner } from 'typeorm';
import { startTestApi, TestApi } from '@ggw/testing';
import { download, readWorkbook, waitUntil } from './export-files';
import { RunningProcess, SCHEDULER_MAIN, startProcess } from './process';

/**
 * The scheduler as a real process (`node services/scheduler/dist/main.js`), killed or stopped
 * while an export is in flight. To catch it in flight, the test holds a lock that blocks the
 * worker where it stores the finished file: the export is RUNNING, its file made, not yet saved.
 */
describe('the scheduler process', () => {
  let api: TestApi;
  let lock: QueryRunner | null = null;
  const running: RunningProcess[] = [];
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
  });
  afterEach(async () => {
    await releaseLock();
    for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  });
  afterAll(() => api.close());

  const owner = (sql: string, params: unknown[] = []) => api.db.dataSource.query(sql, params);
  const startWorker = () => {
    const p = startProcess(SCHEDULER_MAIN, {
      APP_DATABASE_URL: api.db.appUrl, LOG_LEVEL: 'info', SCHEDULER_POLL_SECONDS: '0.5', SCHEDULER_MAINTENANCE_SECONDS: '1',
      EXPORT_TIMEOUT_SECONDS: '5', EXPORT_RETRY_DELAY_SECONDS: '1', SCHEDULER_SHUTDOWN_SECONDS: '2',
    });
    running.push(p);
    return p;
  };
  const holdFileStore = async () => {
    lock = api.db.dataSource.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    // blocks INSERTs into export_file (ROW EXCLUSIVE), nothing else the worker does
    await lock.query('LOCK TABLE export_file IN SHARE ROW EXCLUSIVE MODE');
  };
  async function releaseLock() {
    if (!lock) return;
    await lock.rollbackTransaction();
    await lock.release();
    lock = null;
  }
  const requestExport = async (period: string) => {
    const res = await api.gql(`mutation { requestExport(orgCode: "220582", period: "${period}", format: XLSX) { id } }`);
    return res.body.data.requestExport.id as string;
  };
  const jobRow = async (id: string) => (await owner(`SELECT status, attempts, error FROM export_job WHERE id = $1`, [id]))[0];
  /** The worker has made the file and waits to store it. */
  const blockedOnStore = () => waitUntil(
    () => owner(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'export_file'::regclass AND NOT granted`),
    ([{ n }]) => n > 0,
  );
  /** A worker started, an export requested, and the worker holding its finished file, blocked before storing it. */
  const exportInFlight = async (period: string) => {
    await holdFileStore();
    const worker = startWorker();
    await worker.waitFor(/scheduler started/);
    const id = await requestExport(period);
    await blockedOnStore();
    return { worker, id };
  };
  const files = async (id: string) => (await owner(`SELECT count(*)::int AS n FROM export_file WHERE export_id = $1`, [id]))[0].n;

  it('retries an export whose worker was killed half-way, and makes exactly one file', async () => {
    const { worker: first, id } = await exportInFlight('2020');
    expect(await jobRow(id)).toMatchObject({ status: 'RUNNING', attempts: 1 });
    first.child.kill('SIGKILL');
    await first.exited;
    await releaseLock();

    const second = startWorker();
    // the killed attempt times out (5 s), goes back to the queue, and the second worker runs it
    const job = await waitUntil(() => jobRow(id), (row) => row.status === 'DONE', 60_000);
    expect(job).toMatchObject({ status: 'DONE', attempts: 2, error: null });
    expect(await files(id)).toBe(1);
    const [{ state }] = await owner(`SELECT state FROM pgboss.job WHERE id = $1`, [id]);
    expect(state).toBe('completed');
    const list = await api.gql(`{ exports(orgCode: "220582") { nodes { id downloadUrl } } }`);
    const url = list.body.data.exports.nodes.find((n: { id: string }) => n.id === id).downloadUrl;
    const sheets = await readWorkbook((await download(api, url)).body);
    expect(sheets.get('汇总')!.find((r) => r[7] === 'orgCount')![2]).toBe(218);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('finishes a running export when stopped, then exits cleanly', async () => {
    const { worker, id } = await exportInFlight('2019');
    worker.child.kill('SIGTERM');
    await worker.waitFor(/shutting down/);
    await releaseLock();
    expect(await worker.exited).toBe(0);
    expect(await jobRow(id)).toMatchObject({ status: 'DONE', attempts: 1 });
    expect(await files(id)).toBe(1);
  });

  it('hands a running export back when stopped and it cannot finish in time; another worker completes it', async () => {
    const { worker, id } = await exportInFlight('2020Q4');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toMatch(/scheduler stopped/);
    const [{ state }] = await owner(`SELECT state FROM pgboss.job WHERE id = $1`, [id]);
    expect(state).toBe('retry');
    await releaseLock();

    startWorker();
    const job = await waitUntil(() => jobRow(id), (row) => row.status === 'DONE', 60_000);
    expect(job).toMatchObject({ status: 'DONE', attempts: 2 });
    expect(await files(id)).toBe(1);
  });
});
