import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every org under each of the user's roles (the first version's `reach`: the whole subtree, whatever the role's level). */
const REACH_EVERY_ORG = `reach AS (
          SELECT o.id, o.level AS org_level, m.level AS role_level, m.role, m.tenant_id AS role_tenant
            FROM mine m JOIN org o ON o.path <@ m.path),`;

/**
 * `ggw_apply_scopes(user)`: puts a user's scopes into transaction-local settings and returns the
 * user's roles. Runs as the owner (it must read orgs before any scope exists); unknown or
 * disabled users fail. `reach` is the CTE of (org, role) pairs the scopes are made from.
 */
function applyScopesFunction(reach: string): string {
  return `      CREATE FUNCTION ggw_apply_scopes(viewer uuid)
      RETURNS TABLE (org_id uuid, tenant_id uuid, path text, level text, role text)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      #variable_conflict use_column
      DECLARE
        whole constant text[] := ARRAY['PROVINCE', 'CITY', 'COUNTY'];
        roles jsonb;
        applied text;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = viewer AND NOT u.disabled) THEN
          RAISE EXCEPTION 'unknown or disabled user' USING ERRCODE = '28000';
        END IF;
        WITH mine AS (
          SELECT o.id AS org_id, o.tenant_id, o.path, o.level, r.role
            FROM role_assignment r JOIN org o ON o.tenant_id = r.org_tenant_id AND o.id = r.org_id
           WHERE r.user_id = viewer),
${reach}
        settings AS (
          SELECT
            (SELECT coalesce(array_agg(DISTINCT path)::text, '{}') FROM mine) AS read_paths,
            (SELECT coalesce(array_agg(DISTINCT id)::text, '{}') FROM reach WHERE org_level = ANY (whole)) AS read_tenants,
            (SELECT coalesce(array_agg(DISTINCT id)::text, '{}') FROM reach WHERE org_level = ANY (whole) AND role IN ('ADMIN', 'EDITOR')) AS write_tenants,
            (SELECT coalesce(array_agg(DISTINCT id)::text, '{}') FROM reach WHERE org_level = ANY (whole) AND role = 'ADMIN') AS admin_tenants,
            (SELECT coalesce(array_agg(DISTINCT id)::text, '{}') FROM reach WHERE role_level <> ALL (whole)) AS read_orgs,
            (SELECT coalesce(array_agg(DISTINCT id)::text, '{}') FROM reach WHERE role_level <> ALL (whole) AND role IN ('ADMIN', 'EDITOR')) AS write_orgs,
            (SELECT coalesce(array_agg(DISTINCT role_tenant)::text, '{}') FROM reach WHERE role_level <> ALL (whole)) AS partial_tenants,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('org_id', org_id, 'tenant_id', tenant_id, 'path', path::text, 'level', level, 'role', role)), '[]') FROM mine) AS roles)
        SELECT set_config('ggw.read_paths', st.read_paths, true) || set_config('ggw.read_tenants', st.read_tenants, true)
            || set_config('ggw.write_tenants', st.write_tenants, true) || set_config('ggw.admin_tenants', st.admin_tenants, true)
            || set_config('ggw.read_orgs', st.read_orgs, true) || set_config('ggw.write_orgs', st.write_orgs, true)
            || set_config('ggw.partial_tenants', st.partial_tenants, true), st.roles
          INTO STRICT applied, roles FROM settings st;
        RETURN QUERY SELECT (x->>'org_id')::uuid, (x->>'tenant_id')::uuid, x->>'path', x->>'level', x->>'role' FROM jsonb_array_elements(roles) x;
      END $$`;
}

/**
 * Users, their roles at orgs, and the database's own guarantee that nobody reads or writes
 * outside the subtrees where they hold a role.
 *
 * The API connects as `ggw_app`, which owns no table, so row-level security (forced on every
 * tenant-owned table) always applies to it. Each request starts its transaction with
 * `SELECT * FROM ggw_apply_scopes(user_id)`, which puts the viewer's scopes into
 * transaction-local settings; the policies read them through scalar sub-selects, evaluated
 * once per statement. No scope set means no rows: deny by default.
 *
 * Scopes are kept coarse where they can be, for speed: a role at a county, city or province
 * covers whole tenants (`ggw.read_tenants`), a role at a township or village covers a list of
 * orgs (`ggw.read_orgs`). The org table is also readable on the viewer's ancestors
 * (`ggw.read_paths`): the API shows only their names and codes (a breadcrumb).
 */
export class AuthAndRowSecurity1732000000200 implements MigrationInterface {
  name = 'AuthAndRowSecurity1732000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id            uuid        PRIMARY KEY,
        username      text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,49}$'),
        password_hash text        NOT NULL,
        display_name  text        NOT NULL,
        disabled      boolean     NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE role_assignment (
        user_id       uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        org_tenant_id uuid NOT NULL,
        org_id        uuid NOT NULL,
        role          text NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'VIEWER')),
        PRIMARY KEY (user_id, org_tenant_id, org_id, role),
        FOREIGN KEY (org_tenant_id, org_id) REFERENCES org (tenant_id, id)
      )`);

    // roles are cluster-wide: several databases (tests, environments) share one
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ggw_app') THEN CREATE ROLE ggw_app NOLOGIN; END IF;
    END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ggw_app`);
    await q.query(`GRANT SELECT ON app_user, role_assignment, schema_migration TO ggw_app`);

    await q.query(`
      CREATE FUNCTION ggw_setting_uuids(name text) RETURNS uuid[] LANGUAGE sql STABLE AS
      $$ SELECT coalesce(nullif(current_setting(name, true), ''), '{}')::uuid[] $$`);
    await q.query(`
      CREATE FUNCTION ggw_setting_paths(name text) RETURNS ltree[] LANGUAGE sql STABLE AS
      $$ SELECT coalesce(nullif(current_setting(name, true), ''), '{}')::ltree[] $$`);

    // Protects one tenant-owned table: grants for the app, RLS forced, read and write policies.
    await q.query(`
      CREATE FUNCTION ggw_protect_table(t regclass) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        org_col text := CASE WHEN t = 'org'::regclass THEN 'id' ELSE 'org_id' END;
        has_org boolean := EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = t AND attname = org_col AND NOT attisdropped);
        readable text;
        writable text;
      BEGIN
        IF has_org THEN
          readable := format('tenant_id = ANY ((SELECT ggw_setting_uuids(''ggw.read_tenants''))::uuid[]) OR %I = ANY ((SELECT ggw_setting_uuids(''ggw.read_orgs''))::uuid[])', org_col);
          writable := format('tenant_id = ANY ((SELECT ggw_setting_uuids(''ggw.write_tenants''))::uuid[]) OR %I = ANY ((SELECT ggw_setting_uuids(''ggw.write_orgs''))::uuid[])', org_col);
        ELSE
          -- tenant-wide configuration (e.g. the 五好 criteria): readable by anyone with a scope in the tenant
          readable := 'tenant_id = ANY ((SELECT ggw_setting_uuids(''ggw.read_tenants''))::uuid[]) OR tenant_id = ANY ((SELECT ggw_setting_uuids(''ggw.partial_tenants''))::uuid[])';
          writable := 'tenant_id = ANY ((SELECT ggw_setting_uuids(''ggw.admin_tenants''))::uuid[])';
        END IF;
        IF t = 'org'::regclass THEN
          readable := readable || ' OR path @> (SELECT ggw_setting_paths(''ggw.read_paths''))::ltree[]';
        END IF;
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO ggw_app', t);
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
        -- the owner (migrations, loaders) keeps full access even when it is not a superuser
        EXECUTE format('CREATE POLICY owner_all ON %s TO %I USING (true) WITH CHECK (true)', t, current_user);
        EXECUTE format('CREATE POLICY scope_read ON %s FOR SELECT USING (%s)', t, readable);
        EXECUTE format('CREATE POLICY scope_insert ON %s FOR INSERT WITH CHECK (%s)', t, writable);
        EXECUTE format('CREATE POLICY scope_update ON %s FOR UPDATE USING (%s) WITH CHECK (%s)', t, writable, writable);
        EXECUTE format('CREATE POLICY scope_delete ON %s FOR DELETE USING (%s)', t, writable);
      END $$`);
    await q.query(`
      DO $$ DECLARE t regclass; BEGIN
        FOR t IN SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'public' AND c.relkind = 'r'
                    AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
        LOOP PERFORM ggw_protect_table(t); END LOOP;
      END $$`);

    await q.query(applyScopesFunction(REACH_EVERY_ORG));
    await q.query(`REVOKE ALL ON FUNCTION ggw_apply_scopes(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_apply_scopes(uuid) TO ggw_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ggw_apply_scopes(uuid)`);
    await q.query(`
      DO $$ DECLARE t regclass; BEGIN
        FOR t IN SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity
        LOOP
          EXECUTE format('DROP POLICY IF EXISTS owner_all ON %s', t);
          EXECUTE format('DROP POLICY IF EXISTS scope_read ON %s', t);
          EXECUTE format('DROP POLICY IF EXISTS scope_insert ON %s', t);
          EXECUTE format('DROP POLICY IF EXISTS scope_update ON %s', t);
          EXECUTE format('DROP POLICY IF EXISTS scope_delete ON %s', t);
          EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', t);
          EXECUTE format('ALTER TABLE %s DISABLE ROW LEVEL SECURITY', t);
          EXECUTE format('REVOKE ALL ON %s FROM ggw_app', t);
        END LOOP;
      END $$`);
    await q.query(`DROP FUNCTION ggw_protect_table(regclass)`);
    await q.query(`DROP FUNCTION ggw_setting_paths(text)`);
    await q.query(`DROP FUNCTION ggw_setting_uuids(text)`);
    await q.query(`REVOKE ALL ON app_user, role_assignment, schema_migration FROM ggw_app`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ggw_app`);
    await q.query(`DROP TABLE role_assignment`);
    await q.query(`DROP TABLE app_user`);
  }
}
