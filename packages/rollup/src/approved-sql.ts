import { Period } from '@ggw/domain';
import { SumMetric } from './metrics';
import { measureSql } from './records-sql';
import { SOURCES } from './sources';
import { SqlParams, sumColumn, TARGET_COLUMNS, TargetSpec, targetSql } from './targets';

/**
 * The one statement that reads the APPROVED figures: for every target org and period, the sum
 * over the approved reports of its subtree of the figures each org froze when it submitted. The
 * database keeps those sums per org and period as approvals happen (`approved_subtree`), so a
 * target reads one row per period. The report figures themselves (how many reported, on time)
 * are counted from the approved reports' own rows, only when asked for. A figure a report froze
 * before it existed in the catalogue counts as 0 there.
 */
export function buildApprovedRollupSql(specs: TargetSpec[], periods: Period[], metrics: readonly SumMetric[]) {
  const params = new SqlParams();
  const keys = periods.map((p) => params.add(p.key));
  const targets = specs.map((s, i) => targetSql(s, i, params.add, periods[0]?.end)).join('\nUNION ALL\n');
  const frozen = metrics.filter((m) => m.source !== 'report');
  const reported = metrics.filter((m) => m.source === 'report');
  const frozenColumns = frozen.flatMap((m) => keys.map((key, i) =>
    `coalesce(sum((a.sums ->> '${m.key}')::numeric) FILTER (WHERE a.period = ${key}), 0)::float8 AS ${sumColumn(m.key, i)}`));
  const reportedColumns = reported.flatMap((m) => keys.map((key, i) => `(${measureSql(m, `r.period = ${key}`)})::float8 AS ${sumColumn(m.key, i)}`));
  const inPeriods = `ANY(ARRAY[${keys.join(', ')}]::text[])`;
  const text = `
    WITH t AS (${targets})
    SELECT ${TARGET_COLUMNS}${frozenColumns.length ? ', x.*' : ''}${reportedColumns.length ? ', y.*' : ''}
      FROM t
      ${frozenColumns.length ? `LEFT JOIN LATERAL (
        SELECT ${frozenColumns.join(',\n               ')}
          FROM approved_subtree a WHERE a.tenant_id = t.tenant_id AND a.org_id = t.id AND a.period = ${inPeriods}) x ON true` : ''}
      ${reportedColumns.length ? `LEFT JOIN LATERAL (
        SELECT ${reportedColumns.join(',\n               ')}
          FROM org o JOIN ${SOURCES.report.from.replace(/\{scope:(\w+)\}/g, 'true')} ON r.tenant_id = o.tenant_id AND r.org_id = o.id
         WHERE o.path <@ t.path AND r.status = 'APPROVED' AND r.period = ${inPeriods}) y ON true` : ''}
     ORDER BY t.spec, t.path`;
  return { text, params: params.values };
}
