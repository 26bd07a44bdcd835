import { DataSource } from 'typeorm';
import { ENTITIES, ExportFormat } from '@ggw/domain';
import { syncRollupAggregates } from '@ggw/rollup';
import { installJobQueues } from './job-queues';
import { MIGRATIONS } from './migrations';
import { CountingLogger, SqlLogSink } from './sql-stats';

export interface DataSourceOptions {
  url: string;
  /** Pool size; a request uses one connection at a time. */
  poolSize?: number;
  /**
   * How long a request waits for a pooled connection (all busy) or for a new one to connect
   * before it is refused; unset: without bound.
   */
  acquireTimeoutMs?: number;
  log?: SqlLogSink;
}

/** The one way to build a TypeORM data source for this schema. Call `initialize()` on it. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['query', 'error', 'warn', 'migration'],
    logger: new CountingLogger(options.log),
    maxQueryExecutionTime: 500,
    extra: {
      max: options.poolSize ?? 10,
      // pg-pool applies it both to connecting and to waiting in the queue for a free connection
      ...(options.acquireTimeoutMs ? { connectionTimeoutMillis: options.acquireTimeoutMs } : {}),
      application_name: 'ggw',
      // Named prepared statements get one generic plan instead of a fresh plan per execution.
      // Unnamed statements (every other query) are always planned with their values, whatever
      // this says; the named ones are the roll-up statements (prepared-query.ts), whose plans
      // do not depend on the values (an org's own aggregate rows, by primary key), and whose
      // planning was 2 of 5 ms of a county's roll-up.
      options: '-c plan_cache_mode=force_generic_plan',
    },
  });
}

/**
 * Brings the schema up to date, as the owner: applies pending migrations, records the export
 * formats this build has, installs the roll-up
 * aggregate triggers of this build's metric catalogue if the database has another generation
 * (recomputing the aggregates), and installs the job queues (pg-boss). Returns the names of the
 * migrations applied, and `rollup aggregates` when those were (re)installed.
 */
export async function migrate(ds: DataSource): Promise<string[]> {
  const applied = (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  // the formats this build can write (a format no longer written stays: old exports name it)
  await ds.query(`INSERT INTO export_format (format) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [Object.values(ExportFormat)]);
  if (await syncRollupAggregates(ds)) applied.push('rollup aggregates');
  await installJobQueues(ds);
  return applied;
}

/** True when every migration of this build has been applied (used by /readyz). */
export async function migrationsCurrent(ds: DataSource): Promise<boolean> {
  return !(await ds.showMigrations());
}
