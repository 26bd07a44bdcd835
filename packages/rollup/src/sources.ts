/**
 * Where the figures come from: one entry per kind of record, saying how to read it (a FROM
 * clause yielding `tenant_id`, `org_id` and the columns metrics filter on) and what "in the
 * period" means for it. The engine turns a metric's source + time rule into SQL; nothing else
 * in the engine knows a table name.
 */
export type TimeRule =
  /** headcount at the end of the period: started before the end and not ended by then */
  | { kind: 'stock'; from: string; to: string }
  /** anything that was active at some time inside the period */
  | { kind: 'span'; from: string; to: string }
  /** dated events: the date falls inside the period */
  | { kind: 'flow'; on: string }
  /** yearly facts (assessments, guarantees): the period's calendar year */
  | { kind: 'annual'; year: string }
  /** per-period documents (reports): the period's own key, e.g. `2020` or `2020Q3` */
  | { kind: 'periodKey'; column: string };

export interface Source {
  /** SQL yielding r.tenant_id, r.org_id and the columns below; `{scope:a}` is replaced by a filter on a's org. */
  from: string;
  time: TimeRule;
  /**
   * The tables whose writes change this source's figures, each with the SQL that names the
   * orgs concerned (`tenant_id`, `org_id`, and `path` where the changed row is itself an org)
   * from the changed rows `{changed}`. The roll-up aggregates are refreshed for those orgs in
   * the writing transaction (aggregate-ddl.ts).
   */
  dependsOn: Record<string, string>;
}

/** A record table whose rows belong to the org in their `org_id`. */
const ownRows = (table: string) => ({ [table]: `SELECT c.tenant_id, c.org_id, NULL::text AS path FROM {changed} c` });
const orgRows = { org: `SELECT c.tenant_id, c.id AS org_id, c.path::text AS path FROM {changed} c` };

export const SOURCES = {
  org: {
    from: `(SELECT tenant_id, id AS org_id, type, founded_on, dissolved_on FROM org) r`,
    time: { kind: 'stock', from: 'founded_on', to: 'dissolved_on' },
    dependsOn: orgRows,
  },
  orgFounded: {
    from: `(SELECT tenant_id, id AS org_id, type, founded_on FROM org) r`,
    time: { kind: 'flow', on: 'founded_on' },
    dependsOn: orgRows,
  },
  /** One row per org and year: met every criterion of its tenant's set (五好 or 六好), and the year before. */
  assessmentYear: {
    from: `(SELECT y.*, coalesce(lag(y.five_good) OVER w AND lag(y.year) OVER w = y.year - 1, false) AS five_good_last_year
              FROM (SELECT a.tenant_id, a.org_id, a.year,
                           bool_and(a.met) AND count(*) = (SELECT count(*) FROM assessment_criterion c WHERE c.tenant_id = a.tenant_id) AS five_good
                      FROM assessment a WHERE {scope:a} GROUP BY a.tenant_id, a.org_id, a.year) y
            WINDOW w AS (PARTITION BY y.tenant_id, y.org_id ORDER BY y.year)) r`,
    time: { kind: 'annual', year: 'year' },
    dependsOn: {
      ...ownRows('assessment'),
      // a tenant's criteria set decides who is 五好 in every org of the tenant
      assessment_criterion: `SELECT DISTINCT a.tenant_id, a.org_id, NULL::text AS path FROM assessment a WHERE a.tenant_id IN (SELECT c.tenant_id FROM {changed} c)`,
    },
  },
  guarantee: {
    from: `guarantee r`,
    time: { kind: 'annual', year: 'year' },
    dependsOn: ownRows('guarantee'),
  },
  volunteer: {
    from: `volunteer r`,
    time: { kind: 'stock', from: 'joined_on', to: 'left_on' },
    dependsOn: ownRows('volunteer'),
  },
  pair: {
    // the beneficiary is looked up per pair: a join would let a planner without statistics
    // (a fresh database's first load) scan beneficiaries by tenant for every pair
    from: `(SELECT p.tenant_id, p.org_id, p.started_on, p.ended_on,
                   (SELECT b.category FROM beneficiary b WHERE b.tenant_id = p.tenant_id AND b.id = p.beneficiary_id) AS category
              FROM assistance_pair p WHERE {scope:p}) r`,
    time: { kind: 'span', from: 'started_on', to: 'ended_on' },
    dependsOn: {
      ...ownRows('assistance_pair'),
      // a pair is counted under its beneficiary's category
      beneficiary: `SELECT p.tenant_id, p.org_id, NULL::text AS path FROM assistance_pair p JOIN {changed} c ON c.tenant_id = p.tenant_id AND c.id = p.beneficiary_id`,
    },
  },
  activity: {
    from: `activity r`,
    time: { kind: 'flow', on: 'held_on' },
    dependsOn: ownRows('activity'),
  },
  donation: {
    from: `donation r`,
    time: { kind: 'flow', on: 'received_on' },
    dependsOn: ownRows('donation'),
  },
  disbursement: {
    from: `disbursement r`,
    time: { kind: 'flow', on: 'paid_on' },
    dependsOn: ownRows('disbursement'),
  },
  article: {
    from: `article r`,
    time: { kind: 'flow', on: 'submitted_on' },
    dependsOn: ownRows('article'),
  },
  /** One row per report, on time when first submitted by its deadline (or when its tenant has none for its level). */
  report: {
    from: `(SELECT r.tenant_id, r.org_id, r.period, r.status, r.frozen,
                   r.first_submitted_at IS NOT NULL
                     AND coalesce(r.first_submitted_at <= ggw_report_due_at(r.tenant_id, o.level, r.period), true) AS on_time
              FROM report r JOIN org o ON o.tenant_id = r.tenant_id AND o.id = r.org_id WHERE {scope:r}) r`,
    time: { kind: 'periodKey', column: 'period' },
    dependsOn: {
      ...ownRows('report'),
      // a tenant's calendar decides which of its reports were on time
      report_deadline: `SELECT DISTINCT r.tenant_id, r.org_id, NULL::text AS path FROM report r WHERE r.tenant_id IN (SELECT c.tenant_id FROM {changed} c)`,
    },
  },
} satisfies Record<string, Source>;

export type SourceName = keyof typeof SOURCES;
