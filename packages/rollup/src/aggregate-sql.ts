import { Period } from '@ggw/domain';
import { neededBucketsSql, PeriodSql, readSql, treeDaySql } from './aggregate-layout';
import { SumMetric } from './metrics';
import { SOURCES } from './sources';
import { SqlParams, sumColumn, TARGET_COLUMNS, TargetSpec, targetSql } from './targets';

/**
 * The one statement that reads every requested figure for every target org and period from
 * the subtree aggregates: per target, only its own rows of the sources asked for (a few
 * hundred at a province, a few dozen at a village), however large its subtree. From
 * `rollup_own` instead: each target's own records only (what its report answers for).
 */
export function buildAggregateRollupSql(
  specs: TargetSpec[], periods: Period[], metrics: readonly SumMetric[], table: 'rollup_subtree' | 'rollup_own' = 'rollup_subtree', treeDays: Array<string | null> = [],
) {
  const params = new SqlParams();
  const dated = table === 'rollup_subtree';
  const periodSql = periods.map((p, i): PeriodSql => {
    const [start, end, yearStart] = [params.lazy(p.start, 'date'), params.lazy(p.end, 'date'), params.lazy(`${p.year}-01-01`, 'date')];
    return { get start() { return start(); }, get end() { return end(); }, get yearStart() { return yearStart(); }, kind: p.kind, weight: dated ? `a.w${i}` : undefined };
  });
  const targets = specs.map((s, i) => targetSql(s, i, params.add, periods[0]?.end)).join('\nUNION ALL\n');
  const sources = [...new Set(metrics.map((m) => m.source))];
  const rows = sources.map((s) => `(a.source = '${s}' AND ${neededBucketsSql(SOURCES[s].time, periods, params.add)})`);
  const figures = metrics.flatMap((m) => periodSql.map((p, i) => `(${readSql(m, p)})::float8 AS ${sumColumn(m.key, i)}`));
  const filter = `a.source IN (${sources.map((s) => `'${s}'`).join(', ') || 'NULL'}) AND (${rows.join(' OR ') || 'false'})`;
  // each target's rows are summed on their own (an index range per target), so no sort or
  // wide group key over every row read
  const text = `
    WITH t AS (${targets})
    SELECT ${TARGET_COLUMNS}${figures.length ? ', x.*' : ''}
      FROM t LEFT JOIN LATERAL (
        SELECT ${figures.join(',\n               ') || '1'}
          FROM ${dated ? datedRowsSql(periods, periodSql, treeDays, sources, filter, params) : `${table} a WHERE a.tenant_id = t.tenant_id AND a.org_id = t.id AND ${filter}`}) x ON true
     ORDER BY t.spec, t.path`;
  return { text, params: params.values };
}

/**
 * The target's subtree aggregates (today's tree, weight 1 in every period), and, for the orgs
 * that have ever moved under or away from it (`org_history_reach`, with the days each was below
 * it: none for nearly every target), their own rows weighed +1 where the org was below the
 * target on the day that decides (treeDaySql, or the period's `treeDays` entry: a fixed day, for
 * like-for-like comparisons) but is not today, and -1 where the reverse. So a figure follows the
 * tree as it was.
 */
function datedRowsSql(periods: Period[], periodSql: PeriodSql[], treeDays: Array<string | null>, sources: string[], filter: string, params: SqlParams): string {
  const ones = periods.map((_p, i) => `1 AS w${i}`).join(', ');
  const weights = periods.map((_p, i) => {
    const fixed = treeDays[i] ? `${params.add(treeDays[i])}::date` : null;
    const day = fixed ?? (sources.length ? `CASE a.source ${sources.map((s) => `WHEN '${s}' THEN ${treeDaySql(SOURCES[s as keyof typeof SOURCES].time, () => periodSql[i].end)}`).join(' ')} END` : 'NULL::date');
    return `(h.days @> ${day})::int - (t.path @> m.path)::int AS w${i}`;
  }).join(', ');
  return `(SELECT a.source, a.channel, a.bucket, a.v, ${ones} FROM rollup_subtree a WHERE a.tenant_id = t.tenant_id AND a.org_id = t.id AND ${filter}
           UNION ALL
           SELECT a.source, a.channel, a.bucket, a.v, ${weights}
             FROM org_history_reach h JOIN org m ON m.tenant_id = h.tenant_id AND m.id = h.org_id
             JOIN rollup_own a ON a.tenant_id = h.tenant_id AND a.org_id = h.org_id
            WHERE h.tenant_id = t.tenant_id AND h.ancestor_id = t.id AND ${filter}) a`;
}
