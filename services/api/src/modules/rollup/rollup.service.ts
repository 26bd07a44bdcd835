import { FieldNode, getNamedType, GraphQLResolveInfo, isObjectType } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { FigureState, NotFoundError, OrgLevel, OrgType, parsePeriod, Period } from '@ggw/domain';
import { changeOf, changeUnit, computableMetrics, figureRecord, figuresFromSums, metric, METRICS, RollupRow, SUMMARY_METRICS, TargetSpec } from '@ggw/rollup';
import { ServiceContext } from '../../context';
import { OrgRecord } from '../org/org.record';
import { fieldsWrittenIn, figuresAsked } from '../../common/selection';
import { pageSize } from '../../common/pagination';

/** What a Rollup object resolves to. */
export interface RollupView {
  /** the org and the period: what a client caches a roll-up under */
  id: string;
  org: OrgRecord;
  period: string;
  previousYear: RollupView | null;
  change: Record<string, number | null> | null;
  /** The figures asked for (all the catalogue's, in its order, when `keys` is null), with labels and changes. */
  figures(keys: string[] | null): ReturnType<typeof figureList>;
  [metricKey: string]: unknown;
}

function figureList(now: Record<string, number | null>, before: Record<string, number | null> | null, keys: string[] | null) {
  const metrics = keys ? [...new Set(keys)].map((k) => metric(k, 'keys')) : METRICS;
  return metrics.filter((m) => m.key in now).map((m) => ({
    key: m.key, label: m.label, unit: m.unit, definition: m.definition,
    value: now[m.key], previousValue: before?.[m.key] ?? null,
    change: before ? changeOf(m, now[m.key], before[m.key] ?? null) : null,
    changeUnit: changeUnit(m),
  }));
}

/**
 * Turns an engine row (sums of the period, and of a year earlier when the query reads them) into
 * the GraphQL view; APPROVED figures are cached apart from live ones.
 */
export function toView(row: RollupRow, period: Period, state: FigureState = FigureState.LIVE): RollupView {
  const suffix = state === FigureState.LIVE ? '' : `@${state}`;
  // both are fresh dictionaries (figureRecord): the view's fields are added to them in place
  // (figureList reads only metric keys, which none of those fields is)
  const now = figuresFromSums(row.sums[0]);
  const before = row.sums.length > 1 ? figuresFromSums(row.sums[1]) : null;
  let change: Record<string, number | null> | null = null;
  let previousYear: RollupView | null = null;
  if (before) {
    change = figureRecord<number | null>();
    for (const m of computableMetrics(row.sums[0])) change[m.key] = changeOf(m, now[m.key], before[m.key] ?? null);
    const previousKey = `${period.year - 1}${period.key.slice(4)}`;
    previousYear = Object.assign(before, {
      id: `${row.org.id}@${previousKey}${suffix}`, org: row.org, period: previousKey, previousYear: null, change: null,
      figures: (keys: string[] | null) => figureList(before, null, keys),
    }) as unknown as RollupView;
  }
  return Object.assign(now, {
    id: `${row.org.id}@${period.key}${suffix}`, org: row.org, period: period.key, previousYear, change,
    figures: (keys: string[] | null) => figureList(now, before, keys),
  }) as unknown as RollupView;
}

/** What a roll-up field asks for: its figure keys, and whether it reads the year before (`figuresAsked`). */
export type FiguresAsked = ReturnType<typeof figuresAsked>;

/** What `summary` asks for: its figures and their change from the year before. */
export const SUMMARY_ASKED: FiguresAsked = { keys: SUMMARY_METRICS, lastYear: true };

/**
 * Loads roll-ups through the request's loader. Their orgs carry the names of the period, so they
 * are not given to the org loader: a later look-up of the same org (a village's parent) is of
 * today's org, with today's name.
 */
export async function loadRollups(ctx: ServiceContext, spec: TargetSpec, period: Period, asked: FiguresAsked, state: FigureState = FigureState.LIVE): Promise<RollupView[]> {
  const rows = await ctx.loaders.rollups.load({ spec, period, ...asked, state });
  return rows.map((r) => toView(r, period, state));
}

/** What a table of children asks for: its figures, and the one it is sorted by. */
export function tableAsked(info: GraphQLResolveInfo, sortBy: string | null | undefined): FiguresAsked {
  const asked = figuresAsked(info);
  if (sortBy) asked.keys.push(metric(sortBy, 'sortBy').key);
  return asked;
}

/** A page of descendants' roll-ups without its cursor: the orgs asked for, and one more (is there a next page?). */
export function descendantsPage(args: { level?: OrgLevel | null; type?: OrgType | null; first?: number | null }) {
  return { level: args.level, type: args.type, limit: pageSize(args.first) + 1 };
}

/** The org's fields whose roll-ups are asked for with the org (see `rollupsAskedWith`). */
const AHEAD = new Set(['rollup', 'childRollups', 'summary', 'descendantRollups']);

/**
 * One roll-up read ahead: the rows, the spec its field will ask with once the org is known, and
 * whether the rows are that field's (checked by themselves, or by another read of the same field).
 */
interface ReadAhead {
  rows: Promise<RollupRow[] | null>;
  keyFor(org: OrgRecord): TargetSpec;
  fits(rows: RollupRow[], org: OrgRecord): boolean;
  needs?: ReadAhead;
}

/**
 * The roll-ups an `org(code:)` query asks of the org it looks up (its `rollup`, `childRollups`,
 * `summary` and the first page of `descendantRollups`, written directly in the org's selection),
 * asked for together with the org: they travel in the same message as the look-up (by the org's
 * code, as its id is not known yet), under the same row-level security. Once the org is known,
 * `answer` gives each to the loader under the key the field will ask with, so that field costs
 * no statement: the README query, a township table and a page of villages are one round trip.
 * What cannot be worked out here (a bad period, figure or page size, a cursor, a fragment) is
 * simply not asked ahead: the field then asks for itself, and reports its own errors.
 */
export function rollupsAskedWith(ctx: ServiceContext, info: GraphQLResolveInfo, code: string): { answer(org: OrgRecord): Promise<void> } {
  const orgType = getNamedType(info.returnType);
  if (!isObjectType(orgType)) return { answer: async () => undefined };
  const fields = orgType.getFields();
  // the nodes of each of those fields in the answer (the same name or alias twice is one field, merged)
  const byResponseKey = new Map<string, FieldNode[]>();
  for (const s of fieldsWrittenIn(info.fieldNodes).filter((f) => AHEAD.has(f.name.value))) {
    const key = s.alias?.value ?? s.name.value;
    byResponseKey.set(key, [...(byResponseKey.get(key) ?? []), s]);
  }
  const isTheOrg = (rows: RollupRow[], org: OrgRecord) => rows.length === 1 && rows[0].org.id === org.id;
  const asked = [...byResponseKey.values()].flatMap((nodes) => {
    try {
      const name = nodes[0].name.value;
      const args = getArgumentValues(fields[name], nodes[0], info.variableValues);
      const period = periodArg(args.period as string);
      const state = (args.state as FigureState | undefined) ?? FigureState.LIVE;
      const fieldInfo = { ...info, fieldNodes: nodes };
      const asked = name === 'summary' ? SUMMARY_ASKED : name === 'childRollups' ? tableAsked(fieldInfo, args.sortBy as string | null) : figuresAsked(fieldInfo);
      // a failure is the field's own to report, when it asks again
      const load = (spec: TargetSpec) => ctx.loaders.rollups.load({ spec, period, ...asked, state }).catch(() => null);
      const own = (): ReadAhead => ({ rows: load({ kind: 'code', code }), keyFor: (org) => ({ kind: 'orgs', ids: [org.id] }), fits: isTheOrg });
      let reads: ReadAhead[];
      if (name === 'descendantRollups') {
        // the first page only (a cursor is the field's own to check), as its resolver asks for it
        if (args.after !== null && args.after !== undefined) return [];
        const page = descendantsPage(args);
        reads = [{
          rows: load({ kind: 'descendantsOfCode', rootCode: code, ...page }),
          keyFor: (org) => ({ kind: 'descendants', rootId: org.id, ...page, afterPath: null }),
          fits: (rows, org) => rows.every((r) => r.org.path.startsWith(`${org.path}.`)),
        }];
      } else if (name === 'childRollups') {
        // the children as they were in the period (some may be elsewhere today): theirs when the code found this org
        const total = own();
        reads = [total, { rows: load({ kind: 'childrenOfCode', parentCode: code }), keyFor: (org) => ({ kind: 'children', parentId: org.id }), fits: () => true, needs: total }];
      } else reads = [own()];
      return [{ period, state, asked, reads }];
    } catch {
      return [];
    }
  });
  return {
    async answer(org) {
      for (const a of asked) {
        const fitted = new Set<ReadAhead>();
        for (const read of a.reads) {
          const rows = await read.rows;
          if (!rows || (read.needs && !fitted.has(read.needs)) || !read.fits(rows, org)) continue;
          fitted.add(read);
          ctx.loaders.rollups.prime({ spec: read.keyFor(org), period: a.period, ...a.asked, state: a.state }, rows);
        }
      }
    },
  };
}

export function periodArg(text: string): Period {
  return parsePeriod(text, 'period');
}

/** Sorts rows by a figure (nulls last), or keeps path order. */
export function sortRows(rows: RollupView[], sortBy: string | null | undefined, descending: boolean): RollupView[] {
  if (!sortBy) return rows;
  metric(sortBy, 'sortBy');
  const value = (r: RollupView) => r[sortBy] as number | null | undefined;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || va === undefined) return vb === null || vb === undefined ? 0 : 1;
    if (vb === null || vb === undefined) return -1;
    return descending ? vb - va : va - vb;
  });
}

/** The one roll-up of an org; none means the org is not there (for this viewer). */
export function requireOne<T>(rows: T[], org: OrgRecord): T {
  if (rows.length !== 1) throw new NotFoundError(`没有代码为 ${org.code} 的组织`, { code: org.code });
  return rows[0];
}

/** The figures an org published by hand for a period (what `discrepancies` compares). */
export function reportedFigures(ctx: ServiceContext, org: OrgRecord, period: Period): Promise<Array<{ metricKey: string; reportedValue: string; source: string }>> {
  return ctx.session.query(
    `SELECT metric_key AS "metricKey", reported_value::text AS "reportedValue", source
       FROM reported_figure WHERE tenant_id = $1 AND org_id = $2 AND period = $3 ORDER BY metric_key`,
    [org.tenantId, org.id, period.key],
  );
}

/** An org's work-plan targets for a year. */
export function planTargets(ctx: ServiceContext, org: OrgRecord, year: number): Promise<Array<{ metricKey: string; target: number; description: string }>> {
  return ctx.session.query(
    `SELECT metric_key AS "metricKey", target_value::float8 AS target, description
       FROM plan_target WHERE tenant_id = $1 AND org_id = $2 AND year = $3 ORDER BY metric_key`,
    [org.tenantId, org.id, year],
  );
}
