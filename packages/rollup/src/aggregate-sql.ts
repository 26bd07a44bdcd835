import { Period } from '@ggw/domain';
import { neededBucketsSql, PeriodSql, readSql } from './aggregate-layout';
import { SumMetric } from './metrics';
import { SOURCES } from './sources';
import { SqlParams, sumColumn, TARGET_COLUMNS, TargetSpec, targetSql } from './targets';

/**
 * The one statement that reads every requested figure for every target org and period from
 * the subtree aggregates: per target, only its own rows of the sources asked for (a few
 * hundred at a province, a few dozen at a village), however large its subtree. From
 * `rollup_own` instead: each target's own records only (what its report answers for).
 */
export function buildAggregateRollupSql(specs: TargetSpec[], periods: Period[], metrics: readonly SumMetric[], table: 'rollup_subtree' | 'rollup_own' = 'rollup_subtree') {
  const params = new SqlParams();
  const periodSql = periods.map((p): PeriodSql => {
    const [start, end, yearStart] = [params.lazy(p.start, 'date'), params.lazy(p.end, 'date'), params.lazy(`${p.year}-01-01`, 'date')];
    return { get start() { return start(); }, get end() { return end(); }, get yearStart() { return yearStart(); }, kind: p.kind };
  });
  const targets = specs.map((s, i) => targetSql(s, i, params.add)).join('\nUNION ALL\n');
  const sources = [...new Set(metrics.map((m) => m.source))];
  const rows = sources.map((s) => `(a.source = '${s}' AND ${neededBucketsSql(SOURCES[s].time, periods, params.add)})`);
  const figures = metrics.flatMap((m) => periodSql.map((p, i) => `(${readSql(m, p)})::float8 AS ${sumColumn(m.key, i)}`));
  // each target's rows are summed on their own (an index range per target), so no sort or
  // wide group key over every row read
  const text = `
    WITH t AS (${targets})
    SELECT ${TARGET_COLUMNS}${figures.length ? ', x.*' : ''}
      FROM t LEFT JOIN LATERAL (
        SELECT ${figures.join(',\n               ') || '1'}
          FROM ${table} a
         WHERE a.tenant_id = t.tenant_id AND a.org_id = t.id AND a.source IN (${sources.map((s) => `'${s}'`).join(', ') || 'NULL'})
           AND (${rows.join(' OR ') || 'false'})) x ON true
     ORDER BY t.spec, t.path`;
  return { text, params: params.values };
}
