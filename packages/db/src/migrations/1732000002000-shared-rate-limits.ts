import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request rate limits shared by every API process. Each process admits requests from a token
 * bucket in memory (no round trip on the way in) and, once a second, reports what it admitted
 * per client key and learns the key's shared level: one row per key holding its theoretical
 * arrival time (GCRA: the moment the shared bucket would be full again), advanced by what every
 * process admitted. So a user spreading requests over several APIs gets the one rate, not one
 * per process. Unlogged: the levels are worth a few seconds and need no crash safety or WAL.
 * Like login_failure, the table holds no tenant's data: only the owner's policy, reached through
 * the definer function.
 */
export class SharedRateLimits1732000002000 implements MigrationInterface {
  name = 'SharedRateLimits1732000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_bucket (
        key text        PRIMARY KEY CHECK (length(key) <= 600),
        tat timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX rate_limit_bucket_tat ON rate_limit_bucket (tat)`);
    await q.query(`ALTER TABLE rate_limit_bucket ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE rate_limit_bucket FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY owner_all ON rate_limit_bucket TO CURRENT_USER USING (true) WITH CHECK (true)`);
    await q.query(`REVOKE ALL ON rate_limit_bucket FROM PUBLIC`);

    // adds each key's admitted requests (counts, each worth emission_ms of the shared bucket) and
    // answers, for every key given, how far its bucket is ahead of now in ms (0: full); keys whose
    // bucket has been full for a minute are forgotten
    await q.query(`
      CREATE FUNCTION ggw_rate_share(keys text[], counts int[], emission_ms float8) RETURNS TABLE (key text, ahead_ms float8)
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DELETE FROM rate_limit_bucket WHERE tat < now() - interval '1 minute';
        WITH added AS (
          INSERT INTO rate_limit_bucket AS b (key, tat)
          SELECT x.k, now() + make_interval(secs => x.c * emission_ms / 1000) FROM unnest(keys, counts) AS x(k, c) WHERE x.c > 0
          ON CONFLICT (key) DO UPDATE SET tat = greatest(b.tat, now()) + (excluded.tat - now())
          RETURNING b.key, b.tat)
        SELECT x.k, greatest(extract(epoch FROM coalesce(a.tat, b.tat, now()) - now()) * 1000, 0)::float8
          FROM unnest(keys) AS x(k)
          LEFT JOIN added a ON a.key = x.k
          LEFT JOIN rate_limit_bucket b ON b.key = x.k
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_rate_share(text[], int[], float8) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_rate_share(text[], int[], float8) TO ggw_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ggw_rate_share(text[], int[], float8)`);
    await q.query(`DROP TABLE rate_limit_bucket`);
  }
}
