import { EntityManager } from 'typeorm';
import { FigureState, OrgLevel, OrgRecord, Period, previousYear } from '@ggw/domain';
import { computeWithLastYear, figuresFromSums, Metric, metric, METRICS, sumMetricsFor, SUMMARY_METRICS, TargetSpec } from '@ggw/rollup';

/** The figures of the side-by-side tables (下级单位, 村社区, CSV): the annual summary's headline figures. */
export const TABLE_METRICS: readonly Metric[] = [
  'orgCount', 'fiveGoodCount', 'fiveGoodRate', 'guaranteeCoverage', 'volunteerCount', 'coreVolunteerCount', 'coreVolunteerShare',
  'activityCount', 'activitySessions', 'youthReached', 'pairCount', 'donationTotal', 'disbursementTotal', 'articleCount',
  'articleAdoptedCount', 'reportCompleteness',
].map((key) => metric(key));

/** An org with its figures for the period and the same period a year earlier. */
export interface OrgFigures {
  org: OrgRecord;
  now: Record<string, number | null>;
  before: Record<string, number | null>;
}

/**
 * What an export of one org and period is made of, read through `manager` (the worker's
 * transaction, under the rights of the user the export runs for): the org's every figure, its
 * children's and its villages' table figures, page by page so a province's 20,000 villages never
 * sit in memory at once.
 */
export class ExportSource {
  readonly previous: Period;

  /** `state`: live figures, or those of approved reports (a year-end export: what each level approved) */
  constructor(private readonly manager: EntityManager, readonly org: OrgRecord, readonly period: Period, readonly state: FigureState = FigureState.LIVE) {
    this.previous = previousYear(period);
  }

  private async read(spec: TargetSpec, metrics = TABLE_METRICS): Promise<OrgFigures[]> {
    const reader = this.state === FigureState.APPROVED ? 'approved' : 'aggregates';
    const rows = await computeWithLastYear(this.manager, [spec], this.period, sumMetricsFor(metrics.map((m) => m.key)), reader);
    return rows.map((r) => ({ org: r.org, now: figuresFromSums(r.sums[0]), before: figuresFromSums(r.sums[1]) }));
  }

  /** Every figure of the catalogue for the org itself. */
  async total(): Promise<OrgFigures> {
    const [row] = await this.read({ kind: 'orgs', ids: [this.org.id] }, METRICS);
    return row;
  }

  /** The summary paragraphs' figures, for the DOCX. */
  async summaryFigures(): Promise<OrgFigures> {
    const [row] = await this.read({ kind: 'orgs', ids: [this.org.id] }, SUMMARY_METRICS.map((k) => metric(k)));
    return row;
  }

  /** The org's direct children (townships and departments of a county), in code order. */
  children(): Promise<OrgFigures[]> {
    return this.read({ kind: 'children', parentId: this.org.id });
  }

  /** How many orgs `descendants(level)` will yield (for progress). */
  async count(level: OrgLevel | null): Promise<number> {
    const [{ n }] = await this.manager.query(
      `SELECT count(*)::int AS n FROM org WHERE path <@ $1::ltree AND id <> $2 AND ($3::text IS NULL OR level = $3)`,
      [this.org.path, this.org.id, level],
    );
    return n;
  }

  /** Every org below (or every one of a level), in tree order, `pageSize` at a time. */
  async *descendants(level: OrgLevel | null, pageSize: number): AsyncGenerator<OrgFigures[]> {
    let afterPath: string | null = null;
    for (;;) {
      const page = await this.read({ kind: 'descendants', rootId: this.org.id, level, limit: pageSize, afterPath });
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
      afterPath = page[page.length - 1].org.path;
    }
  }

  /** Names of the orgs above villages in the subtree (a village row names its township). */
  async namesAboveVillages(): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = await this.manager.query(
      `SELECT id, name FROM org WHERE path <@ $1::ltree AND level <> 'VILLAGE'`, [this.org.path]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
