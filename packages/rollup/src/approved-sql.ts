import { Period } from '@ggw/domain';
import { SumMetric } from './metrics';
import { measureSql } from './records-sql';
import { SOURCES } from './sources';
import { SqlParams, sumColumn, TARGET_COLUMNS, TargetSpec, targetSql } from './targets';

/**
 * The one statement that reads the APPROVED figures: for every target org and period, the sum
 * over the approved reports of its subtree of the figures each org froze when it submitted
 * (`report.frozen`, its own records' sums). The report figures themselves (how many reported,
 * on time) are the approved reports' own rows. A figure a report froze before it existed in the
 * catalogue counts as 0 there.
 */
export function buildApprovedRollupSql(specs: TargetSpec[], periods: Period[], metrics: readonly SumMetric[]) {
  const params = new SqlParams();
  const keys = periods.map((p) => params.add(p.key));
  const targets = specs.map((s, i) => targetSql(s, i, params.add)).join('\nUNION ALL\n');
  const figures = metrics.flatMap((m) => keys.map((key, i) => {
    const inPeriod = `r.period = ${key}`;
    const value = m.source === 'report'
      ? measureSql(m, inPeriod)
      : `coalesce(sum((r.frozen ->> '${m.key}')::numeric) FILTER (WHERE ${inPeriod}), 0)`;
    return `(${value})::float8 AS ${sumColumn(m.key, i)}`;
  }));
  const from = SOURCES.report.from.replace(/\{scope:(\w+)\}/g, 'true');
  const text = `
    WITH t AS (${targets})
    SELECT ${TARGET_COLUMNS}${figures.length ? ', x.*' : ''}
      FROM t LEFT JOIN LATERAL (
        SELECT ${figures.join(',\n               ') || '1'}
          FROM org o JOIN ${from} ON r.tenant_id = o.tenant_id AND r.org_id = o.id
         WHERE o.path <@ t.path AND r.status = 'APPROVED' AND r.period = ANY(ARRAY[${keys.join(', ')}]::text[])) x ON true
     ORDER BY t.spec, t.path`;
  return { text, params: params.values };
}
