import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roll-up aggregates kept in the writing transaction, so a county or a province reads a few
 * hundred rows instead of every record below it (`packages/rollup/src/aggregate-layout.ts`
 * explains the layout). The functions and triggers that fill these tables are generated from
 * the metric catalogue and installed by `syncRollupAggregates` after the migrations;
 * `rollup_catalogue` records which generation is installed.
 *
 * The application role may read subtree sums, under row-level security like every tenant
 * table, and write neither table: only the owner's triggers do.
 */
export class RollupAggregates1732000000300 implements MigrationInterface {
  name = 'RollupAggregates1732000000300';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['rollup_own', 'rollup_subtree']) {
      // no foreign key to org: the triggers remove an org's rows after the org itself is gone
      await q.query(`
        CREATE TABLE ${table} (
          tenant_id uuid      NOT NULL,
          org_id    uuid      NOT NULL,
          source    text      NOT NULL,
          channel   text      NOT NULL CHECK (channel IN ('at', 'start', 'end', 'year', 'quarter', 'month')),
          bucket    date      NOT NULL CHECK (extract(day FROM bucket) = 1),
          v         numeric[] NOT NULL,
          PRIMARY KEY (tenant_id, org_id, source, channel, bucket)
        )`);
      await q.query(`SELECT ggw_protect_table('${table}')`);
    }
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON rollup_subtree FROM ggw_app`);
    // a beneficiary's change (its category) reaches its pairs' figures through this index
    await q.query(`CREATE INDEX assistance_pair_beneficiary ON assistance_pair (tenant_id, beneficiary_id)`);
    await q.query(`REVOKE ALL ON rollup_own FROM ggw_app`);
    await q.query(`
      CREATE TABLE rollup_catalogue (
        singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
        fingerprint text        NOT NULL,
        installed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ DECLARE f regprocedure; BEGIN
        FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                  WHERE n.nspname = 'public' AND p.proname LIKE 'ggw\\_rollup\\_%'
        LOOP EXECUTE format('DROP FUNCTION %s CASCADE', f); END LOOP;
      END $$`);
    await q.query(`DROP INDEX assistance_pair_beneficiary`);
    await q.query(`DROP TABLE rollup_catalogue`);
    await q.query(`DROP TABLE rollup_subtree`);
    await q.query(`DROP TABLE rollup_own`);
  }
}
