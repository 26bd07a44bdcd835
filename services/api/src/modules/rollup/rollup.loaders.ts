import DataLoader from 'dataloader';
import { FigureState, Period } from '@ggw/domain';
import { periodStatement, queryPrepared, RollupReader, RollupRow, sumMetricsFor, TargetSpec } from '@ggw/rollup';
import { RequestSession } from '../../common/session';

export interface RollupRequest {
  spec: TargetSpec;
  period: Period;
  /** figure keys the query asked for (the engine computes these and what they need) */
  keys: string[];
  /** whether the answer reads the year before (its figures are computed only then) */
  lastYear: boolean;
  /** live figures (the default) or those of approved reports */
  state?: FigureState;
}

/**
 * Roll-ups of one request. Every roll-up field resolved in the same tick of execution (the
 * org's own figures, its children's table, a page of its villages, its summary…) becomes one
 * engine statement per period (and figure state), computing the union of the figures asked
 * for, and the same period a year earlier when any of them reads it.
 */
/** The key of the one spec that holds every org asked for by id. */
const ORGS = 'orgs';

export function createRollupLoader(session: RequestSession, reader: RollupReader = 'aggregates') {
  return new DataLoader<RollupRequest, RollupRow[], string>(
    async (requests) => {
      const byPeriod = new Map<string, RollupRequest[]>();
      const groupOf = (r: RollupRequest) => `${r.period.key}|${r.state ?? FigureState.LIVE}`;
      for (const r of requests) byPeriod.set(groupOf(r), [...(byPeriod.get(groupOf(r)) ?? []), r]);
      const results = new Map<RollupRequest, RollupRow[]>();
      // every period's statement is asked for at once (each still runs after the one before it):
      // asked before the transaction opens, they all travel with its BEGIN
      await Promise.all([...byPeriod.values()].map(async (group) => {
        const period = group[0].period;
        const metrics = sumMetricsFor(new Set(group.flatMap((r) => r.keys)));
        // orgs asked for one by one (each org of a list with its rollup) are one spec of all their
        // ids; the same spec asked for different figures (an org's rollup and its summary) is read once
        const byId = group.filter((r) => r.spec.kind === 'orgs');
        const ids = [...new Set(byId.flatMap((r) => (r.spec as { ids: string[] }).ids))];
        const keyOf = new Map(group.filter((r) => r.spec.kind !== 'orgs').map((r) => [r, JSON.stringify(r.spec)]));
        const specs = new Map<string, TargetSpec>([...keyOf].map(([r, key]) => [key, r.spec]));
        if (ids.length) specs.set(ORGS, { kind: 'orgs', ids });
        const reads = group[0].state === FigureState.APPROVED ? 'approved' : reader;
        const statement = periodStatement([...specs.values()], period, metrics, reads, group.some((r) => r.lastYear));
        const rows = statement.decode(await session.serially(
          (manager) => queryPrepared(manager, statement.text, statement.params, statement.name),
          { sql: statement.text, parameters: statement.params, prepared: statement.name },
        ));
        const rowsOf = new Map([...specs.keys()].map((key, i) => [key, rows.filter((row) => row.spec === i)]));
        for (const r of group) {
          if (r.spec.kind !== 'orgs') results.set(r, rowsOf.get(keyOf.get(r)!)!);
          else {
            const wanted = new Set(r.spec.ids);
            results.set(r, rowsOf.get(ORGS)!.filter((row) => wanted.has(row.org.id)));
          }
        }
      }));
      return requests.map((r) => results.get(r) ?? []);
    },
    { cacheKeyFn: (r) => JSON.stringify([r.spec, r.period.key, r.state ?? FigureState.LIVE, [...r.keys].sort(), r.lastYear]) },
  );
}
