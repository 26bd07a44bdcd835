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
  /** SQL yielding r.tenant_id, r.org_id and the columns below; `{scope}` is replaced by a filter on r's org. */
  from: string;
  time: TimeRule;
}

export const SOURCES = {
  org: {
    from: `(SELECT tenant_id, id AS org_id, type, founded_on, dissolved_on FROM org) r`,
    time: { kind: 'stock', from: 'founded_on', to: 'dissolved_on' },
  },
  orgFounded: {
    from: `(SELECT tenant_id, id AS org_id, type, founded_on FROM org) r`,
    time: { kind: 'flow', on: 'founded_on' },
  },
  /** One row per org and year: met every criterion of its tenant's set (五好 or 六好), and the year before. */
  assessmentYear: {
    from: `(SELECT y.*, coalesce(lag(y.five_good) OVER w AND lag(y.year) OVER w = y.year - 1, false) AS five_good_last_year
              FROM (SELECT a.tenant_id, a.org_id, a.year,
                           bool_and(a.met) AND count(*) = (SELECT count(*) FROM assessment_criterion c WHERE c.tenant_id = a.tenant_id) AS five_good
                      FROM assessment a WHERE {scope:a} GROUP BY a.tenant_id, a.org_id, a.year) y
            WINDOW w AS (PARTITION BY y.tenant_id, y.org_id ORDER BY y.year)) r`,
    time: { kind: 'annual', year: 'year' },
  },
  guarantee: {
    from: `guarantee r`,
    time: { kind: 'annual', year: 'year' },
  },
  volunteer: {
    from: `volunteer r`,
    time: { kind: 'stock', from: 'joined_on', to: 'left_on' },
  },
  pair: {
    from: `(SELECT p.tenant_id, p.org_id, p.started_on, p.ended_on, b.category
              FROM assistance_pair p JOIN beneficiary b ON b.tenant_id = p.tenant_id AND b.id = p.beneficiary_id
             WHERE {scope:p}) r`,
    time: { kind: 'span', from: 'started_on', to: 'ended_on' },
  },
  activity: {
    from: `activity r`,
    time: { kind: 'flow', on: 'held_on' },
  },
  donation: {
    from: `donation r`,
    time: { kind: 'flow', on: 'received_on' },
  },
  disbursement: {
    from: `disbursement r`,
    time: { kind: 'flow', on: 'paid_on' },
  },
  article: {
    from: `article r`,
    time: { kind: 'flow', on: 'submitted_on' },
  },
  report: {
    from: `report r`,
    time: { kind: 'periodKey', column: 'period' },
  },
} satisfies Record<string, Source>;

export type SourceName = keyof typeof SOURCES;
