import { DataSource, EntityManager } from 'typeorm';
import { ownSql } from './aggregate-ddl';
import { committedAggregateSql, sqlFingerprint } from './aggregate-sql-file';
import { SOURCE_LAYOUT } from './aggregate-layout';

/**
 * Installs the aggregate functions and triggers of this build (the committed
 * `sql/rollup-aggregates.sql`) when the database holds another generation (or none), and
 * recomputes the aggregates from the records,
 * all in one transaction; a second process starting at the same time waits and then finds the
 * work done. Run by the owner after the migrations (`migrate` does it). Returns whether it
 * installed anything.
 */
export async function syncRollupAggregates(ds: DataSource): Promise<boolean> {
  const sql = committedAggregateSql();
  const fingerprint = sqlFingerprint(sql);
  return ds.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('ggw_rollup_sync'))`);
    const [installed] = await tx.query(`SELECT fingerprint FROM rollup_catalogue`);
    if (installed?.fingerprint === fingerprint) return false;
    const old: Array<{ fn: string }> = await tx.query(`
      SELECT p.oid::regprocedure::text AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.proname LIKE 'ggw\\_rollup\\_%'`);
    // CASCADE takes the triggers that call them
    for (const { fn } of old) await tx.query(`DROP FUNCTION ${fn} CASCADE`);
    await tx.query(sql); // a script: the simple protocol runs its statements in order
    await tx.query(`SELECT ggw_rollup_rebuild()`);
    await tx.query(`
      INSERT INTO rollup_catalogue (fingerprint) VALUES ($1)
      ON CONFLICT (singleton) DO UPDATE SET fingerprint = excluded.fingerprint, installed_at = now()`, [fingerprint]);
    return true;
  });
}

/** Recomputes every aggregate from the records (as the owner); for operators, and after bulk repairs. */
export async function rebuildRollupAggregates(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT ggw_rollup_rebuild()`);
}

/**
 * How many aggregate rows differ from what the records give now (own and subtree sums, every
 * source); 0 when the triggers have kept everything right. Run as the owner: reads all rows.
 */
export async function rollupAggregateDrift(manager: EntityManager): Promise<number> {
  let drift = 0;
  for (const [source, metrics] of SOURCE_LAYOUT) {
    const zero = `array_fill(0::numeric, ARRAY[${metrics.length}])`;
    const sums = metrics.map((_m, i) => `sum(o.v[${i + 1}])`).join(', ');
    const [{ n }] = await manager.query(`
      WITH own AS (${ownSql(source)}),
      subtree AS (
        SELECT a.tenant_id, a.id AS org_id, o.channel, o.bucket, ARRAY[${sums}]::numeric[] AS v
          FROM own o JOIN org d ON d.tenant_id = o.tenant_id AND d.id = o.org_id
          CROSS JOIN LATERAL generate_series(1, nlevel(d.path)) AS i
          JOIN org a ON a.path = subpath(d.path, 0, i)
         GROUP BY a.tenant_id, a.id, o.channel, o.bucket),
      compared AS (
        SELECT e.v AS expected, s.v AS stored FROM own e
          FULL JOIN (SELECT * FROM rollup_own WHERE source = $1) s
            ON s.tenant_id = e.tenant_id AND s.org_id = e.org_id AND s.channel = e.channel AND s.bucket = e.bucket
        UNION ALL
        SELECT e.v, s.v FROM subtree e
          FULL JOIN (SELECT * FROM rollup_subtree WHERE source = $1) s
            ON s.tenant_id = e.tenant_id AND s.org_id = e.org_id AND s.channel = e.channel AND s.bucket = e.bucket)
      SELECT count(*)::int AS n FROM compared WHERE coalesce(expected, ${zero}) <> coalesce(stored, ${zero})`, [source]);
    drift += n;
  }
  return drift;
}
