import { Period } from '@ggw/domain';
import { SUM_METRICS, SumMetric } from './metrics';
import { SourceName, SOURCES, TimeRule } from './sources';

/**
 * How roll-up aggregates are laid out. For every org, source, channel and month (`bucket`),
 * `rollup_subtree` holds one vector `v` of the sums of that source's metrics (in catalogue
 * order) over the org's whole subtree; `rollup_own` holds the same for the org's own records.
 *
 * Every period the API accepts (year, quarter, month) starts on the first of a month, so
 * monthly buckets answer each of them exactly:
 *
 * - stock (headcount at the period's end): +1 in the month something starts, -1 in the month
 *   it ends (channel `at`); the figure is the sum of all buckets before the period's end.
 * - span (active at some time in the period): starts (`start`) before the period's end minus
 *   ends (`end`) before its start; an end always follows its start (CHECK constraints).
 * - flow (dated events): the buckets inside the period.
 * - annual (yearly facts): one bucket on 1 January of the year.
 * - periodKey (per-period documents): channel `year`, `quarter` or `month`, bucket at the
 *   period's first day.
 */
export type Channel = 'at' | 'start' | 'end' | 'year' | 'quarter' | 'month';

/** The sum metrics of each source, in catalogue order: the slots of that source's vectors (1-based in SQL). */
export const SOURCE_LAYOUT: ReadonlyMap<SourceName, readonly SumMetric[]> = (() => {
  const layout = new Map<SourceName, SumMetric[]>();
  for (const m of SUM_METRICS) layout.set(m.source, [...(layout.get(m.source) ?? []), m]);
  return layout;
})();

/** 1-based slot of a sum metric in its source's vector. */
export function slotOf(m: SumMetric): number {
  return SOURCE_LAYOUT.get(m.source)!.indexOf(m) + 1;
}

const month = (column: string) => `date_trunc('month', r.${column})::date`;

/** The (channel, bucket, sign) events one source row contributes, as a SQL VALUES list over `r`. */
export function eventsSql(rule: TimeRule): string {
  switch (rule.kind) {
    case 'stock':
      return `('at', ${month(rule.from)}, 1), ('at', ${month(rule.to)}, -1)`;
    case 'span':
      return `('start', ${month(rule.from)}, 1), ('end', ${month(rule.to)}, 1)`;
    case 'flow':
      return `('at', ${month(rule.on)}, 1)`;
    case 'annual':
      return `('at', make_date(r.${rule.year}, 1, 1), 1)`;
    case 'periodKey': {
      const c = `r.${rule.column}`;
      const channel = `CASE WHEN ${c} LIKE '%Q%' THEN 'quarter' WHEN length(${c}) = 4 THEN 'year' ELSE 'month' END`;
      const start = `CASE WHEN ${c} LIKE '%Q%' THEN make_date(left(${c}, 4)::int, (right(${c}, 1)::int - 1) * 3 + 1, 1)
                          WHEN length(${c}) = 4 THEN make_date(${c}::int, 1, 1) ELSE (${c} || '-01')::date END`;
      return `(${channel}, ${start}, 1)`;
    }
  }
}

/** Period bounds as SQL expressions (parameters), for the read side. */
export interface PeriodSql {
  start: string;
  end: string;
  yearStart: string;
  kind: Period['kind'];
  /** a column of the aggregate rows `a` weighing each row for this period (1, or ±1 for a row that corrects for a moved org) */
  weight?: string;
}

/**
 * The SQL giving a sum metric's value for one period from the aggregate rows `a` of a target
 * org (one row per source, channel and bucket).
 */
export function readSql(m: SumMetric, p: PeriodSql): string {
  const slot = `${p.weight ? `${p.weight} * ` : ''}a.v[${slotOf(m)}]`;
  const sum = (channel: Channel, bucket: string) =>
    `coalesce(sum(${slot}) FILTER (WHERE a.source = '${m.source}' AND a.channel = '${channel}' AND ${bucket}), 0)`;
  const rule = SOURCES[m.source].time;
  switch (rule.kind) {
    case 'stock':
      return sum('at', `a.bucket < ${p.end}`);
    case 'span':
      return `${sum('start', `a.bucket < ${p.end}`)} - ${sum('end', `a.bucket < ${p.start}`)}`;
    case 'flow':
      return sum('at', `a.bucket >= ${p.start} AND a.bucket < ${p.end}`);
    case 'annual':
      return sum('at', `a.bucket = ${p.yearStart}`);
    case 'periodKey':
      return sum(p.kind.toLowerCase() as Channel, `a.bucket = ${p.start}`);
  }
}

/**
 * The buckets of a source that can matter to any of `periods` (all bounds as ISO dates):
 * headcounts and spans need the history before the latest end, the others only the periods'
 * own buckets. Rows outside are not read into the sums.
 */
export function neededBucketsSql(rule: TimeRule, periods: Period[], add: (v: unknown) => string): string {
  const latestEnd = periods.map((p) => p.end).sort().at(-1)!;
  const earliestStart = periods.map((p) => p.start).sort()[0];
  switch (rule.kind) {
    case 'stock':
    case 'span':
      return `a.bucket < ${add(latestEnd)}::date`;
    case 'flow':
      return `a.bucket >= ${add(earliestStart)}::date AND a.bucket < ${add(latestEnd)}::date`;
    case 'annual':
      return `a.bucket = ANY(${add(periods.map((p) => `${p.year}-01-01`))}::date[])`;
    case 'periodKey':
      return `a.bucket = ANY(${add(periods.map((p) => p.start))}::date[])`;
  }
}

/**
 * The day whose tree decides under which orgs a row of a source counts, for a period ending
 * (exclusive) at `end`: a headcount or a span by the tree on the period's last day; a dated event
 * by the tree at the end of its month; a yearly fact or a per-period document by the tree at the
 * end of its year, quarter or month.
 */
export function treeDaySql(rule: TimeRule, end: () => string): string {
  switch (rule.kind) {
    case 'stock':
    case 'span':
      // (asked for only here: a period bound is a parameter, which must not be added unused)
      return `(${end()} - 1)`;
    case 'flow':
      return `(a.bucket + interval '1 month' - interval '1 day')::date`;
    case 'annual':
      return `make_date(extract(year FROM a.bucket)::int, 12, 31)`;
    case 'periodKey':
      return `(a.bucket + CASE a.channel WHEN 'year' THEN interval '1 year' WHEN 'quarter' THEN interval '3 months' ELSE interval '1 month' END - interval '1 day')::date`;
  }
}
