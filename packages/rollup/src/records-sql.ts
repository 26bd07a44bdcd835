import { Period } from '@ggw/domain';
import { SumMetric } from './metrics';
import { SourceName, SOURCES, TimeRule } from './sources';
import { SqlParams, sumColumn, TARGET_COLUMNS, TARGET_GROUP, TargetSpec, targetSql } from './targets';

/** A period's bounds as parameters, each added to `params` only when a condition uses it. */
export function periodParamsOf(params: SqlParams, p: Period): { start: string; end: string; year: string; key: string } {
  const [start, end, year, key] = [params.lazy(p.start, 'date'), params.lazy(p.end, 'date'), params.lazy(p.year, 'int'), params.lazy(p.key, 'text')];
  return { get start() { return start(); }, get end() { return end(); }, get year() { return year(); }, get key() { return key(); } };
}

/**
 * The day whose tree decides under which orgs a record of a kind counts (as the aggregates'
 * treeDaySql does on their buckets): a dated event by the tree at the end of its month, a yearly
 * fact at the end of its year, a headcount or span at the period's last day (today's tree when a
 * list has no period).
 */
export function recordTreeDaySql(rule: TimeRule, p: { end: string } | null): string {
  switch (rule.kind) {
    case 'flow':
      return `(date_trunc('month', r.${rule.on}) + interval '1 month' - interval '1 day')::date`;
    case 'annual':
      return `make_date(r.${rule.year}, 12, 31)`;
    case 'stock':
    case 'span':
      return p ? `(${p.end} - 1)` : 'CURRENT_DATE';
    case 'periodKey':
      return 'CURRENT_DATE';
  }
}

/**
 * What "in the period" means for a kind of record, as the SQL condition on its row `r` for
 * period parameters (start, end, year, key): the one definition, read by the figures (here and,
 * bucketed by month, by the aggregates) and by the lists behind them, so that a list holds
 * exactly the records its figure counts. An end date (`left_on`, `ended_on`) is the last day
 * the record was active.
 */
export function periodConditionSql(rule: TimeRule, p: { start: string; end: string; year: string; key: string }): string {
  switch (rule.kind) {
    case 'stock':
      return `r.${rule.from} < ${p.end} AND (r.${rule.to} IS NULL OR r.${rule.to} >= ${p.end})`;
    case 'span':
      return `r.${rule.from} < ${p.end} AND (r.${rule.to} IS NULL OR r.${rule.to} >= ${p.start})`;
    case 'flow':
      return `r.${rule.on} >= ${p.start} AND r.${rule.on} < ${p.end}`;
    case 'annual':
      return `r.${rule.year} = ${p.year}`;
    case 'periodKey':
      return `r.${rule.column} = ${p.key}`;
  }
}

/** A sum metric's aggregate over the source rows `r` that meet `condition`. */
export function measureSql(m: SumMetric, condition: string): string {
  const where = m.where ? `${condition} AND (${m.where})` : condition;
  return m.measure === 'count' ? `count(*) FILTER (WHERE ${where})` : `coalesce(sum(r.${m.measure.sum}) FILTER (WHERE ${where}), 0)`;
}

/**
 * The one statement that computes every requested figure for every target org and period
 * straight from the records: the targets' subtrees are read once, each source is aggregated per
 * org in one pass (a FILTER per figure and period), and the per-org sums are added up along the
 * paths. Its cost grows with the subtree (a province reads every record below it), so the API
 * reads the aggregates instead; this stays as the reference they are checked against in tests
 * and measured against in the benchmark.
 */
export function buildRecordsRollupSql(specs: TargetSpec[], periods: Period[], metrics: readonly SumMetric[]) {
  const params = new SqlParams();
  const periodParams = periods.map((p) => periodParamsOf(params, p));

  const targets = specs.map((s, i) => targetSql(s, i, params.add, periods[0]?.end)).join('\nUNION ALL\n');
  const bySource = new Map<SourceName, SumMetric[]>();
  for (const m of metrics) bySource.set(m.source, [...(bySource.get(m.source) ?? []), m]);

  const sourceNames = [...bySource.keys()];
  const sourceCtes = sourceNames.map((name) => {
    const source = SOURCES[name];
    const from = source.from.replace(/\{scope:(\w+)\}/g, (_m, a: string) => `(${a}.tenant_id, ${a}.org_id) IN (SELECT tenant_id, id FROM s)`);
    const cols = bySource.get(name)!.flatMap((m) => periodParams.map((p, i) => `(${measureSql(m, periodConditionSql(source.time, p))})::numeric AS ${sumColumn(m.key, i)}`));
    return `src_${name} AS (
      SELECT r.tenant_id, r.org_id, ${cols.join(',\n        ')}
        FROM ${from} JOIN s ON s.tenant_id = r.tenant_id AND s.id = r.org_id
       GROUP BY r.tenant_id, r.org_id)`;
  });
  // every source's per-org sums stacked (other sources' columns NULL), then one row per org:
  // a chain of joins between the sources would leave the planner guessing (ltree selectivity)
  const allColumns = metrics.flatMap((m) => periods.map((_p, i) => ({ metric: m, name: sumColumn(m.key, i) })));
  const stacked = sourceNames.map((name) =>
    `SELECT tenant_id, org_id, ${allColumns.map((c) => (c.metric.source === name ? c.name : `NULL::numeric AS ${c.name}`)).join(', ')} FROM src_${name}`,
  );
  // sums stay numeric (exact for money) until the figure leaves the statement
  const sums = allColumns.map((c) => `coalesce(sum(u.${c.name}), 0) AS ${c.name}`);
  const totals = allColumns.map((c) => `coalesce(sum(a.${c.name}), 0)::float8 AS ${c.name}`);

  const text = `
    WITH t AS (${targets}),
    -- the union of the targets' subtrees, each org once
    s AS (SELECT o.tenant_id, o.id, o.path FROM org o WHERE o.path <@ ARRAY(SELECT DISTINCT path FROM t)),
    ${sourceCtes.join(',\n    ')},
    per_org AS (
      SELECT s.path, ${sums.join(', ')}
        FROM (${stacked.join('\n UNION ALL ')}) u
        JOIN s ON s.tenant_id = u.tenant_id AND s.id = u.org_id
       GROUP BY s.path),
    -- each org's sums once under each of its ancestors (and itself): a target joins by equality
    by_ancestor AS (
      SELECT subpath(p.path, 0, d) AS ancestor, p.*
        FROM per_org p CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS d)
    SELECT ${TARGET_COLUMNS},
           ${totals.join(',\n           ')}
      FROM t LEFT JOIN by_ancestor a ON a.ancestor = t.path
     GROUP BY ${TARGET_GROUP}
     ORDER BY t.spec, t.path`;
  return { text, params: params.values };
}
