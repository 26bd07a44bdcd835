import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * The database session of one request: one connection and one transaction, opened on first
 * use and closed by the HTTP layer when the response is ready. Everything a request reads goes
 * through it, so per-request settings made at the start of the transaction (the viewer's
 * scopes, for row-level security) hold for every statement of the request.
 */
export class RequestSession {
  private runner?: QueryRunner;
  private opening?: Promise<EntityManager>;
  private failed = false;
  /** Statements of a request run one after another: one connection runs one query at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    /** Runs first inside the new transaction (e.g. `set_config` of the viewer's scopes). */
    private readonly onOpen?: (manager: EntityManager) => Promise<void>,
  ) {}

  /** The transaction's entity manager; opens the transaction on first call. */
  manager(): Promise<EntityManager> {
    this.opening ??= this.open();
    return this.opening;
  }

  /** Runs a statement in the request's transaction and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.serially(async (manager) => manager.query(sql, parameters));
  }

  /**
   * Runs `work` with the transaction's manager once the statements queued before it are done
   * (resolvers run concurrently; a connection runs one statement at a time).
   */
  serially<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => work(await this.manager()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A failed request is rolled back instead of committed. */
  markFailed(): void {
    this.failed = true;
  }

  /** Commits (or rolls back after a failure) and returns the connection to the pool. */
  async close(): Promise<void> {
    if (!this.opening) return;
    await this.queue;
    try {
      await this.opening;
    } catch {
      // opening failed: there is nothing to commit, and the runner (if any) is released below
    }
    const runner = this.runner;
    this.runner = undefined;
    this.opening = undefined;
    if (!runner) return;
    try {
      if (runner.isTransactionActive) {
        if (this.failed) await runner.rollbackTransaction();
        else await runner.commitTransaction();
      }
    } finally {
      await runner.release();
    }
  }

  private async open(): Promise<EntityManager> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      this.runner = runner;
      if (this.onOpen) await this.onOpen(runner.manager);
      return runner.manager;
    } catch (error) {
      this.runner = undefined;
      await runner.release();
      throw error;
    }
  }
}
