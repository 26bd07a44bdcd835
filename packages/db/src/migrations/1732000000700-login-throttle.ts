import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins, counted in the database so that every API process sees the same counts (in
 * memory, each process allowed its own five tries). The application role cannot read or write
 * the table; it calls three definer functions: how long a login must wait, record a failure,
 * clear a user's failures after a correct password. Expired rows are deleted as new ones come.
 * The table holds no tenant's data (keys are usernames and addresses), so it has no tenant
 * policies: no role but the owner has any privilege on it, and its forced row-level security
 * lets only the owner's policy through.
 */
export class LoginThrottle1732000000700 implements MigrationInterface {
  name = 'LoginThrottle1732000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failure (
        key       text        NOT NULL CHECK (length(key) <= 600),
        failed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX login_failure_key ON login_failure (key, failed_at)`);
    await q.query(`CREATE INDEX login_failure_at ON login_failure (failed_at)`);
    // row-level security as on every table: only the owner's policy, so the definer functions
    // (which run as the owner) reach the rows and no other role does, whatever it is granted
    await q.query(`ALTER TABLE login_failure ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE login_failure FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY owner_all ON login_failure TO CURRENT_USER USING (true) WITH CHECK (true)`);
    await q.query(`REVOKE ALL ON login_failure FROM PUBLIC`);

    // seconds until a login covered by these keys may be tried (0: now): for each key with at
    // least its limit of failures inside the window, until the limit-th latest leaves it
    await q.query(`
      CREATE FUNCTION ggw_login_wait(keys text[], limits int[], window_seconds int) RETURNS int
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT coalesce(max(ceil(extract(epoch FROM k.failed_at + make_interval(secs => window_seconds) - clock_timestamp()))), 0)::int
          FROM unnest(keys, limits) AS x(key, lim)
          CROSS JOIN LATERAL (
            SELECT f.failed_at FROM login_failure f
             WHERE f.key = x.key AND f.failed_at > clock_timestamp() - make_interval(secs => window_seconds)
             ORDER BY f.failed_at DESC OFFSET greatest(x.lim, 1) - 1 LIMIT 1) k
      $$`);
    await q.query(`
      CREATE FUNCTION ggw_login_failed(keys text[], window_seconds int) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DELETE FROM login_failure WHERE failed_at <= clock_timestamp() - make_interval(secs => window_seconds);
        INSERT INTO login_failure (key) SELECT unnest(keys);
      $$`);
    await q.query(`
      CREATE FUNCTION ggw_login_succeeded(keys text[]) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DELETE FROM login_failure WHERE key = ANY (keys);
      $$`);
    for (const fn of ['ggw_login_wait(text[], int[], int)', 'ggw_login_failed(text[], int)', 'ggw_login_succeeded(text[])']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ggw_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ggw_login_succeeded(text[])`);
    await q.query(`DROP FUNCTION ggw_login_failed(text[], int)`);
    await q.query(`DROP FUNCTION ggw_login_wait(text[], int[], int)`);
    await q.query(`DROP TABLE login_failure`);
  }
}
