import { Metric } from './metrics';

/**
 * The change of a figure from the same period a year earlier: a rate's in percentage points
 * (0.807 vs 0.727 → +8.0), anything else in its own unit (2503 vs 2368 → +135). Null when
 * either side is missing.
 */
export function changeOf(m: Metric, current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return m.unit === '比率' ? (current - previous) * 100 : current - previous;
}

/** The unit a change is expressed in. */
export function changeUnit(m: Metric): string {
  return m.unit === '比率' ? '百分点' : m.unit;
}
