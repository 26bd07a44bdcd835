import { EntityManager } from 'typeorm';
import { OrgLevel, OrgRecord, OrgType, Period, previousYear } from '@ggw/domain';
import { buildAggregateRollupSql } from './aggregate-sql';
import { buildApprovedRollupSql } from './approved-sql';
import { preparedName, queryPrepared } from './prepared-query';
import { inputsOf, Metric, METRICS, SUM_METRICS, SumMetric } from './metrics';
import { buildRecordsRollupSql } from './records-sql';
import { TargetSpec } from './targets';

export type { TargetSpec } from './targets';

/** Sums of every sum metric, per period (in the order the periods were given). */
export interface RollupRow {
  spec: number;
  org: OrgRecord;
  sums: Record<string, number>[];
}

/**
 * Where figures are read from: the subtree aggregates the triggers keep (what the API uses for
 * LIVE figures), the frozen figures of approved reports (APPROVED), each target's own records
 * only (what a report freezes), or the records themselves (the reference, for tests and the
 * benchmark).
 */
export type RollupReader = 'aggregates' | 'approved' | 'own' | 'records';

const BUILDERS: Record<RollupReader, (specs: TargetSpec[], periods: Period[], metrics: readonly SumMetric[], treeDays: Array<string | null>) => { text: string; params: unknown[] }> = {
  aggregates: (specs, periods, metrics, treeDays) => buildAggregateRollupSql(specs, periods, metrics, 'rollup_subtree', treeDays),
  approved: buildApprovedRollupSql,
  own: (specs, periods, metrics) => buildAggregateRollupSql(specs, periods, metrics, 'rollup_own'),
  records: buildRecordsRollupSql,
};

/**
 * One roll-up statement, ready to run: its text, parameters and prepared statement's name, and
 * how its rows become roll-up rows. Whoever runs it decides how (a prepared statement on the
 * request's connection, or one that travels in a message with others).
 */
export interface RollupStatement {
  text: string;
  params: unknown[];
  name: string;
  decode(rows: Array<Record<string, unknown>>): RollupRow[];
}

/** Statements built lately, by everything they are built from: a dashboard asks the same roll-ups again and again. */
const STATEMENTS = new Map<string, RollupStatement>();
const STATEMENTS_KEPT = 500;

/**
 * The statement that computes the sums of every sum metric for the targets of `specs`, for each
 * period. Figures follow the tree as it was in each period; `treeDays[i]`, when given, fixes the
 * day whose tree counts for period i instead (a previous year compared like for like with the
 * year after it). Built and hashed once while it is asked for again (building ~10 KB of SQL and
 * its hash was ~3% of a small query's CPU); a period is its key (`parsePeriod` makes the rest).
 */
export function rollupStatement(
  specs: TargetSpec[],
  periods: Period[],
  metrics: readonly SumMetric[] = SUM_METRICS,
  reader: RollupReader = 'aggregates',
  treeDays: Array<string | null> = [],
): RollupStatement {
  const key = JSON.stringify([reader, specs, periods.map((p) => p.key), metrics.map((m) => m.key), treeDays]);
  let statement = STATEMENTS.get(key);
  if (!statement) {
    const { text, params } = BUILDERS[reader](specs, periods, metrics, treeDays);
    const columns = periods.map((_p, i) => metrics.map((m) => [m.key, `${m.key}__${i}`] as const));
    statement = { text, params, name: preparedName(text), decode: (rows) => rows.map((r) => decodeRow(r, columns)) };
    // a client chooses what it asks for: the memory stays bounded whatever it asks
    if (STATEMENTS.size >= STATEMENTS_KEPT) STATEMENTS.clear();
    STATEMENTS.set(key, statement);
  }
  return statement;
}

function decodeRow(r: Record<string, unknown>, columns: Array<Array<readonly [string, string]>>): RollupRow {
  return {
    spec: Number(r.spec),
    org: {
      id: r.id as string, tenantId: r.tenantId as string, parentId: r.parentId as string | null, path: r.path as string,
      level: r.level as OrgLevel, type: r.type as OrgType, code: r.code as string, name: r.name as string,
      foundedOn: r.foundedOn as string, dissolvedOn: r.dissolvedOn as string | null,
    },
    sums: columns.map((period) => {
      const sums = figureRecord<number>();
      for (const [key, column] of period) sums[key] = r[column] as number;
      return sums;
    }),
  };
}

/**
 * Computes the roll-ups of `rollupStatement` in one statement on `manager` (the caller's
 * transaction, so row-level security applies).
 */
export async function computeRollups(
  manager: EntityManager,
  specs: TargetSpec[],
  periods: Period[],
  metrics: readonly SumMetric[] = SUM_METRICS,
  reader: RollupReader = 'aggregates',
  treeDays: Array<string | null> = [],
): Promise<RollupRow[]> {
  if (specs.length === 0) return [];
  const statement = rollupStatement(specs, periods, metrics, reader, treeDays);
  return statement.decode(await queryPrepared(manager, statement.text, statement.params, statement.name));
}

/**
 * The statement of the figures of `period`, as a table shows them: children as they were in the
 * period. With `lastYear`, also those of the year before, over the orgs below each target at the
 * period's end (like for like: a merged township's previous year is the sum of its
 * predecessors'); without it the statement computes and reads nothing of that year.
 */
export function periodStatement(specs: TargetSpec[], period: Period, metrics: readonly SumMetric[], reader: RollupReader, lastYear: boolean): RollupStatement {
  const dated = specs.map((s) => (s.kind === 'children' || s.kind === 'childrenOfCode' ? { ...s, during: { start: period.start, end: period.end } } : s));
  if (!lastYear) return rollupStatement(dated, [period], metrics, reader);
  const lastDay = new Date(Date.parse(`${period.end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return rollupStatement(dated, [period, previousYear(period)], metrics, reader, [null, lastDay]);
}

/** The figures of `period` and of the year before it (`periodStatement`), in one statement on `manager`. */
export async function computeWithLastYear(
  manager: EntityManager, specs: TargetSpec[], period: Period, metrics: readonly SumMetric[], reader: RollupReader = 'aggregates',
): Promise<RollupRow[]> {
  if (specs.length === 0) return [];
  const statement = periodStatement(specs, period, metrics, reader, true);
  return statement.decode(await queryPrepared(manager, statement.text, statement.params, statement.name));
}

/**
 * Every figure (sums, ratios, differences) that can be computed from the sums (the engine
 * computes only what was asked); a ratio with a zero denominator is null.
 */
export function figuresFromSums(sums: Record<string, number>): Record<string, number | null> {
  const out = figureRecord<number | null>();
  for (const m of computableMetrics(sums)) out[m.key] = figure(m, sums);
  return out;
}

/**
 * An empty record keyed by figure: a dictionary from the start (no prototype). Filled one key
 * at a time with keys that depend on the query, an ordinary object went through a new hidden
 * class for each key of each row, most of the time spent on a large roll-up table.
 */
export function figureRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The set of sums → the catalogue's metrics computable from it: the rows of one statement share it. */
const COMPUTABLE = new Map<string, readonly Metric[]>();
const COMPUTABLE_KEPT = 1000;

/**
 * The metrics (in catalogue order) that the sums of `sums` suffice for. Worked out once per set
 * of sums: it was a walk over the whole catalogue (87 metrics, each checking its inputs) for
 * every row, a third of the CPU of a 200-org table.
 */
export function computableMetrics(sums: Record<string, number>): readonly Metric[] {
  const keys = Object.keys(sums).join(',');
  let metrics = COMPUTABLE.get(keys);
  if (!metrics) {
    const have = new Set(Object.keys(sums));
    metrics = METRICS.filter((m) => inputsOf(m).every((k) => have.has(k)));
    // a client chooses the figures it asks for: the memory stays bounded whatever it asks
    if (COMPUTABLE.size >= COMPUTABLE_KEPT) COMPUTABLE.clear();
    COMPUTABLE.set(keys, metrics);
  }
  return metrics;
}

function figure(m: Metric, sums: Record<string, number>): number | null {
  switch (m.kind) {
    case 'sum':
      return sums[m.key];
    case 'ratio': {
      const d = sums[m.denominator];
      return d === 0 ? null : sums[m.numerator] / d;
    }
    case 'difference':
      return sums[m.minuend] - sums[m.subtrahend];
  }
}

/** What a report freezes: every figure but the report's own (those are read from the report rows themselves). */
export const FROZEN_METRICS = SUM_METRICS.filter((m) => m.source !== 'report');

/** The own figures of each org (its own records only) for a period: what its report freezes at submission. One statement. */
export async function ownFigures(manager: EntityManager, orgIds: string[], period: Period): Promise<Map<string, Record<string, number>>> {
  const rows = await computeRollups(manager, [{ kind: 'orgs', ids: orgIds }], [period], FROZEN_METRICS, 'own');
  return new Map(rows.map((r) => [r.org.id, r.sums[0]]));
}
