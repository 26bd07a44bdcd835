import { DataSource, EntityManager, QueryFailedError, QueryRunner, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { Principal, scopesError, scopesStatement, Viewer, viewerFromScopes } from '@ggw/authz';
import { countStatementsOn, SqlStats } from '@ggw/db';
import { preparedName } from '@ggw/rollup';
import { AppError, isUnavailable, OrgLevel, ServiceUnavailableError, sqlStateOf, TimeoutError, UnauthenticatedError, writesRefused, writesRefusedError } from '@ggw/domain';
import { executeStatement, inlineParameters } from './inline-parameters';
import type { ReadReplicas } from './read-replicas';

/** PostgreSQL's SQLSTATE for a statement cancelled (by `statement_timeout` or a cancel request). */
const QUERY_CANCELED = '57014';

/**
 * The request's connection was lost (the database restarting, shutting down, unreachable): its
 * transaction is gone and nothing it did was committed. TypeORM reports a connection dropped
 * between two statements as its runner having been released, which nothing else here does
 * before the session closes.
 */
function connectionLost(error: unknown): boolean {
  return isUnavailable(error) || error instanceof QueryRunnerAlreadyReleasedError || /query runner was already released/.test((error as Error | null)?.message ?? '');
}

/** How a failed statement makes the whole request unavailable (answered 503, nothing kept), if it does. */
function unavailability(error: unknown): ServiceUnavailableError | null {
  if (connectionLost(error)) return new ServiceUnavailableError();
  if (writesRefused(error)) return writesRefusedError();
  return null;
}

/** The default time budget of one request, when none is configured. */
export const DEFAULT_TIME_BUDGET_MS = 10_000;

const timeoutError = () => new TimeoutError('请求超过了处理时限,已被终止;请缩小查询范围(减少 first、字段或别名)后重试');

/** Thrown at work that arrives after the session was closed or aborted: it never reaches the database. */
export class SessionClosedError extends Error {
  constructor() {
    super('the request session is closed');
  }
}

/** Gives a connection back to the pool; `broken`: destroy it instead (its state is unknown). */
function release(runner: QueryRunner, broken?: unknown): Promise<void> {
  if (broken === undefined) return runner.release();
  // TypeORM only passes an error to pg-pool (which then discards the client) through this method
  return (runner as unknown as { releasePostgresConnection(err: unknown): Promise<void> }).releasePostgresConnection(broken);
}

/** A statement and its parameters. */
export interface Statement {
  sql: string;
  parameters: unknown[];
  /**
   * Run as a prepared statement of this name (its text's hash: see `nameOf`), planned once per
   * connection: PREPAREd in its message the first time the connection sees it, then EXECUTEd.
   */
  prepared?: string;
}

/**
 * The statements each connection has PREPAREd (SQL's PREPARE, which lasts as long as the
 * connection and is not undone by a rollback), by the pg client of the connection.
 */
const preparedOn = new WeakMap<object, Set<string>>();

/** The SQL-level name of a prepared statement: apart from the names pg gives its protocol-level ones. */
const sqlLevelName = (name: string) => `${name}_x`;

/**
 * At most this many statements are PREPAREd on one connection; past it, statements run as
 * they are (planned each time), so statements whose text varies cannot fill a connection's memory.
 */
export const MAX_PREPARED_PER_CONNECTION = 200;

let overCap = 0;

/**
 * Statements this process ran unprepared because their connection already held
 * MAX_PREPARED_PER_CONNECTION (a metric: a steady rise means statement texts that vary per request).
 */
export const statementsRunOverPreparedCap = () => overCap;

const namesOfText = new Map<string, string>();

/** The prepared name of a statement's text (its hash), remembered while it is asked for again. */
function nameOf(sql: string): string {
  let name = namesOfText.get(sql);
  if (!name) {
    name = preparedName(sql);
    if (namesOfText.size >= 1000) namesOfText.clear();
    namesOfText.set(sql, name);
  }
  return name;
}

/**
 * Appends `statements` to a message: each prepared one is PREPAREd there the first time its
 * connection sees it (then only EXECUTEd), the others go as they are. Returns where each one's
 * rows are in the message's results, and the names the message prepares (`done` records those
 * that ran: all of them once the message has succeeded).
 */
function appendStatements(client: object, message: Array<Statement | string>, statements: Statement[]) {
  const prepared = preparedOn.get(client) ?? new Set<string>();
  const preparing: string[] = [];
  const resultOf = statements.map((statement) => {
    if (!statement.prepared) return message.push(statement) - 1;
    const sqlName = sqlLevelName(statement.prepared);
    if (!prepared.has(sqlName) && !preparing.includes(sqlName)) {
      if (prepared.size + preparing.length >= MAX_PREPARED_PER_CONNECTION) {
        overCap++;
        return message.push({ sql: statement.sql, parameters: statement.parameters }) - 1;
      }
      preparing.push(sqlName);
      message.push(`PREPARE ${sqlName} AS ${statement.sql}`);
    }
    return message.push(executeStatement(sqlName, statement.parameters)) - 1;
  });
  const done = (ran = preparing) => {
    for (const n of ran) prepared.add(n);
    preparedOn.set(client, prepared);
  };
  return { resultOf, preparing, done };
}

/**
 * Sends several statements as one simple-protocol message on the runner's connection and
 * returns each one's result; counted and logged as one statement (one round trip). `shown` is
 * what a log may say of it: the statements with their placeholders, never the values.
 */
async function simpleQuery(runner: QueryRunner, statements: Array<Statement | string>): Promise<Array<{ rows: unknown[] }>> {
  const client = (await runner.connect()) as { query(text: string): Promise<Array<{ rows: unknown[] }> | { rows: unknown[] }> };
  const logger = runner.connection.logger;
  const shown = statements.map((s) => (typeof s === 'string' ? s : s.sql)).join(';\n');
  logger.logQuery(shown, [], runner);
  try {
    const result = await client.query(statements.map((s) => (typeof s === 'string' ? s : inlineParameters(s.sql, s.parameters))).join(';\n'));
    return Array.isArray(result) ? result : [result];
  } catch (error) {
    logger.logQueryError(error as Error, shown, [], runner);
    // as TypeORM reports a failed query (sqlStateOf reads its driverError), without the values
    throw new QueryFailedError(shown, [], error as Error);
  }
}

/**
 * Viewers whose scopes reach beyond a county (a role at a city or a province): computing their
 * scopes reads every county below (7 ms for 31 provinces), too much to do again in each message
 * of a read, so their reads run in one READ ONLY transaction, scopes applied once. Learnt from
 * a viewer's first request in this process; kept for at most 10,000 users.
 */
const wideViewers = new Set<string>();

/** Remembers whether `viewer` is wide (see `wideViewers`); returns it. */
function learnWidth(viewer: Viewer): Viewer {
  if (!viewer.roles.some((r) => r.level === OrgLevel.PROVINCE || r.level === OrgLevel.CITY)) wideViewers.delete(viewer.userId);
  else if (!wideViewers.has(viewer.userId)) {
    if (wideViewers.size >= 10_000) wideViewers.clear();
    wideViewers.add(viewer.userId);
  }
  return viewer;
}

/**
 * How a read's message starts when it is a transaction of its own (a message of several
 * statements is one; these settings end with it): READ ONLY, and the request's time left.
 */
const readOnItsOwn = (timeoutMs: number) => ['SET TRANSACTION READ ONLY', `SET LOCAL statement_timeout = ${timeoutMs}`];

export interface SessionOptions {
  /**
   * The request's time budget: PostgreSQL cancels a statement that would run past it
   * (`statement_timeout`), and no statement starts after it. Answered as TIMEOUT.
   */
  timeBudgetMs?: number;
  /** Names the request in the audit trail of whatever it writes. */
  requestId?: string;
  /**
   * Streaming replicas: a read-only session runs on one that has replayed the user's own
   * writes, and a committed write records where the primary stood after it.
   */
  replicas?: ReadReplicas;
}

/**
 * The database session of one request: one connection, taken on first use and given back
 * when the HTTP layer has the response. Everything a request reads goes through it. A write runs
 * in one transaction; a read's messages are each a READ ONLY transaction of their own (see
 * `explicit`). Each transaction starts with the viewer's scopes (`ggw_apply_scopes`), which
 * row-level security applies to every later statement in it; an anonymous session sets none,
 * and so sees no row at all.
 *
 * Its life has one direction: open → closing → closed. Once closing (the response is decided,
 * or the client has gone) nothing new reaches the database, so a resolver still running after
 * a sibling's error can never start another transaction; and whatever happens, the connection
 * goes back to the pool outside any transaction (committed or rolled back), or is destroyed.
 */
export class RequestSession {
  private runner?: QueryRunner;
  private opening?: Promise<EntityManager>;
  private state: 'open' | 'closing' | 'closed' = 'open';
  private closed?: Promise<void>;
  private failed = false;
  /** set by abort(): the client went away, so errors after it are no one's to log as failures */
  abandoned = false;
  /** set when no connection could be had: the whole request is answered 503 */
  unavailable?: ServiceUnavailableError;
  /** set when the token's user was refused (disabled, deleted, token version old): answered 401 */
  unauthenticated?: UnauthenticatedError;
  /** set when the transaction could not be opened for another reason (who asks was not checked): answered 500 */
  openFailed?: unknown;
  /**
   * A read (a GraphQL query): the transaction is READ ONLY, so its COMMIT changes nothing and
   * the answer need not wait for it (the HTTP layer sends it while the COMMIT travels).
   */
  readOnly = false;
  /**
   * The statements that will travel with the BEGIN, while it has not been sent: every statement
   * asked for before the transaction opens (in the same turn of the event loop), in the order
   * asked, until a piece of work that is not a single statement is queued (which must then run
   * in its place in the order).
   */
  private batch?: Statement[];
  /** The rows of each statement that travelled with the BEGIN, for the callers that sent them. */
  private openedWith?: unknown[][];
  /** The first statement failure: the transaction is aborted, so every later statement would fail too. */
  private broken?: Error;
  /**
   * Whether an explicit transaction (BEGIN … COMMIT) is open on the connection. A read needs
   * none: each of its messages is a transaction of its own (the simple protocol runs a message's
   * statements as one), READ ONLY, with its time limit and the viewer's scopes, so a read
   * answered by one message is one round trip with nothing left to commit, and its connection
   * never idles inside a transaction. A write opens one, and so do a read's piece of work that
   * is not a single statement and the read of a viewer above the counties (`wideViewers`); it
   * lasts to the end of the request.
   */
  private explicit = false;
  /**
   * Why the connection is destroyed rather than pooled at the end: it was lost, or a message
   * with a PREPARE in it failed (PREPARE outlives a rollback, and preparing a name twice fails,
   * so its prepared statements are then unknown).
   */
  private destroyWith?: unknown;
  /** Statements of a request run one after another: one connection runs one query at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  private currentViewer: Viewer | null = null;
  private readonly budgetMs: number;
  private readonly deadline: number;
  private readonly requestId: string;
  private readonly replicas?: ReadReplicas;
  /** The `statement_timeout` in force in the transaction, in ms. */
  private statementTimeoutMs: number;

  /** Statements this session has sent (the response's `x-sql-statements` outside production). */
  readonly stats: SqlStats = { statements: 0 };
  /** Milliseconds spent on the connection: opening the transaction, statements, the COMMIT (the metrics' SQL time). */
  databaseMs = 0;
  /** Where the transaction ran once opened: a replica's name, or `primary`. */
  ranOn?: string;

  constructor(
    private readonly dataSource: DataSource,
    /** The authenticated user and token version (from a verified token), or null for an anonymous request. */
    readonly principal: Principal | null,
    options: SessionOptions = {},
  ) {
    this.budgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    this.requestId = options.requestId ?? '';
    this.replicas = options.replicas;
    this.deadline = Date.now() + this.budgetMs;
    this.statementTimeoutMs = this.budgetMs;
  }

  /**
   * The viewer once the transaction has opened (null when anonymous), without waiting; undefined
   * before. For checks that run on every field of a list and should not each be a promise.
   */
  get knownViewer(): Viewer | null | undefined {
    if (!this.runner || this.unauthenticated) return undefined;
    return this.principal ? this.currentViewer ?? undefined : null;
  }

  /** The viewer with their roles, read when the transaction opens; null when anonymous. */
  async viewer(): Promise<Viewer | null> {
    if (!this.principal) return null;
    await this.manager();
    return this.currentViewer;
  }

  /** The transaction's entity manager; opens the transaction on first call (never after closing). */
  manager(): Promise<EntityManager> {
    if (!this.opening && this.state !== 'open') return Promise.reject(new SessionClosedError());
    this.opening ??= this.openSoon();
    return this.opening;
  }

  /**
   * Opens the transaction once the current turn of the event loop is over, with every statement
   * asked for meanwhile (`batch`): an org and its roll-up, asked for together, are one round trip.
   */
  private async openSoon(): Promise<EntityManager> {
    const batch: Statement[] = [];
    this.batch = batch;
    await new Promise<void>((resolve) => setImmediate(resolve));
    // a piece of work queued meanwhile closed the batch: it runs in a transaction that lasts
    const work = this.batch !== batch;
    if (this.batch === batch) this.batch = undefined;
    if (this.state !== 'open') throw new SessionClosedError();
    return this.open(batch, !this.readOnly || work || (this.principal !== null && wideViewers.has(this.principal.userId)));
  }

  /** Whether the transaction has been opened (a statement ran, or the viewer was asked for). */
  get opened(): boolean {
    return this.opening !== undefined;
  }

  /**
   * Runs a statement in the request's transaction and returns its rows. Statements asked for
   * before the transaction opens travel with the BEGIN and the scopes, in one round trip.
   * `prepared`: planned once per connection (a statement every request of some shape runs,
   * whose text does not vary with its values).
   */
  query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = [], options: { prepared?: boolean } = {}): Promise<T[]> {
    return this.serially(async (manager) => manager.query(sql, parameters), { sql, parameters, prepared: options.prepared ? nameOf(sql) : undefined });
  }

  /**
   * Runs `work` with the transaction's manager once the statements queued before it are done
   * (resolvers run concurrently; a connection runs one statement at a time). Refused once the
   * session is closing, past the time budget, or after a statement failed (the transaction is
   * then aborted: the first failure is answered again, as its code says).
   */
  serially<T>(work: (manager: EntityManager) => Promise<T>, first?: Statement): Promise<T> {
    if (this.state !== 'open') return Promise.reject(new SessionClosedError());
    if (first && (!this.opening || this.batch)) {
      // the transaction opens with this statement in the same message: its rows come back with it
      this.manager().catch(() => undefined); // its failure is answered to each statement below
      const index = this.batch!.push(first) - 1;
      const rows = this.opening!.then(() => this.openedWith![index] as T);
      this.queue = this.queue.then(() => rows).catch(() => undefined);
      return rows;
    }
    // a piece of work runs in its place in the order: nothing asked for after it may go before
    // it, so the BEGIN takes no more statements (and is sent soon, with those it has)
    if (!this.opening) this.manager().catch(() => undefined);
    this.batch = undefined;
    const run = this.queue.then(async () => {
      if (this.state !== 'open') throw new SessionClosedError();
      if (this.broken) throw this.broken;
      const manager = await this.manager();
      const started = performance.now();
      try {
        // a statement alone: a read's message of its own, or a prepared one
        if (first && (!this.explicit || first.prepared)) return (await this.send(first)) as T;
        if (!this.explicit) await this.begin();
        await this.keepWithinBudget(manager);
        return await work(manager);
      } catch (error) {
        if (connectionLost(error)) this.destroyWith ??= error;
        // answered 503 as a whole (serve): the client may try again, nothing was kept
        this.unavailable ??= unavailability(error) ?? undefined;
        this.broken = error instanceof TimeoutError || sqlStateOf(error) === QUERY_CANCELED ? timeoutError() : error instanceof Error ? error : new Error(String(error));
        this.failed = true;
        throw this.broken;
      } finally {
        this.databaseMs += performance.now() - started;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs `work` so that what it does is undone alone when it fails (a savepoint): a failed
   * statement inside it no longer aborts the session, which goes on after the rollback to the
   * savepoint; the failure is thrown. A timeout still ends the session.
   */
  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    // a piece of work, not a statement: a savepoint needs a transaction that lasts
    await this.serially((manager) => manager.query('SAVEPOINT ggw_work'));
    try {
      const result = await work();
      await this.query('RELEASE SAVEPOINT ggw_work');
      return result;
    } catch (error) {
      if (this.broken instanceof TimeoutError || this.state !== 'open') throw error;
      this.broken = undefined;
      this.failed = false;
      await this.query('ROLLBACK TO SAVEPOINT ggw_work');
      throw error;
    }
  }

  /** A failed request is rolled back instead of committed. */
  markFailed(): void {
    this.failed = true;
  }

  /**
   * The client has gone: nothing more is sent, and what was done is rolled back at close. A
   * statement already running finishes (at most its time budget) before the connection returns.
   */
  abort(): void {
    this.abandoned = true;
    this.failed = true;
    if (this.state === 'open') this.state = 'closing';
  }

  /**
   * Waits for every statement queued so far, then commits (or rolls back after a failure) and
   * returns the connection to the pool; a connection whose end failed is destroyed instead.
   * Idempotent: a second call waits for the first.
   */
  close(): Promise<void> {
    this.closed ??= this.finish();
    return this.closed;
  }

  private async finish(): Promise<void> {
    if (this.state === 'open') this.state = 'closing';
    // statements queued while waiting were queued before closing began, so wait for them too
    for (let seen: Promise<unknown> | undefined; seen !== this.queue; ) {
      seen = this.queue;
      await seen;
    }
    if (this.opening) await this.opening.catch(() => undefined); // a failed open released its runner itself
    const runner = this.runner;
    this.runner = undefined;
    this.state = 'closed';
    if (!runner) return;
    // a read that opened no transaction has nothing to end: each message ended its own
    if (!this.explicit) return release(runner, this.destroyWith);
    const started = performance.now();
    try {
      if (this.failed || this.broken) await runner.query('ROLLBACK');
      else if (this.replicas && this.principal && !this.readOnly) {
        // in the same round trip: where the primary stands after this user's write, so that
        // their next reads wait for a replica that has it (a read's COMMIT has nothing to wait for)
        const [, after] = await simpleQuery(runner, ['COMMIT', 'SELECT pg_current_wal_lsn()::text AS position']);
        this.replicas.wrote(this.principal.userId, (after.rows[0] as { position: string }).position);
      } else await runner.query('COMMIT');
      this.databaseMs += performance.now() - started;
    } catch (error) {
      await release(runner, error);
      // the connection dropped before the COMMIT was answered: the server rolls back a
      // transaction whose COMMIT it did not receive (one it did receive, it answers before it
      // stops); a network cut just after sending is the one case this cannot tell apart
      const refusal = unavailability(error);
      if (refusal) throw (this.unavailable ??= refusal);
      throw error;
    }
    await release(runner, this.destroyWith);
  }

  /**
   * Opens the transaction: a read on a replica fresh enough for this user, if any, else on the
   * primary. A replica that cannot be reached ran nothing: the primary opens it instead.
   */
  private async open(batch: Statement[], explicit: boolean): Promise<EntityManager> {
    const target = this.readOnly ? this.replicas?.forRead(this.principal?.userId ?? null) : undefined;
    if (!target?.replica) return this.openOn(this.dataSource, 'primary', batch, explicit);
    try {
      return await this.openOn(target.dataSource, target.replica, batch, explicit);
    } catch (error) {
      if (!this.unavailable) throw error;
      this.unavailable = undefined;
      this.replicas!.unreachable(target.replica);
      return this.openOn(this.dataSource, 'primary', batch, explicit);
    }
  }

  /** How a transaction of the request starts: BEGIN (READ ONLY for a read) and its limits. */
  private beginning(timeoutMs: number): string[] {
    // the idle limit ends a transaction whose request stopped talking to it
    return [this.readOnly ? 'BEGIN READ ONLY' : 'BEGIN', `SET LOCAL statement_timeout = ${timeoutMs}`, `SET LOCAL idle_in_transaction_session_timeout = ${timeoutMs + 5000}`];
  }

  /** The viewer's scopes, set for the transaction (none for an anonymous session); prepared, as every request runs them. */
  private scopes(): Statement | null {
    if (!this.principal) return null;
    const { sql, parameters } = scopesStatement(this.principal.userId, this.requestId, this.principal.tokenVersion);
    return { sql, parameters, prepared: nameOf(sql) };
  }

  private async openOn(dataSource: DataSource, name: string, batch: Statement[], explicit: boolean): Promise<EntityManager> {
    this.ranOn = name;
    const runner = dataSource.createQueryRunner();
    countStatementsOn(runner, this.stats);
    try {
      await runner.connect();
    } catch (error) {
      await release(runner);
      const refusal = unavailability(error);
      if (refusal) throw (this.unavailable = refusal);
      throw error;
    }
    this.runner = runner;
    // One round trip (the simple protocol takes several statements in one message): the
    // transaction and its limits (a read's lasts for this message only); the viewer's scopes,
    // which row-level security applies to every later statement of it; and the statements the
    // request asked for before it opened. A failure stops the message there: a refused viewer's
    // statements never run.
    const scopes = this.scopes();
    if (explicit) this.explicit = true;
    try {
      const started = performance.now();
      const rows = await this.sendMessage(explicit ? this.beginning(this.budgetMs) : readOnItsOwn(this.budgetMs), batch, scopes);
      this.databaseMs += performance.now() - started;
      // what startTransaction would have recorded: TypeORM's own writes then nest (savepoints)
      // instead of beginning and committing a transaction of their own
      if (explicit) Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
      if (scopes) this.currentViewer = learnWidth(viewerFromScopes(this.principal!.userId, rows.shift() as Parameters<typeof viewerFromScopes>[1]));
      this.openedWith = rows;
      return runner.manager;
    } catch (error) {
      this.runner = undefined;
      this.explicit = false;
      // never back to the pool inside a transaction: roll back (a read's message ended its own),
      // or destroy the connection (lost, or its prepared statements unknown)
      const broken = this.destroyWith ?? (connectionLost(error) ? error : undefined);
      await (explicit ? runner.query('ROLLBACK') : Promise.resolve()).then(
        () => release(runner, broken),
        (rollbackError) => release(runner, rollbackError),
      );
      if (error instanceof UnauthenticatedError) throw (this.unauthenticated = error);
      if (error instanceof AppError) throw error;
      const refusal = unavailability(error);
      if (refusal) throw (this.unavailable = refusal);
      if (sqlStateOf(error) === QUERY_CANCELED) throw timeoutError();
      throw (this.openFailed = error);
    }
  }

  /**
   * Sends one statement in a message of its own, prepared or not: in the open transaction, or
   * (a read that has none) as a transaction of its own, with the time left and the scopes.
   */
  private async send(statement: Statement): Promise<unknown[]> {
    if (this.explicit) await this.keepWithinBudget(this.runner!.manager);
    const rows = this.explicit ? await this.sendMessage([], [statement], null) : await this.sendMessage(readOnItsOwn(this.timeLeft()), [statement], this.scopes());
    return rows.at(-1)!;
  }

  /**
   * Sends `head`, then the `scopes` (if any), then `statements`, as one message on the request's
   * connection, and returns the rows of each (the scopes' first). A prepared statement is PREPAREd the first
   * time the connection sees it (after the scopes: a refused viewer's message stops before
   * anything else of it). After a failure, what the message left prepared is known only when the
   * scopes refused the viewer (their own PREPARE ran, nothing after); otherwise, if it prepared
   * anything, the connection is destroyed at the end (`destroyWith`). Thrown: a refusal as
   * UnauthenticatedError, anything else as it came.
   */
  private async sendMessage(head: Array<Statement | string>, statements: Statement[], scopes: Statement | null): Promise<unknown[][]> {
    const runner = this.runner!;
    const message = [...head];
    const { resultOf, preparing, done } = appendStatements(await runner.connect(), message, scopes ? [scopes, ...statements] : statements);
    try {
      const results = await simpleQuery(runner, message);
      done();
      return resultOf.map((i) => results[i].rows);
    } catch (failure) {
      const error = scopesError(failure);
      if (error instanceof UnauthenticatedError) done(preparing.filter((n) => n === sqlLevelName(scopes!.prepared!)));
      else if (preparing.length) this.destroyWith ??= failure;
      throw error;
    }
  }

  /**
   * Opens a transaction that lasts to the end of the request, for a read's piece of work that
   * is not a single statement (it may run several, all under the scopes).
   */
  private async begin(): Promise<void> {
    const left = this.timeLeft();
    // an aborted one is rolled back at the end like any other
    this.explicit = true;
    Object.assign(this.runner!, { isTransactionActive: true, transactionDepth: 1 });
    this.statementTimeoutMs = left;
    await this.sendMessage(this.beginning(left), [], this.scopes());
  }

  /** The request's time left, in ms; none left is a timeout. */
  private timeLeft(): number {
    const left = Math.floor(this.deadline - Date.now());
    if (left <= 0) throw timeoutError();
    return left;
  }

  /**
   * Past the deadline nothing starts; close to it, the next statement gets only the time that
   * is left (one more round trip, paid only by requests already slow).
   */
  private async keepWithinBudget(manager: EntityManager): Promise<void> {
    const left = this.deadline - Date.now();
    if (left <= 0) throw timeoutError();
    if (left < this.statementTimeoutMs - this.budgetMs / 10) {
      this.statementTimeoutMs = Math.max(1, Math.floor(left));
      await manager.query(`SELECT set_config('statement_timeout', $1, true)`, [String(this.statementTimeoutMs)]);
    }
  }
}
