import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last of what sharding by tenant (Citus, infra/SCALING.md) needs of the keys:
 *
 * - Org codes stay unique nationally, but no longer through a unique index on `org (code)`,
 *   which a table distributed by tenant cannot have: `org` stays unique by `(tenant_id, code)`
 *   (its constraint since the first migration), and
 *   every code is also a row of `org_code_registry` (a reference table: small, global), whose
 *   primary key `org_code_unique` refuses a code taken in any tenant, as the index did (same
 *   name, same SQLSTATE 23505). Statement-level triggers keep it in step with `org`.
 * - A user's home org is checked by a trigger instead of a foreign key (`app_user` is a
 *   reference table, `org` a distributed one): a user's home must exist, and an org that is
 *   someone's home cannot be deleted (23503, as the key did).
 * - `role_assignment` needs no change: it is distributed by `org_tenant_id`, and its key and its
 *   foreign key to `org` already hold that column (the catalogue test now knows it).
 */
export class CitusKeys1732000002100 implements MigrationInterface {
  name = 'CitusKeys1732000002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_code_registry (
        code          text NOT NULL,
        org_tenant_id uuid NOT NULL,
        org_id        uuid NOT NULL
      )`);
    await q.query(`INSERT INTO org_code_registry (code, org_tenant_id, org_id) SELECT code, tenant_id, id FROM org`);
    await q.query(`DROP INDEX org_code_unique`);
    await q.query(`ALTER TABLE org_code_registry ADD CONSTRAINT org_code_unique PRIMARY KEY (code)`);
    // look-ups by code (org(code:), onboarding, imports) on one server; under Citus they read the registry first
    await q.query(`CREATE INDEX org_by_code ON org (code)`);
    await q.query(`ALTER TABLE org_code_registry ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE org_code_registry FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY owner_all ON org_code_registry TO CURRENT_USER USING (true) WITH CHECK (true)`);
    await q.query(`REVOKE ALL ON org_code_registry FROM PUBLIC`);
    // definer: the registry is the owner's; the org rows a statement changed are in its transition tables
    await q.query(`
      CREATE FUNCTION ggw_org_code_registry() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        -- (each branch names only the transition tables its operation has)
        IF TG_OP = 'INSERT' THEN
          INSERT INTO org_code_registry (code, org_tenant_id, org_id) SELECT n.code, n.tenant_id, n.id FROM new_rows n;
        ELSIF TG_OP = 'DELETE' THEN
          DELETE FROM org_code_registry r USING old_rows o WHERE r.code = o.code;
        ELSE
          DELETE FROM org_code_registry r USING old_rows o
           WHERE r.code = o.code AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.tenant_id = o.tenant_id AND n.id = o.id AND n.code = o.code);
          INSERT INTO org_code_registry (code, org_tenant_id, org_id)
          SELECT n.code, n.tenant_id, n.id FROM new_rows n
           WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.tenant_id = n.tenant_id AND o.id = n.id AND o.code = n.code);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER ggw_org_code_insert AFTER INSERT ON org REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_org_code_registry()`);
    await q.query(`CREATE TRIGGER ggw_org_code_update AFTER UPDATE ON org REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_org_code_registry()`);
    await q.query(`CREATE TRIGGER ggw_org_code_delete AFTER DELETE ON org REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_org_code_registry()`);

    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_home`);
    await q.query(`
      CREATE FUNCTION ggw_app_user_home() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_TABLE_NAME = 'app_user' THEN
          IF EXISTS (SELECT 1 FROM new_rows u WHERE u.home_org_id IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM org o WHERE o.tenant_id = u.home_tenant_id AND o.id = u.home_org_id)) THEN
            RAISE EXCEPTION 'a user''s home org must exist' USING ERRCODE = '23503', CONSTRAINT = 'app_user_home';
          END IF;
        ELSIF EXISTS (SELECT 1 FROM old_rows o JOIN app_user u ON u.home_tenant_id = o.tenant_id AND u.home_org_id = o.id) THEN
          RAISE EXCEPTION 'an org that is a user''s home cannot be deleted' USING ERRCODE = '23503', CONSTRAINT = 'app_user_home';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER ggw_app_user_home_insert AFTER INSERT ON app_user REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_app_user_home()`);
    await q.query(`CREATE TRIGGER ggw_app_user_home_update AFTER UPDATE ON app_user REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_app_user_home()`);
    await q.query(`CREATE TRIGGER ggw_app_user_home_delete AFTER DELETE ON org REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_app_user_home()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ggw_app_user_home_delete ON org`);
    await q.query(`DROP TRIGGER ggw_app_user_home_update ON app_user`);
    await q.query(`DROP TRIGGER ggw_app_user_home_insert ON app_user`);
    await q.query(`DROP FUNCTION ggw_app_user_home()`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_home FOREIGN KEY (home_tenant_id, home_org_id) REFERENCES org (tenant_id, id)`);
    for (const t of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ggw_org_code_${t} ON org`);
    await q.query(`DROP FUNCTION ggw_org_code_registry()`);
    await q.query(`DROP INDEX org_by_code`);
    await q.query(`DROP TABLE org_code_registry`);
    await q.query(`CREATE UNIQUE INDEX org_code_unique ON org (code)`);
  }
}
