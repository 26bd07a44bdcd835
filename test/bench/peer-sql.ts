/**
 * The `peer` schema PostGraphile serves the roll-ups from in `pnpm bench:peer`: SQL functions
 * (computed columns of `org`) whose bodies are the very statements the API runs for
 * `rollup(period:)` (with `previousYear` or without) and for `childRollups(period:)`, taken from the roll-up
 * engine itself, so both sides read the same `rollup_subtree` rows with the same SQL and a
 * difference in speed is the servers', not the queries'.
 */
import { periodStatement, sumMetricsFor, type TargetSpec } from '@ggw/rollup';
import { parsePeriod } from '@ggw/domain';

/** The figures of the README query, and the ten of the side-by-side table. */
export const FIVE = ['orgCount', 'fiveGoodCount', 'fiveGoodRate', 'volunteerCount', 'coreVolunteerCount'] as const;
export const TEN = ['orgCount', 'fiveGoodCount', 'fiveGoodRate', 'volunteerCount', 'coreVolunteerCount', 'coreVolunteerShare', 'donationTotal', 'articleCount', 'pairCount', 'activityCount'] as const;
/** The ratios among them, from two sums each (as the catalogue defines them); the rest are sums. */
const RATIOS: Record<string, [string, string]> = { fiveGoodRate: ['fiveGoodCount', 'orgCount'], coreVolunteerShare: ['coreVolunteerCount', 'volunteerCount'] };

/** A sentinel the generated statement is built for, and replaced by the function's argument. */
const SAMPLE_YEAR = 2020;
const SAMPLE_ORG = '00000000-0000-4000-8000-00000000beef';

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The statement the engine runs for `spec` over a year (and the year before, with `lastYear`), with its parameters
 * replaced by SQL over the function's arguments `o` (the org) and `period` (a year): a date of the
 * sample year becomes the same day of `period`'s year (plus the offset), the sample org `o.id`.
 * The arguments are named through the function (`fn.o`): the statement has an `o` of its own.
 */
function statementFor(fn: string, spec: TargetSpec, keys: readonly string[], lastYear: boolean): string {
  const { text, params } = periodStatement([spec], parsePeriod(String(SAMPLE_YEAR)), sumMetricsFor(keys), 'aggregates', lastYear);
  const literal = (v: unknown): string => {
    if (Array.isArray(v)) return `ARRAY[${v.map(literal).join(', ')}]`;
    if (v === SAMPLE_ORG) return `(${fn}.o).id`;
    const day = /^(\d{4})-(\d\d)-(\d\d)$/.exec(String(v));
    if (!day) throw new Error(`unexpected roll-up parameter ${JSON.stringify(v)}`);
    const offset = Number(day[1]) - SAMPLE_YEAR;
    return `make_date(${fn}.period::int${offset > 0 ? ` + ${offset}` : offset < 0 ? ` - ${-offset}` : ''}, ${Number(day[2])}, ${Number(day[3])})`;
  };
  // highest first, so that $1 never eats the start of $10
  return params.map((v, i) => [i + 1, v] as const).reverse()
    .reduce((sql, [n, v]) => sql.split(`$${n}`).join(`(${literal(v)})`), text);
}

/** A figure's SQL from the statement's result row `r`, for period index `i` (0: the year, 1: the year before). */
function figureSql(key: string, i: number): string {
  const col = (k: string) => `r."${k}__${i}"`;
  const ratio = RATIOS[key];
  return ratio ? `${col(ratio[0])} / nullif(${col(ratio[1])}, 0)` : col(key);
}

/**
 * The DDL of the `peer` schema, run by the database owner. PostGraphile sees `org.children`
 * through a foreign key it needs for that (NOT VALID: an org's parent is in another tenant where
 * a county hangs under its city, so the key only names the relation; the API never reads it),
 * and `orgByCode` through a smart tag.
 */
export function peerSchemaSql(appRole: string): string {
  const columns = (keys: readonly string[]) => keys.map((k) => `${snake(k)} float8`).join(', ');
  const values = (keys: readonly string[], i: number) => keys.map((k) => figureSql(k, i)).join(', ');
  const orgSpec: TargetSpec = { kind: 'orgs', ids: [SAMPLE_ORG] };
  const childSpec: TargetSpec = { kind: 'children', parentId: SAMPLE_ORG };
  return `
    DROP SCHEMA IF EXISTS peer CASCADE;
    CREATE SCHEMA peer;
    ALTER TABLE org DROP CONSTRAINT IF EXISTS peer_org_parent;
    ALTER TABLE org ADD CONSTRAINT peer_org_parent FOREIGN KEY (tenant_id, parent_id) REFERENCES org (tenant_id, id) NOT VALID;
    COMMENT ON CONSTRAINT peer_org_parent ON org IS E'@fieldName parent\\n@foreignFieldName children\\n@isIndexed';
    -- (@isIndexed: the planner reads children by the parent_id index, which does not start with tenant_id as PostGraphile expects)
    -- org(code:) as the API has it: the code is unique through an index, which PostGraphile does not read
    COMMENT ON TABLE org IS '@unique code';

    CREATE TYPE peer.headline AS (${columns(FIVE)});
    CREATE TYPE peer.figures AS (${columns(TEN)});
    CREATE TYPE peer.rollup AS (code text, name text, ${columns(TEN)}, previous_year peer.figures);

    -- README query: the five figures (the year alone, as the API computes it when nothing reads the year before)
    CREATE FUNCTION peer.org_headline(o org, period text) RETURNS peer.headline LANGUAGE sql STABLE AS $fn$
      SELECT ROW(${values(FIVE, 0)})::peer.headline FROM (${statementFor('org_headline', orgSpec, FIVE, false)}) r
    $fn$;
    CREATE FUNCTION peer.org_rollup(o org, period text) RETURNS peer.rollup LANGUAGE sql STABLE AS $fn$
      SELECT ROW(r.code, r.name, ${values(TEN, 0)}, ROW(${values(TEN, 1)})::peer.figures)::peer.rollup FROM (${statementFor('org_rollup', orgSpec, TEN, true)}) r
    $fn$;
    CREATE FUNCTION peer.org_child_rollups(o org, period text) RETURNS SETOF peer.rollup LANGUAGE sql STABLE AS $fn$
      SELECT ROW(r.code, r.name, ${values(TEN, 0)}, ROW(${values(TEN, 1)})::peer.figures)::peer.rollup FROM (${statementFor('org_child_rollups', childSpec, TEN, true)}) r
    $fn$;
    -- the volunteers of the org's subtree, newest first (the API's order)
    CREATE FUNCTION peer.org_subtree_volunteers(o org) RETURNS SETOF volunteer LANGUAGE sql STABLE AS $fn$
      SELECT v.* FROM volunteer v JOIN org ro ON ro.tenant_id = v.tenant_id AND ro.id = v.org_id
       WHERE ro.path <@ o.path ORDER BY v.joined_on DESC, v.id DESC
    $fn$;

    GRANT USAGE ON SCHEMA peer TO ${appRole};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA peer TO ${appRole};`;
}
