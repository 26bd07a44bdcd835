import DataLoader from 'dataloader';
import { FigureState, Period } from '@ggw/domain';
import { computeWithLastYear, RollupReader, RollupRow, sumMetricsFor, TargetSpec } from '@ggw/rollup';
import { RequestSession } from '../../common/session';

export interface RollupRequest {
  spec: TargetSpec;
  period: Period;
  /** figure keys the query asked for (the engine computes these and what they need) */
  keys: string[];
  /** live figures (the default) or those of approved reports */
  state?: FigureState;
}

/**
 * Roll-ups of one request. Every roll-up field resolved in the same tick of execution (the
 * org's own figures, its children's table, a page of its villages, its summary…) becomes one
 * engine statement per period (and figure state), computing the union of the figures asked
 * for; each period comes with the same period a year earlier.
 */
export function createRollupLoader(session: RequestSession, reader: RollupReader = 'aggregates') {
  return new DataLoader<RollupRequest, RollupRow[], string>(
    async (requests) => {
      const byPeriod = new Map<string, RollupRequest[]>();
      const groupOf = (r: RollupRequest) => `${r.period.key}|${r.state ?? FigureState.LIVE}`;
      for (const r of requests) byPeriod.set(groupOf(r), [...(byPeriod.get(groupOf(r)) ?? []), r]);
      const results = new Map<RollupRequest, RollupRow[]>();
      for (const group of byPeriod.values()) {
        const period = group[0].period;
        const metrics = sumMetricsFor(new Set(group.flatMap((r) => r.keys)));
        // the same orgs asked for different figures (an org's rollup and its summary) are read once
        const keyOf = new Map(group.map((r) => [r, JSON.stringify(r.spec)]));
        const specs = new Map([...keyOf].map(([r, key]) => [key, r.spec]));
        const rows = await session.serially((manager) =>
          computeWithLastYear(manager, [...specs.values()], period, metrics, group[0].state === FigureState.APPROVED ? 'approved' : reader),
        );
        const rowsOf = new Map([...specs.keys()].map((key, i) => [key, rows.filter((row) => row.spec === i)]));
        for (const r of group) results.set(r, rowsOf.get(keyOf.get(r)!)!);
      }
      return requests.map((r) => results.get(r) ?? []);
    },
    { cacheKeyFn: (r) => JSON.stringify([r.spec, r.period.key, r.state ?? FigureState.LIVE, [...r.keys].sort()]) },
  );
}
