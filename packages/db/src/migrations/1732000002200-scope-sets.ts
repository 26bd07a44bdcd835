import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reads of a viewer with many tenants (a province's hundred counties, a national viewer's
 * 2,800) checked in O(log n) per row instead of O(n). Every table's read policy asked
 * `tenant_id = ANY (<the viewer's tenants>)`: the list parsed into a uuid[] for each table a
 * statement reads (1.4 ms for 2,971 tenants), then searched from the start for each row (2,971
 * comparisons a row: 70 of the 75 ms of the 31 provinces' volunteer figures). A viewer with
 * more than 16 tenants (a setting of more than 600 bytes: octet_length, which need not scan
 * it) is now checked against the same list read as a jsonb object (its text turned into
 * `{"<id>":0,…}`, 0.8 ms to parse), whose keys
 * are found by binary search; up to 16 the array stays (cheaper for the one-county viewer, who is
 * nearly everyone). Same rows either way: the policies are rewritten, not widened, and the
 * isolation matrix runs against them. `ggw_apply_scopes` writes the list (`array_agg(id)::text`:
 * canonical ids, no quotes), so the keys are the ids' own text.
 */
const ARRAY_AT_MOST_CHARS = 16 * 37 + 8;

/** The tenant half of a read policy: the viewer's `setting` list, as an array or as a set. */
const tenantIn = (setting: string) => `CASE WHEN (SELECT octet_length(coalesce(current_setting(''${setting}'', true), ''''))) <= ${ARRAY_AT_MOST_CHARS}
        THEN tenant_id = ANY ((SELECT ggw_setting_uuids(''${setting}''))::uuid[])
        ELSE (SELECT ggw_setting_set(''${setting}'')) ? tenant_id::text END`;
const OLD_TENANT_IN = (setting: string) => `tenant_id = ANY ((SELECT ggw_setting_uuids(''${setting}''))::uuid[])`;

/** The read policy of a table protected by ggw_protect_table, as it checks tenants. */
const readPolicyFunction = (tenant: (setting: string) => string) => `
  CREATE OR REPLACE FUNCTION ggw_read_policy(t regclass) RETURNS text LANGUAGE plpgsql STABLE AS $$
  DECLARE
    org_col text := CASE WHEN t = 'org'::regclass THEN 'id' ELSE 'org_id' END;
    has_org boolean := EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = t AND attname = org_col AND NOT attisdropped);
    readable text;
  BEGIN
    IF has_org THEN
      readable := format('${tenant('ggw.read_tenants')} OR %I = ANY ((SELECT ggw_setting_uuids(''ggw.read_orgs''))::uuid[])', org_col);
    ELSE
      -- tenant-wide configuration (e.g. the 五好 criteria): readable by anyone with a scope in the tenant
      readable := '${tenant('ggw.read_tenants')} OR tenant_id = ANY ((SELECT ggw_setting_uuids(''ggw.partial_tenants''))::uuid[])';
    END IF;
    IF t = 'org'::regclass THEN
      readable := readable || ' OR path @> (SELECT ggw_setting_paths(''ggw.read_paths''))::ltree[]';
    END IF;
    RETURN readable;
  END $$`;

/** Every table whose read policy is the generic one (the others, app_user, role_assignment, notification, check other things). */
const REWRITE = `
  DO $$ DECLARE t regclass; BEGIN
    FOR t IN SELECT (quote_ident(schemaname) || '.' || quote_ident(tablename))::regclass FROM pg_policies
              WHERE schemaname = 'public' AND policyname = 'scope_read' AND qual LIKE '%ggw.read_tenants%'
                AND tablename NOT IN ('app_user', 'role_assignment')
    LOOP EXECUTE format('ALTER POLICY scope_read ON %s USING (%s)', t, ggw_read_policy(t)); END LOOP;
  END $$`;

export class ScopeSets1732000002200 implements MigrationInterface {
  name = 'ScopeSets1732000002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ggw_setting_set(name text) RETURNS jsonb LANGUAGE sql STABLE AS
      $$ SELECT replace(replace(replace(coalesce(nullif(current_setting(name, true), ''), '{}'), '{', '{"'), ',', '":0,"'), '}', '":0}')::jsonb $$`);
    await q.query(readPolicyFunction(tenantIn));
    await q.query(REWRITE);
    // a table protected from now on gets the same read policy
    await q.query(`
      CREATE OR REPLACE FUNCTION ggw_protect_table(t regclass) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        org_col text := CASE WHEN t = 'org'::regclass THEN 'id' ELSE 'org_id' END;
        has_org boolean := EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = t AND attname = org_col AND NOT attisdropped);
        writable text;
      BEGIN
        IF has_org THEN
          writable := format('tenant_id = ANY ((SELECT ggw_setting_uuids(''ggw.write_tenants''))::uuid[]) OR %I = ANY ((SELECT ggw_setting_uuids(''ggw.write_orgs''))::uuid[])', org_col);
        ELSE
          writable := 'tenant_id = ANY ((SELECT ggw_setting_uuids(''ggw.admin_tenants''))::uuid[])';
        END IF;
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO ggw_app', t);
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
        -- the owner (migrations, loaders) keeps full access even when it is not a superuser
        EXECUTE format('CREATE POLICY owner_all ON %s TO %I USING (true) WITH CHECK (true)', t, current_user);
        EXECUTE format('CREATE POLICY scope_read ON %s FOR SELECT USING (%s)', t, ggw_read_policy(t));
        EXECUTE format('CREATE POLICY scope_insert ON %s FOR INSERT WITH CHECK (%s)', t, writable);
        EXECUTE format('CREATE POLICY scope_update ON %s FOR UPDATE USING (%s) WITH CHECK (%s)', t, writable, writable);
        EXECUTE format('CREATE POLICY scope_delete ON %s FOR DELETE USING (%s)', t, writable);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // the policies as they were (ggw_protect_table keeps reading them from ggw_read_policy)
    await q.query(readPolicyFunction(OLD_TENANT_IN));
    await q.query(REWRITE);
    await q.query(`DROP FUNCTION ggw_setting_set(text)`);
  }
}
