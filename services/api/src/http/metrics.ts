import { timingSafeEqual } from 'node:crypto';
import { RateLimitedError, UnauthenticatedError } from '@ggw/domain';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { ReadReplicas } from '../common/read-replicas';
import { MAX_PREPARED_PER_CONNECTION, statementsRunOverPreparedCap } from '../common/session';

/** Why a request or a login was refused for its rate: the label of `ggw_rate_limited_total`. */
export type RateLimitKind = 'requests' | 'concurrent' | 'login';

/** Distinct operation names kept as labels; later ones are counted as `other` (names are the clients' choice). */
const MAX_OPERATIONS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The pool's counts, as pg-pool keeps them (TypeORM's driver holds the pool as `master`). */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * The name a client's operation is known by in metrics and traces: its own name while there are
 * few, else `other`; `anonymous` without one. A bounded set, whatever clients send.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  label(name: string | null | undefined): string {
    if (!name || !OPERATION_NAME.test(name)) return 'anonymous';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= MAX_OPERATIONS) return 'other';
    this.seen.add(name);
    return name;
  }
}

/**
 * The API's metrics in Prometheus format, one registry per server (a process may run several,
 * as the tests do): requests by operation and outcome, their time and SQL statements, the
 * pool, the export queue, login failures and rate-limit refusals, and Node's own (memory, event
 * loop, GC). Served at GET /metrics only with the bearer token `METRICS_TOKEN`; never public.
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'ggw_graphql_requests_total', help: 'GraphQL requests by operation name and outcome (ok or the error code)', labelNames: ['operation', 'outcome'], registers: [this.registry] });
  private readonly duration = new Histogram({
    name: 'ggw_graphql_request_duration_seconds', help: 'Time from request to answer, by operation name and outcome', labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry],
  });
  private readonly statements = new Histogram({
    name: 'ggw_sql_statements_per_request', help: 'Round trips to PostgreSQL before a GraphQL request was answered', labelNames: ['operation'],
    buckets: [0, 1, 2, 3, 4, 6, 8, 12, 20, 50], registers: [this.registry],
  });
  private readonly sqlSeconds = new Histogram({
    name: 'ggw_sql_seconds_per_request', help: 'Time a GraphQL request spent waiting for PostgreSQL', labelNames: ['operation'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5], registers: [this.registry],
  });
  private readonly loginFailures = new Counter({ name: 'ggw_login_failures_total', help: 'Logins refused for a wrong username or password', registers: [this.registry] });
  private readonly rateLimited = new Counter({ name: 'ggw_rate_limited_total', help: 'Requests refused for their rate (requests per minute, concurrent requests, failed logins)', labelNames: ['kind'], registers: [this.registry] });

  private readonly reads = new Counter({ name: 'ggw_graphql_reads_total', help: 'GraphQL queries by the database that answered them: primary, or a read replica by name', labelNames: ['database'], registers: [this.registry] });

  constructor(dataSource: DataSource, replicas?: ReadReplicas) {
    collectDefaultMetrics({ register: this.registry, prefix: 'ggw_api_' });
    const pool = () => (dataSource.driver as unknown as { master?: PoolCounts }).master;
    new Gauge({
      name: 'ggw_db_pool_connections', help: 'The API\'s PostgreSQL pool: connections in use and idle, and requests waiting for one', labelNames: ['state'], registers: [this.registry],
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: 'in_use' }, p.totalCount - p.idleCount);
        this.set({ state: 'idle' }, p.idleCount);
        this.set({ state: 'waiting' }, p.waitingCount);
      },
    });
    if (replicas) {
      new Gauge({
        name: 'ggw_db_replica_lag_bytes', help: 'Each read replica\'s replay behind the primary, in bytes of WAL (absent while unreachable)', labelNames: ['replica'], registers: [this.registry],
        collect() {
          this.reset();
          for (const { replica, bytes } of replicas.lagBytes()) if (bytes !== null) this.set({ replica }, bytes);
        },
      });
    }
    new Counter({
      name: 'ggw_sql_unprepared_over_cap_total', registers: [this.registry],
      help: `Statements run unprepared (planned each time) because their connection already held ${MAX_PREPARED_PER_CONNECTION} prepared ones; a steady rise means statement texts that vary per request`,
      collect() {
        this.reset();
        this.inc(statementsRunOverPreparedCap());
      },
    });
    new Gauge({
      name: 'ggw_export_queue_jobs', help: 'Export jobs in the queue by state (pg-boss: created, retry, active)', labelNames: ['state'], registers: [this.registry],
      async collect() {
        const rows: Array<{ state: string; n: number }> = await dataSource
          .query(`SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = 'export' AND state IN ('created', 'retry', 'active') GROUP BY state`)
          .catch(() => []);
        this.reset();
        for (const state of ['created', 'retry', 'active']) this.set({ state }, rows.find((r) => r.state === state)?.n ?? 0);
      },
    });
    new Gauge({
      name: 'ggw_export_job_seconds_last_hour', help: 'Exports finished in the last hour: the longest and the mean run, in seconds', labelNames: ['stat'], registers: [this.registry],
      async collect() {
        const [row] = await dataSource
          .query(`SELECT coalesce(max(extract(epoch FROM completed_on - started_on)), 0)::float8 AS max, coalesce(avg(extract(epoch FROM completed_on - started_on)), 0)::float8 AS mean
                    FROM pgboss.job WHERE name = 'export' AND state = 'completed' AND completed_on > now() - interval '1 hour'`)
          .catch(() => [{ max: 0, mean: 0 }]);
        this.set({ stat: 'max' }, Number(row.max));
        this.set({ stat: 'mean' }, Number(row.mean));
      },
    });
  }

  observeRequest(operation: string, outcome: string, seconds: number, sql: { statements: number; seconds: number } | null): void {
    this.requests.inc({ operation, outcome });
    this.duration.observe({ operation, outcome }, seconds);
    if (sql) {
      this.statements.observe({ operation }, sql.statements);
      this.sqlSeconds.observe({ operation }, sql.seconds);
    }
  }

  /** A login refused: a wrong password, or too many failures. */
  loginRefused(error: unknown): void {
    if (error instanceof UnauthenticatedError) this.loginFailures.inc();
    else if (error instanceof RateLimitedError) this.rateLimited.inc({ kind: 'login' });
  }

  /** A GraphQL query was answered by `database` (`primary` or a replica's name). */
  readServed(database: string): void {
    this.reads.inc({ database });
  }

  refusedForRate(kind: RateLimitKind): void {
    this.rateLimited.inc({ kind });
  }
}

/** GET /metrics with `Authorization: Bearer <token>`; anything else is 404, as if there were none. */
export function registerMetricsRoute(app: FastifyInstance, metrics: PlatformMetrics, token: string): void {
  const expected = Buffer.from(`Bearer ${token}`);
  app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.code(404).send({ code: 'NOT_FOUND', message: `${request.method} /metrics 不存在` });
    }
    return reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store').send(await metrics.registry.metrics());
  });
}
