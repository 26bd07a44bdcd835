import { SOURCE_LAYOUT, eventsSql } from './aggregate-layout';
import { SumMetric } from './metrics';
import { SourceName, SOURCES } from './sources';

/**
 * Generates, from the metric catalogue, the database functions and triggers that keep the
 * roll-up aggregates (`rollup_own`, `rollup_subtree`) equal to the records in the same
 * transaction as every write:
 *
 * - `ggw_rollup_refresh_<source>(tenants, orgs, paths)` recomputes the own sums of the given
 *   orgs for one source, replaces their `rollup_own` rows, and adds the difference to the
 *   `rollup_subtree` rows of each org and all its ancestors. Recomputing (instead of adding
 *   each changed row) keeps derived sources right (五好 depends on all of an org's assessment
 *   rows and on its tenant's criteria), and any drift heals at the next write.
 * - `ggw_rollup_on_<table>()`, statement-level AFTER triggers with transition tables on every
 *   table a source depends on. For a source whose rows are one table's records (volunteers,
 *   activities, donations…: `isIncremental`) they add the changed rows' events to the own and
 *   subtree rows directly, a cost of the rows changed; for derived sources they name the orgs
 *   concerned and call the refreshes. They run as the
 *   owner (SECURITY DEFINER): a village editor's write must update its county's totals, which
 *   the editor may not write. Trigger functions cannot be called directly, the refresh and
 *   rebuild functions are not executable by the application role, and none takes SQL or
 *   anything but org ids, so no caller can make them write anything but the true sums.
 * - `ggw_rollup_rebuild()` recomputes everything from the records (on a catalogue change, a
 *   TRUNCATE, or a statement that moves several subtrees at once).
 *
 * Nothing here is hand-maintained: `syncRollupAggregates` installs this DDL whenever its
 * fingerprint differs from the installed one, so adding a metric to the catalogue is still one
 * declaration plus its test.
 */

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const refreshFunction = (source: SourceName) => `ggw_rollup_refresh_${snake(source)}`;
const shiftFunction = (source: SourceName) => `ggw_rollup_shift_${snake(source)}`;
const triggerFunction = (table: string) => `ggw_rollup_on_${table}`;

const range = (w: number) => Array.from({ length: w }, (_x, i) => i + 1);
const vec = (w: number, item: (i: number) => string) => `ARRAY[${range(w).map(item).join(', ')}]::numeric[]`;
const zero = (w: number) => `array_fill(0::numeric, ARRAY[${w}])`;
const widthOf = (source: SourceName) => SOURCE_LAYOUT.get(source)!.length;
const KEY = 'tenant_id, org_id, source, channel, bucket';

function measureSql(m: SumMetric): string {
  const value = m.measure === 'count' ? '1' : `r.${m.measure.sum}`;
  return m.where ? `CASE WHEN (${m.where}) THEN ${value} ELSE 0 END` : value;
}

/**
 * The own sums of one source, per org, channel and bucket, as non-zero vectors. `touched`
 * names a relation (tenant_id, org_id) to restrict to; without it, every org.
 */
export function ownSql(source: SourceName, touched?: string): string {
  const s = SOURCES[source];
  const metrics = SOURCE_LAYOUT.get(source)!;
  const scope = (alias: string) => (touched ? `(${alias}.tenant_id, ${alias}.org_id) IN (SELECT tenant_id, org_id FROM ${touched})` : 'true');
  const from = s.from.replace(/\{scope:(\w+)\}/g, (_m, a: string) => scope(a));
  const join = touched ? `JOIN ${touched} t ON t.tenant_id = r.tenant_id AND t.org_id = r.org_id` : '';
  const sums = vec(metrics.length, (i) => `sum(e.sign * ${measureSql(metrics[i - 1])})`);
  return `SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ${sums} AS v
      FROM ${from} ${join}
      CROSS JOIN LATERAL (VALUES ${eventsSql(s.time)}) AS e(channel, bucket, sign)
     WHERE e.bucket IS NOT NULL
     GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
    HAVING ${sums} <> ${zero(metrics.length)}`;
}

/** Subtree sums from own sums (`own`: tenant_id, org_id, channel, bucket, v), each org's under itself and every ancestor. */
function spreadSql(source: SourceName, own: string, pathOf: string): string {
  const w = widthOf(source);
  return `SELECT a.tenant_id, a.id AS org_id, d.channel, d.bucket, ${vec(w, (i) => `sum(d.v[${i}])`)} AS v
      FROM ${own} d ${pathOf}
      CROSS JOIN LATERAL generate_series(1, nlevel(p.path)) AS i
      JOIN org a ON a.path = subpath(p.path, 0, i)
     GROUP BY a.tenant_id, a.id, d.channel, d.bucket
    HAVING ${vec(w, (i) => `sum(d.v[${i}])`)} <> ${zero(w)}`;
}

/** Adds `rows` (tenant_id, org_id, channel, bucket, v) to rollup_subtree, in key order (writers lock rows in one order), returning the new vectors. */
function addToSubtreeSql(source: SourceName, rows: string): string {
  const w = widthOf(source);
  return `INSERT INTO rollup_subtree (${KEY}, v)
    SELECT tenant_id, org_id, '${source}', channel, bucket, v FROM ${rows} ORDER BY tenant_id, org_id, channel, bucket
    ON CONFLICT (${KEY}) DO UPDATE SET v = ${vec(w, (i) => `rollup_subtree.v[${i}] + excluded.v[${i}]`)}
    RETURNING tenant_id, org_id, channel, bucket, v`;
}

/**
 * The tail of a statement ending in an `added` CTE (addToSubtreeSql): collects the rows left at
 * zero, then deletes them (rows that net to nothing are not kept).
 */
function dropZerosSql(source: SourceName): string {
  const w = widthOf(source);
  return `SELECT array_agg(tenant_id), array_agg(org_id), array_agg(channel), array_agg(bucket) INTO zt, zo, zc, zb
    FROM added WHERE v = ${zero(w)};
  IF zt IS NOT NULL THEN
    DELETE FROM rollup_subtree s USING unnest(zt, zo, zc, zb) AS z(tenant_id, org_id, channel, bucket)
     WHERE s.tenant_id = z.tenant_id AND s.org_id = z.org_id AND s.source = '${source}' AND s.channel = z.channel
       AND s.bucket = z.bucket AND s.v = ${zero(w)};
  END IF;`;
}

const ZERO_VARIABLES = `DECLARE
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];`;

function refreshFunctionSql(source: SourceName): string {
  const w = widthOf(source);
  return `CREATE FUNCTION ${refreshFunction(source)}(tenants uuid[], orgs uuid[], paths text[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
${ZERO_VARIABLES}
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  -- one refresh per org at a time: a second writer waits here, then (a new statement, a new
  -- snapshot) sees the first one's committed records and rows
  PERFORM 1 FROM org o WHERE (o.tenant_id, o.id) IN (SELECT * FROM unnest(tenants, orgs))
    ORDER BY o.tenant_id, o.id FOR NO KEY UPDATE;
  WITH touched AS (
    -- an org that was just deleted is found by the path its old row had
    SELECT DISTINCT ON (x.tenant_id, x.org_id) x.tenant_id, x.org_id, coalesce(o.path, x.path::ltree) AS path
      FROM unnest(tenants, orgs, paths) AS x(tenant_id, org_id, path)
      LEFT JOIN org o ON o.tenant_id = x.tenant_id AND o.id = x.org_id
     ORDER BY x.tenant_id, x.org_id, o.path IS NULL),
  fresh AS (${ownSql(source, 'touched')}),
  stale AS (
    SELECT w.tenant_id, w.org_id, w.channel, w.bucket, w.v
      FROM rollup_own w JOIN touched t ON t.tenant_id = w.tenant_id AND t.org_id = w.org_id
     WHERE w.source = '${source}'),
  put AS (
    INSERT INTO rollup_own (${KEY}, v) SELECT tenant_id, org_id, '${source}', channel, bucket, v FROM fresh
    ON CONFLICT (${KEY}) DO UPDATE SET v = excluded.v),
  gone AS (
    DELETE FROM rollup_own w USING stale s
     WHERE w.tenant_id = s.tenant_id AND w.org_id = s.org_id AND w.source = '${source}' AND w.channel = s.channel AND w.bucket = s.bucket
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = s.tenant_id AND f.org_id = s.org_id AND f.channel = s.channel AND f.bucket = s.bucket)),
  delta AS (
    SELECT u.tenant_id, u.org_id, u.channel, u.bucket, ${vec(w, (i) => `sum(u.v[${i}])`)} AS v
      FROM (SELECT tenant_id, org_id, channel, bucket, v FROM fresh
            UNION ALL
            SELECT tenant_id, org_id, channel, bucket, ${vec(w, (i) => `-v[${i}]`)} FROM stale) u
     GROUP BY u.tenant_id, u.org_id, u.channel, u.bucket),
  spread AS (${spreadSql(source, 'delta', 'JOIN touched p ON p.tenant_id = d.tenant_id AND p.org_id = d.org_id')}),
  added AS (${addToSubtreeSql(source, 'spread')})
  ${dropZerosSql(source)}
END $fn$`;
}

/** Moves an org's subtree sums from its old ancestors to its new ones (the org and its descendants keep theirs). */
function shiftFunctionSql(source: SourceName): string {
  const w = widthOf(source);
  return `CREATE FUNCTION ${shiftFunction(source)}(root_tenant uuid, root_id uuid, old_path ltree, new_path ltree) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
${ZERO_VARIABLES}
BEGIN
  WITH ancestors AS (
    SELECT a.tenant_id, a.id AS org_id, sum(x.sign) AS sign
      FROM (SELECT subpath(old_path, 0, i) AS path, -1 AS sign FROM generate_series(1, nlevel(old_path) - 1) i
            UNION ALL
            SELECT subpath(new_path, 0, i), 1 FROM generate_series(1, nlevel(new_path) - 1) i) x
      JOIN org a ON a.path = x.path
     GROUP BY a.tenant_id, a.id HAVING sum(x.sign) <> 0),
  moved AS (
    SELECT a.tenant_id, a.org_id, r.channel, r.bucket, ${vec(w, (i) => `a.sign * r.v[${i}]`)} AS v
      FROM rollup_subtree r CROSS JOIN ancestors a
     WHERE r.tenant_id = root_tenant AND r.org_id = root_id AND r.source = '${source}'),
  added AS (${addToSubtreeSql(source, 'moved')})
  ${dropZerosSql(source)}
END $fn$`;
}

const SOURCE_NAMES = [...SOURCE_LAYOUT.keys()];

function rebuildSubtreesSql(): string {
  const inserts = SOURCE_NAMES.map((source) => `
  INSERT INTO rollup_subtree (${KEY}, v)
  SELECT tenant_id, org_id, '${source}', channel, bucket, v FROM (${spreadSql(source, `(SELECT * FROM rollup_own WHERE source = '${source}')`, 'JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id')}) x;`);
  return `CREATE FUNCTION ggw_rollup_rebuild_subtrees() RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
BEGIN
  DELETE FROM rollup_subtree;${inserts.join('')}
END $fn$`;
}

function rebuildSql(): string {
  const inserts = SOURCE_NAMES.map((source) => `
  INSERT INTO rollup_own (${KEY}, v) SELECT tenant_id, org_id, '${source}', channel, bucket, v FROM (${ownSql(source)}) x;`);
  return `CREATE FUNCTION ggw_rollup_rebuild() RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
BEGIN
  DELETE FROM rollup_own;${inserts.join('')}
  PERFORM ggw_rollup_rebuild_subtrees();
END $fn$`;
}

/** The tables sources depend on, with the sources each one feeds. */
function dependencies(): Map<string, SourceName[]> {
  const tables = new Map<string, SourceName[]>();
  for (const source of SOURCE_NAMES) {
    for (const table of Object.keys(SOURCES[source].dependsOn)) tables.set(table, [...(tables.get(table) ?? []), source]);
  }
  return tables;
}

/**
 * A source whose rows are exactly the records of one table (`<table> r`, and no other table
 * changes its figures) is kept by adding what a statement changed: each changed row's events,
 * +1 for new rows and -1 for old ones. That costs the changed rows, where recomputing an org
 * costs every record it has, and a village's volunteers and activities only grow. Derived
 * sources (五好 from all of an org's assessments and its tenant's criteria, pairs by their
 * beneficiary's category, orgs) are recomputed.
 */
export function isIncremental(source: SourceName, table: string): boolean {
  const s = SOURCES[source];
  return s.from === `${table} r` && Object.keys(s.dependsOn).length === 1;
}

/** The statements of a trigger function adding the changes of `rows` (a relation with the table's columns and `ggw_sign`) to one source. */
function addChangesSql(source: SourceName, rows: string): string {
  const s = SOURCES[source];
  const metrics = SOURCE_LAYOUT.get(source)!;
  const w = metrics.length;
  const sums = vec(w, (i) => `sum(r.ggw_sign * e.sign * ${measureSql(metrics[i - 1])})`);
  return `
    WITH d AS (
      SELECT r.tenant_id, r.org_id, e.channel, e.bucket, ${sums} AS v
        FROM ${rows} r CROSS JOIN LATERAL (VALUES ${eventsSql(s.time)}) AS e(channel, bucket, sign)
       WHERE e.bucket IS NOT NULL
       GROUP BY r.tenant_id, r.org_id, e.channel, e.bucket
      HAVING ${sums} <> ${zero(w)}),
    own AS (
      INSERT INTO rollup_own (${KEY}, v)
      SELECT tenant_id, org_id, '${source}', channel, bucket, v FROM d ORDER BY tenant_id, org_id, channel, bucket
      ON CONFLICT (${KEY}) DO UPDATE SET v = ${vec(w, (i) => `rollup_own.v[${i}] + excluded.v[${i}]`)}),
    spread AS (${spreadSql(source, 'd', 'JOIN org p ON p.tenant_id = d.tenant_id AND p.id = d.org_id')}),
    added AS (${addToSubtreeSql(source, 'spread')})
    ${dropZerosSql(source)}
    DELETE FROM rollup_own w USING (SELECT DISTINCT tenant_id, org_id FROM ${rows} x) c
     WHERE w.tenant_id = c.tenant_id AND w.org_id = c.org_id AND w.source = '${source}' AND w.v = ${zero(w)};`;
}

function triggerFunctionSql(table: string, sources: SourceName[]): string {
  const changed = { INSERT: 'new_rows', DELETE: 'old_rows', UPDATE: '(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)' };
  const signed = {
    INSERT: '(SELECT *, 1 AS ggw_sign FROM new_rows)',
    DELETE: '(SELECT *, -1 AS ggw_sign FROM old_rows)',
    UPDATE: '(SELECT *, 1 AS ggw_sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows)',
  };
  const refresh = (op: keyof typeof changed) => sources.map((source) => {
    if (isIncremental(source, table)) return addChangesSql(source, signed[op]);
    const touched = (SOURCES[source].dependsOn as Record<string, string>)[table].replaceAll('{changed}', changed[op]);
    return `
    PERFORM ${refreshFunction(source)}(array_agg(x.tenant_id), array_agg(x.org_id), array_agg(x.path)) FROM (${touched}) x;`;
  }).join('');
  // an org that changes parent takes its subtree's sums from its old ancestors to its new ones
  const moves = table !== 'org' ? '' : `
  IF TG_OP = 'UPDATE' THEN
    SELECT count(*) INTO moved FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
     WHERE n.parent_id IS DISTINCT FROM o.parent_id;
    IF moved = 1 THEN
      SELECT n.tenant_id, n.id, o.path AS old_path, n.path AS new_path INTO root
        FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id WHERE n.parent_id IS DISTINCT FROM o.parent_id;${SOURCE_NAMES.map((s) => `
      PERFORM ${shiftFunction(s)}(root.tenant_id, root.id, root.old_path, root.new_path);`).join('')}
    ELSIF moved > 1 THEN
      -- several subtrees moved by one statement: recompute every subtree sum from the own sums
      PERFORM ggw_rollup_rebuild_subtrees();
    END IF;
  END IF;`;
  const forget = table !== 'org' ? '' : `
  IF TG_OP = 'DELETE' THEN
    DELETE FROM rollup_own WHERE (tenant_id, org_id) IN (SELECT tenant_id, id FROM old_rows);
    DELETE FROM rollup_subtree WHERE (tenant_id, org_id) IN (SELECT tenant_id, id FROM old_rows);
  END IF;`;
  return `CREATE FUNCTION ${triggerFunction(table)}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  moved int;
  root record;
  zt uuid[];
  zo uuid[];
  zc text[];
  zb date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM ggw_rollup_rebuild();
    RETURN NULL;
  END IF;${moves}
  IF TG_OP = 'INSERT' THEN${refresh('INSERT')}
  ELSIF TG_OP = 'DELETE' THEN${refresh('DELETE')}
  ELSE${refresh('UPDATE')}
  END IF;${forget}
  RETURN NULL;
END $fn$`;
}

function triggersSql(table: string): string[] {
  const fn = triggerFunction(table);
  return [
    `CREATE TRIGGER ggw_rollup_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ggw_rollup_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ggw_rollup_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ggw_rollup_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  ];
}

/** Every statement that installs the aggregate functions and triggers, in order. */
export function aggregateDdl(): string[] {
  const statements: string[] = [];
  for (const source of SOURCE_NAMES) statements.push(refreshFunctionSql(source), shiftFunctionSql(source));
  statements.push(rebuildSubtreesSql(), rebuildSql());
  for (const [table, sources] of dependencies()) statements.push(triggerFunctionSql(table, sources), ...triggersSql(table));
  // only the owner (and the triggers, which run as the owner) may recompute
  statements.push(`DO $$ DECLARE f regprocedure; BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'public' AND p.proname LIKE 'ggw\\_rollup\\_%'
    LOOP EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f); END LOOP;
  END $$`);
  return statements;
}

