import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/** Counts of what one unit of work (an HTTP request, a test) sent to the database. */
export interface SqlStats {
  statements: number;
}

const current = new AsyncLocalStorage<SqlStats>();

/** Runs `fn` with a fresh statement counter; every query TypeORM sends inside it is counted. */
export function withSqlStats<T>(fn: () => T, stats: SqlStats = { statements: 0 }): { stats: SqlStats; result: T } {
  return { stats, result: current.run(stats, fn) };
}

/**
 * Counts every statement later run on `runner` (one request's own connection) into `stats`.
 * Cheaper than `withSqlStats` for a server: AsyncLocalStorage turns on promise hooks, paid by
 * every promise of every request.
 */
export function countStatementsOn(runner: QueryRunner, stats: SqlStats): void {
  runner.data = { ...runner.data, sqlStats: stats };
}

/** The counter of the unit of work this code runs in, if any. */
export function currentSqlStats(): SqlStats | undefined {
  return current.getStore();
}

export type SqlLogSink = (level: 'debug' | 'warn' | 'error', message: string, extra?: Record<string, unknown>) => void;

/**
 * TypeORM logger that counts statements for the current unit of work and forwards slow or
 * failed queries to the application's logger. It never logs parameters (personal data).
 */
export class CountingLogger extends AbstractLogger {
  constructor(private readonly sink?: SqlLogSink) {
    super(['query', 'error', 'warn', 'schema', 'migration']);
  }

  override logQuery(_query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    const stats = (queryRunner?.data as { sqlStats?: SqlStats } | undefined)?.sqlStats ?? current.getStore();
    if (stats) stats.statements += 1;
  }

  override logQueryError(error: string | Error, query: string): void {
    this.sink?.('error', 'query failed', { error: String(error), query: query.slice(0, 500) });
  }

  override logQuerySlow(time: number, query: string): void {
    this.sink?.('warn', 'slow query', { ms: time, query: query.slice(0, 500) });
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    const messages = Array.isArray(message) ? message : [message];
    for (const m of messages) {
      if (m.type === 'query' || m.type === 'query-slow' || m.type === 'query-error') continue;
      this.sink?.(level === 'warn' ? 'warn' : level === 'error' ? 'error' : 'debug', String(m.message));
    }
  }
}
