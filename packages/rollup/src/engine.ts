import { EntityManager } from 'typeorm';
import { OrgLevel, OrgRecord, OrgType, Period } from '@ggw/domain';
import { Metric, METRICS, SUM_METRICS, SumMetric } from './metrics';
import { SourceName, SOURCES, TimeRule } from './sources';

/** Which orgs to compute roll-ups for. Specs are resolved in SQL, so a table of children or a page of villages costs no extra statement. */
export type TargetSpec =
  | { kind: 'orgs'; ids: string[] }
  | { kind: 'children'; parentId: string }
  | { kind: 'descendants'; rootId: string; level?: OrgLevel | null; type?: OrgType | null; limit: number; afterPath?: string | null };

/** Sums of every sum metric, per period (in the order the periods were given). */
export interface RollupRow {
  spec: number;
  org: OrgRecord;
  sums: Record<string, number>[];
}

/** The SQL condition of a time rule for period parameters (start, end, year, key). */
function inPeriod(rule: TimeRule, p: { start: string; end: string; year: string; key: string }): string {
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

const column = (key: string, periodIndex: number) => `"${key}__${periodIndex}"`;

function measureSql(m: SumMetric, condition: string): string {
  const where = m.where ? `${condition} AND (${m.where})` : condition;
  return m.measure === 'count' ? `count(*) FILTER (WHERE ${where})` : `coalesce(sum(r.${m.measure.sum}) FILTER (WHERE ${where}), 0)`;
}

function targetSql(spec: TargetSpec, index: number, add: (v: unknown) => string): string {
  const select = `SELECT ${index} AS spec, o.tenant_id, o.id, o.parent_id, o.path, o.level, o.type, o.code, o.name, o.founded_on, o.dissolved_on FROM org o`;
  switch (spec.kind) {
    case 'orgs':
      return `${select} WHERE o.id = ANY(${add(spec.ids)}::uuid[])`;
    case 'children':
      return `${select} WHERE o.parent_id = ${add(spec.parentId)}::uuid`;
    case 'descendants': {
      const where = [`o.path <@ (SELECT path FROM org WHERE id = ${add(spec.rootId)}::uuid)`, `o.id <> ${add(spec.rootId)}::uuid`];
      if (spec.level) where.push(`o.level = ${add(spec.level)}`);
      if (spec.type) where.push(`o.type = ${add(spec.type)}`);
      if (spec.afterPath) where.push(`o.path > ${add(spec.afterPath)}::ltree`);
      return `(${select} WHERE ${where.join(' AND ')} ORDER BY o.path LIMIT ${add(spec.limit)})`;
    }
  }
}

/**
 * Builds the one statement that computes every requested figure for every target org and
 * period: the targets' subtrees are read once, each source is aggregated per org in one pass
 * (a FILTER per figure and period), and the per-org sums are added up along the paths.
 */
export function buildRollupSql(specs: TargetSpec[], periods: Period[], metrics: readonly SumMetric[] = SUM_METRICS) {
  const params: unknown[] = [];
  const add = (v: unknown) => `$${params.push(v)}`;
  // a parameter is added when first used: PostgreSQL rejects a parameter no clause refers to
  const lazy = (value: unknown, type: string) => {
    let placeholder: string | undefined;
    return () => (placeholder ??= `${add(value)}::${type}`);
  };
  const periodParams = periods.map((p) => {
    const [start, end, year, key] = [lazy(p.start, 'date'), lazy(p.end, 'date'), lazy(p.year, 'int'), lazy(p.key, 'text')];
    return { get start() { return start(); }, get end() { return end(); }, get year() { return year(); }, get key() { return key(); } };
  });

  const targets = specs.map((s, i) => targetSql(s, i, add)).join('\nUNION ALL\n');
  const bySource = new Map<SourceName, SumMetric[]>();
  for (const m of metrics) bySource.set(m.source, [...(bySource.get(m.source) ?? []), m]);

  const sourceNames = [...bySource.keys()];
  const sourceCtes = sourceNames.map((name) => {
    const source = SOURCES[name];
    const from = source.from.replace(/\{scope:(\w+)\}/g, (_m, a: string) => `(${a}.tenant_id, ${a}.org_id) IN (SELECT tenant_id, id FROM s)`);
    const cols = bySource.get(name)!.flatMap((m) => periodParams.map((p, i) => `(${measureSql(m, inPeriod(source.time, p))})::float8 AS ${column(m.key, i)}`));
    return `src_${name} AS (
      SELECT r.tenant_id, r.org_id, ${cols.join(',\n        ')}
        FROM ${from} JOIN s ON s.tenant_id = r.tenant_id AND s.id = r.org_id
       GROUP BY r.tenant_id, r.org_id)`;
  });
  // every source's per-org sums stacked (other sources' columns NULL), then one row per org:
  // a chain of joins between the sources would leave the planner guessing (ltree selectivity)
  const allColumns = metrics.flatMap((m) => periods.map((_p, i) => ({ metric: m, name: column(m.key, i) })));
  const stacked = sourceNames.map((name) =>
    `SELECT tenant_id, org_id, ${allColumns.map((c) => (c.metric.source === name ? c.name : `NULL::float8 AS ${c.name}`)).join(', ')} FROM src_${name}`,
  );
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
    SELECT t.spec, t.tenant_id AS "tenantId", t.id, t.parent_id AS "parentId", t.path::text AS path, t.level, t.type, t.code, t.name,
           t.founded_on::text AS "foundedOn", t.dissolved_on::text AS "dissolvedOn",
           ${totals.join(',\n           ')}
      FROM t LEFT JOIN by_ancestor a ON a.ancestor = t.path
     GROUP BY t.spec, t.tenant_id, t.id, t.parent_id, t.path, t.level, t.type, t.code, t.name, t.founded_on, t.dissolved_on
     ORDER BY t.spec, t.path`;
  return { text, params };
}

/**
 * Computes the sums of every sum metric for the targets of `specs`, for each period, in one
 * statement on `manager` (the caller's transaction, so row-level security applies).
 */
export async function computeRollups(
  manager: EntityManager,
  specs: TargetSpec[],
  periods: Period[],
  metrics: readonly SumMetric[] = SUM_METRICS,
): Promise<RollupRow[]> {
  if (specs.length === 0) return [];
  const { text, params } = buildRollupSql(specs, periods, metrics);
  const rows: Record<string, unknown>[] = await manager.query(text, params);
  return rows.map((r) => ({
    spec: Number(r.spec),
    org: {
      id: r.id as string, tenantId: r.tenantId as string, parentId: r.parentId as string | null, path: r.path as string,
      level: r.level as OrgLevel, type: r.type as OrgType, code: r.code as string, name: r.name as string,
      foundedOn: r.foundedOn as string, dissolvedOn: r.dissolvedOn as string | null,
    },
    sums: periods.map((_p, i) => Object.fromEntries(metrics.map((m) => [m.key, r[`${m.key}__${i}`] as number]))),
  }));
}

/** Every figure (sums, ratios, differences) from the sums; a ratio with a zero denominator is null. */
export function figuresFromSums(sums: Record<string, number>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const m of METRICS) if (computable(m, sums)) out[m.key] = figure(m, sums);
  return out;
}

/** True when every sum the figure needs was computed (the engine computes only what was asked). */
function computable(m: Metric, sums: Record<string, number>): boolean {
  const needs = m.kind === 'sum' ? [m.key] : m.kind === 'ratio' ? [m.numerator, m.denominator] : [m.minuend, m.subtrahend];
  return needs.every((k) => k in sums);
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
