import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { applyUserScopes, Viewer } from '@ggw/authz';
import { countStatementsOn, SqlStats } from '@ggw/db';

/**
 * The database session of one request: one connection and one transaction, opened on first
 * use and closed by the HTTP layer when the response is ready. Everything a request reads goes
 * through it. The transaction starts with the viewer's scopes (`ggw_apply_scopes`), which
 * row-level security applies to every later statement; an anonymous session sets none, and so
 * sees no row at all.
 */
export class RequestSession {
  private runner?: QueryRunner;
  private opening?: Promise<EntityManager>;
  private failed = false;
  /** Statements of a request run one after another: one connection runs one query at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  private currentViewer: Viewer | null = null;

  /** Statements this session has sent (the response's `x-sql-statements` outside production). */
  readonly stats: SqlStats = { statements: 0 };

  constructor(
    private readonly dataSource: DataSource,
    /** The authenticated user (from a verified token), or null for an anonymous request. */
    private readonly userId: string | null,
  ) {}

  /** The viewer with their roles, read when the transaction opens; null when anonymous. */
  async viewer(): Promise<Viewer | null> {
    if (!this.userId) return null;
    await this.manager();
    return this.currentViewer;
  }

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
    countStatementsOn(runner, this.stats);
    try {
      await runner.connect();
      await runner.startTransaction();
      this.runner = runner;
      if (this.userId) this.currentViewer = await applyUserScopes(runner, this.userId);
      return runner.manager;
    } catch (error) {
      this.runner = undefined;
      await runner.release();
      throw error;
    }
  }
}
