import { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen texts: the scopes function as this migration leaves it and as it found it (1732000000400).
const SCOPES_WITH_TOKEN_VERSION = `
      CREATE FUNCTION ggw_apply_scopes(viewer uuid, version int DEFAULT NULL)
      RETURNS TABLE (org_id uuid, tenant_id uuid, path text, level text, role text)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      #variable_conflict use_column
      DECLARE
        whole constant text[] := ARRAY['PROVINCE', 'CITY', 'COUNTY'];
        roles jsonb;
        applied text;
        platform boolean;
      BEGIN
        SELECT u.platform_admin INTO platform FROM app_user u
         WHERE u.id = viewer AND NOT u.disabled AND (version IS NULL OR u.token_version = version);
        IF NOT FOUND THEN
          RAISE EXCEPTION 'unknown or disabled user, or a revoked token' USING ERRCODE = '28000';
        END IF;
        WITH mine AS (
          SELECT o.id AS org_id, o.tenant_id, o.path, o.level, r.role
            FROM role_assignment r JOIN org o ON o.tenant_id = r.org_tenant_id AND o.id = r.org_id
           WHERE r.user_id = viewer),
        reach AS (
          SELECT o.id, o.level AS org_level, m.level AS role_level, m.role, m.tenant_id AS role_tenant
            FROM mine m JOIN org o ON o.path <@ m.path AND o.level IN ('PROVINCE', 'CITY', 'COUNTY')
           WHERE m.level = ANY (whole)
          UNION ALL
          SELECT o.id, o.level, m.level, m.role, m.tenant_id
            FROM mine m JOIN org o ON o.path <@ m.path
           WHERE m.level <> ALL (whole)),
        settings AS (
          SELECT
            (SELECT coalesce(array_agg(DISTINCT path)::text, '{}') FROM mine) AS read_paths,
            (SELECT coalesce(array_agg(DISTINCT id)::text, '{}') FROM reach WHERE org_level = ANY (whole)) AS read_tenants,
            (SELECT coalesce(array_agg(DISTINCT id)::text, '{}') FROM reach WHERE org_level = ANY (whole) AND role IN ('ADMIN', 'EDITOR')) AS write_tenants,
            (SELECT coalesce(array_agg(DISTINCT id)::text, '{}') FROM reach WHERE org_level = ANY (whole) AND role = 'ADMIN') AS admin_tenants,
            (SELECT coalesce(array_agg(DISTINCT id)::text, '{}') FROM reach WHERE role_level <> ALL (whole)) AS read_orgs,
            (SELECT coalesce(array_agg(DISTINCT id)::text, '{}') FROM reach WHERE role_level <> ALL (whole) AND role IN ('ADMIN', 'EDITOR')) AS write_orgs,
            (SELECT coalesce(array_agg(DISTINCT id)::text, '{}') FROM reach WHERE role_level <> ALL (whole) AND role = 'ADMIN') AS admin_orgs,
            (SELECT coalesce(array_agg(DISTINCT role_tenant)::text, '{}') FROM reach WHERE role_level <> ALL (whole)) AS partial_tenants,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('org_id', org_id, 'tenant_id', tenant_id, 'path', path::text, 'level', level, 'role', role)), '[]') FROM mine) AS roles)
        SELECT set_config('ggw.read_paths', st.read_paths, true) || set_config('ggw.read_tenants', st.read_tenants, true)
            || set_config('ggw.write_tenants', st.write_tenants, true) || set_config('ggw.admin_tenants', st.admin_tenants, true)
            || set_config('ggw.read_orgs', st.read_orgs, true) || set_config('ggw.write_orgs', st.write_orgs, true)
            || set_config('ggw.admin_orgs', st.admin_orgs, true) || set_config('ggw.partial_tenants', st.partial_tenants, true)
            || set_config('ggw.platform_admin', CASE WHEN platform THEN 'on' ELSE '' END, true), st.roles
          INTO STRICT applied, roles FROM settings st;
        RETURN QUERY SELECT (x->>'org_id')::uuid, (x->>'tenant_id')::uuid, x->>'path', x->>'level', x->>'role' FROM jsonb_array_elements(roles) x;
      END $$`;

const SCOPES_FROM_TENANT_ROOTS = `
      CREATE FUNCTION ggw_apply_scopes(viewer uuid)
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
reach AS (
          SELECT o.id, o.level AS org_level, m.level AS role_level, m.role, m.tenant_id AS role_tenant
            FROM mine m JOIN org o ON o.path <@ m.path AND o.level IN ('PROVINCE', 'CITY', 'COUNTY')
           WHERE m.level = ANY (whole)
          UNION ALL
          SELECT o.id, o.level, m.level, m.role, m.tenant_id
            FROM mine m JOIN org o ON o.path <@ m.path
           WHERE m.level <> ALL (whole)),
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

/** The columns of app_user the application may read: everything but the password hash. */
const READABLE = 'id, username, display_name, disabled, created_at, phone, home_tenant_id, home_org_id, token_version, platform_admin, created_by, password_set_at';

/**
 * People and roles, administered by the admins of the platform's own subtrees.
 *
 * - Every user has a home org (where an admin created them): the admins at or above it manage
 *   the account (reset, disable, enable). Roles are granted and revoked by the admins of the
 *   org the role is at, whoever holds it. A platform admin (an operator) holds no role and
 *   reads nothing; they only onboard counties.
 * - `token_version` is in every token and checked by `ggw_apply_scopes` in the request's scope
 *   statement: a trigger raises it whenever the password or the disabled flag changes or a role
 *   is revoked, so the user's tokens stop working at their next request.
 * - Row-level security: a user is visible to themselves, to the admins of their home, and to
 *   whoever reads an org where they hold a role; roles are visible to their holder and to the
 *   readers of their org. The password hash is never readable by the application: logins and
 *   password checks go through definer functions that compare nothing but return it for argon2.
 *   Names are readable platform-wide through `app_user_name`, for the audit trail's "who".
 * - The audit trail records every change to users and roles (never the hash or the phone),
 *   under the user's home org (roles: the role's org), readable by the admins above.
 */
export class PeopleAndRoles1732000001500 implements MigrationInterface {
  name = 'PeopleAndRoles1732000001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ALTER COLUMN password_hash DROP NOT NULL,
        ADD COLUMN phone text CHECK (phone ~ '^[0-9+ -]{5,20}$'),
        ADD COLUMN home_tenant_id uuid,
        ADD COLUMN home_org_id uuid,
        ADD COLUMN token_version int NOT NULL DEFAULT 1 CHECK (token_version >= 1),
        ADD COLUMN platform_admin boolean NOT NULL DEFAULT false,
        ADD COLUMN created_by uuid REFERENCES app_user (id),
        ADD COLUMN password_set_at timestamptz,
        ADD CONSTRAINT app_user_home FOREIGN KEY (home_tenant_id, home_org_id) REFERENCES org (tenant_id, id),
        ADD CHECK ((home_tenant_id IS NULL) = (home_org_id IS NULL)),
        ADD CONSTRAINT app_user_display_name CHECK (display_name <> '' AND length(display_name) <= 50)`);
    // existing users live where their highest role is
    await q.query(`
      UPDATE app_user u SET (home_tenant_id, home_org_id) = (
        SELECT r.org_tenant_id, r.org_id FROM role_assignment r JOIN org o ON o.tenant_id = r.org_tenant_id AND o.id = r.org_id
         WHERE r.user_id = u.id ORDER BY nlevel(o.path), o.path LIMIT 1)`);
    await q.query(`CREATE INDEX app_user_home ON app_user (home_tenant_id, home_org_id)`);
    await q.query(`
      ALTER TABLE role_assignment
        ADD COLUMN granted_by uuid REFERENCES app_user (id),
        ADD COLUMN granted_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX role_assignment_org ON role_assignment (org_tenant_id, org_id)`);

    await q.query(`DROP FUNCTION ggw_apply_scopes(uuid)`);
    await q.query(SCOPES_WITH_TOKEN_VERSION);
    await q.query(`REVOKE ALL ON FUNCTION ggw_apply_scopes(uuid, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_apply_scopes(uuid, int) TO ggw_app`);

    await q.query(`
      CREATE FUNCTION ggw_admin_of(tenant uuid, org uuid) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT tenant = ANY (ggw_setting_uuids('ggw.admin_tenants')) OR org = ANY (ggw_setting_uuids('ggw.admin_orgs')) $$`);
    await q.query(`
      CREATE FUNCTION ggw_reader_of(tenant uuid, org uuid) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT tenant = ANY (ggw_setting_uuids('ggw.read_tenants')) OR org = ANY (ggw_setting_uuids('ggw.read_orgs')) $$`);
    await q.query(`
      CREATE FUNCTION ggw_actor() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('ggw.actor', true), '')::uuid $$`);

    // the application reads and writes users only under these policies, and never the hash
    await q.query(`REVOKE ALL ON app_user, role_assignment FROM ggw_app`);
    await q.query(`GRANT SELECT (${READABLE}) ON app_user TO ggw_app`);
    await q.query(`GRANT INSERT (id, username, display_name, phone, home_tenant_id, home_org_id, created_by) ON app_user TO ggw_app`);
    await q.query(`GRANT UPDATE (display_name, phone, disabled, password_hash, password_set_at, token_version) ON app_user TO ggw_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON role_assignment TO ggw_app`);
    for (const t of ['app_user', 'role_assignment']) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY owner_all ON ${t} TO CURRENT_USER USING (true) WITH CHECK (true)`);
    }
    await q.query(`
      CREATE POLICY scope_read ON app_user FOR SELECT USING (
        id = (SELECT ggw_actor()) OR ggw_admin_of(home_tenant_id, home_org_id)
        OR EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = app_user.id))`);
    await q.query(`CREATE POLICY scope_insert ON app_user FOR INSERT WITH CHECK (ggw_admin_of(home_tenant_id, home_org_id) AND created_by = (SELECT ggw_actor()))`);
    await q.query(`
      CREATE POLICY scope_update ON app_user FOR UPDATE
        USING (id = (SELECT ggw_actor()) OR ggw_admin_of(home_tenant_id, home_org_id))
        WITH CHECK (id = (SELECT ggw_actor()) OR ggw_admin_of(home_tenant_id, home_org_id))`);
    await q.query(`CREATE POLICY scope_read ON role_assignment FOR SELECT USING (user_id = (SELECT ggw_actor()) OR ggw_reader_of(org_tenant_id, org_id))`);
    await q.query(`CREATE POLICY scope_insert ON role_assignment FOR INSERT WITH CHECK (ggw_admin_of(org_tenant_id, org_id) AND granted_by = (SELECT ggw_actor()))`);
    await q.query(`CREATE POLICY scope_delete ON role_assignment FOR DELETE USING (ggw_admin_of(org_tenant_id, org_id))`);

    // what the application may change of a user, whoever it is, and what ends their sessions
    await q.query(`
      CREATE FUNCTION ggw_app_user_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.token_version < OLD.token_version THEN
          RAISE EXCEPTION 'a token version never goes back' USING ERRCODE = '42501';
        END IF;
        -- a user who is not an admin of their own home changes their password and nothing else
        IF current_user = 'ggw_app' AND NEW.id = ggw_actor() AND NOT ggw_admin_of(OLD.home_tenant_id, OLD.home_org_id)
           AND (NEW.disabled IS DISTINCT FROM OLD.disabled OR NEW.display_name IS DISTINCT FROM OLD.display_name OR NEW.phone IS DISTINCT FROM OLD.phone) THEN
          RAISE EXCEPTION 'users change only their own password' USING ERRCODE = '42501';
        END IF;
        IF NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.disabled IS DISTINCT FROM OLD.disabled THEN
          NEW.token_version := greatest(NEW.token_version, OLD.token_version + 1);
        END IF;
        IF NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
          NEW.password_set_at := CASE WHEN NEW.password_hash IS NULL THEN NULL ELSE now() END;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ggw_app_user_guard BEFORE UPDATE ON app_user FOR EACH ROW EXECUTE FUNCTION ggw_app_user_guard()`);
    await q.query(`
      CREATE FUNCTION ggw_role_revoked() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        UPDATE app_user u SET token_version = u.token_version + 1 WHERE u.id IN (SELECT DISTINCT user_id FROM old_rows);
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_role_revoked() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER ggw_role_revoked AFTER DELETE ON role_assignment REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_role_revoked()`);

    // audited like records: the user under their home, a role under its org; never the hash or the phone
    await q.query(`
      CREATE FUNCTION ggw_audit_people() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        actor uuid := ggw_actor();
        request text := nullif(current_setting('ggw.request_id', true), '');
        why text := nullif(current_setting('ggw.reason', true), '');
      BEGIN
        IF TG_TABLE_NAME = 'app_user' THEN
          INSERT INTO audit_event (tenant_id, org_id, record_kind, record_id, operation, actor_id, request_id, before, after)
          SELECT n.home_tenant_id, n.home_org_id, 'app_user', n.id, TG_OP, actor, request,
                 CASE WHEN o.id IS NULL THEN NULL ELSE to_jsonb(o) - 'password_hash' - 'phone' || jsonb_build_object('password_set', o.password_hash IS NOT NULL) END,
                 to_jsonb(n) - 'password_hash' - 'phone' || jsonb_build_object('password_set', n.password_hash IS NOT NULL)
            FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
           WHERE n.home_org_id IS NOT NULL
             AND (o.id IS NULL OR (to_jsonb(o) - 'token_version') IS DISTINCT FROM (to_jsonb(n) - 'token_version'));
        ELSIF TG_OP = 'INSERT' THEN
          INSERT INTO audit_event (tenant_id, org_id, record_kind, record_id, operation, actor_id, request_id, after)
          SELECT n.org_tenant_id, n.org_id, 'role_assignment', n.user_id, TG_OP, actor, request, jsonb_build_object('user_id', n.user_id, 'role', n.role)
            FROM new_rows n;
        ELSE
          INSERT INTO audit_event (tenant_id, org_id, record_kind, record_id, operation, actor_id, request_id, reason, before)
          SELECT o.org_tenant_id, o.org_id, 'role_assignment', o.user_id, TG_OP, actor, request, why, jsonb_build_object('user_id', o.user_id, 'role', o.role)
            FROM old_rows o;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_audit_people() FROM PUBLIC`);
    // (transition tables need one trigger per event; an INSERT's old_rows does not exist, so the user's insert is its own trigger)
    await q.query(`
      CREATE FUNCTION ggw_audit_user_insert() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO audit_event (tenant_id, org_id, record_kind, record_id, operation, actor_id, request_id, after)
        SELECT n.home_tenant_id, n.home_org_id, 'app_user', n.id, 'INSERT', ggw_actor(), nullif(current_setting('ggw.request_id', true), ''),
               to_jsonb(n) - 'password_hash' - 'phone' || jsonb_build_object('password_set', n.password_hash IS NOT NULL)
          FROM new_rows n WHERE n.home_org_id IS NOT NULL;
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_audit_user_insert() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER ggw_audit_insert AFTER INSERT ON app_user REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_audit_user_insert()`);
    await q.query(`CREATE TRIGGER ggw_audit_update AFTER UPDATE ON app_user REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_audit_people()`);
    await q.query(`CREATE TRIGGER ggw_audit_insert AFTER INSERT ON role_assignment REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_audit_people()`);
    await q.query(`CREATE TRIGGER ggw_audit_delete AFTER DELETE ON role_assignment REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_audit_people()`);

    // who wrote what, by name, for anyone signed in: the audit trail's and the histories' "who"
    await q.query(`CREATE VIEW app_user_name AS SELECT id, username, display_name FROM app_user`);
    await q.query(`GRANT SELECT ON app_user_name TO ggw_app`);

    // the hash leaves the database only for argon2, and only through these
    await q.query(`
      CREATE FUNCTION ggw_login_user(name text) RETURNS TABLE (id uuid, password_hash text, token_version int)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT u.id, u.password_hash, u.token_version FROM app_user u WHERE u.username = name AND NOT u.disabled AND u.password_hash IS NOT NULL $$`);
    await q.query(`
      CREATE FUNCTION ggw_actor_password_hash() RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
      $$ SELECT u.password_hash FROM app_user u WHERE u.id = ggw_actor() AND NOT u.disabled $$`);
    // activation and reset links: the link names the user and the token version it was made at;
    // setting the password raises the version, so a link works once (the API checks its signature)
    await q.query(`
      CREATE FUNCTION ggw_set_password_by_link(target uuid, version int, hash text) RETURNS int
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE raised int;
      BEGIN
        PERFORM set_config('ggw.actor', target::text, true);
        UPDATE app_user u SET password_hash = hash WHERE u.id = target AND u.token_version = version AND NOT u.disabled
        RETURNING u.token_version INTO raised;
        RETURN raised;
      END $$`);
    for (const f of ['ggw_login_user(text)', 'ggw_actor_password_hash()', 'ggw_set_password_by_link(uuid, int, text)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${f} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${f} TO ggw_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const f of ['ggw_set_password_by_link(uuid, int, text)', 'ggw_actor_password_hash()', 'ggw_login_user(text)']) await q.query(`DROP FUNCTION ${f}`);
    await q.query(`DROP VIEW app_user_name`);
    await q.query(`DROP TRIGGER ggw_audit_delete ON role_assignment`);
    await q.query(`DROP TRIGGER ggw_audit_insert ON role_assignment`);
    await q.query(`DROP TRIGGER ggw_audit_update ON app_user`);
    await q.query(`DROP TRIGGER ggw_audit_insert ON app_user`);
    await q.query(`DROP FUNCTION ggw_audit_user_insert()`);
    await q.query(`DROP FUNCTION ggw_audit_people()`);
    await q.query(`DROP TRIGGER ggw_role_revoked ON role_assignment`);
    await q.query(`DROP FUNCTION ggw_role_revoked()`);
    await q.query(`DROP TRIGGER ggw_app_user_guard ON app_user`);
    await q.query(`DROP FUNCTION ggw_app_user_guard()`);
    for (const t of ['app_user', 'role_assignment']) {
      for (const p of ['owner_all', 'scope_read', 'scope_insert', 'scope_update', 'scope_delete']) await q.query(`DROP POLICY IF EXISTS ${p} ON ${t}`);
      await q.query(`ALTER TABLE ${t} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`REVOKE ALL ON app_user, role_assignment FROM ggw_app`);
    await q.query(`GRANT SELECT ON app_user, role_assignment TO ggw_app`);
    await q.query(`DROP FUNCTION ggw_actor()`);
    await q.query(`DROP FUNCTION ggw_reader_of(uuid, uuid)`);
    await q.query(`DROP FUNCTION ggw_admin_of(uuid, uuid)`);
    await q.query(`DROP FUNCTION ggw_apply_scopes(uuid, int)`);
    await q.query(SCOPES_FROM_TENANT_ROOTS);
    await q.query(`REVOKE ALL ON FUNCTION ggw_apply_scopes(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_apply_scopes(uuid) TO ggw_app`);
    await q.query(`DROP INDEX role_assignment_org`);
    await q.query(`ALTER TABLE role_assignment DROP COLUMN granted_at, DROP COLUMN granted_by`);
    await q.query(`DROP INDEX app_user_home`);
    await q.query(`DELETE FROM app_user WHERE password_hash IS NULL`);
    await q.query(`
      ALTER TABLE app_user
        DROP COLUMN password_set_at, DROP COLUMN created_by, DROP COLUMN platform_admin, DROP COLUMN token_version,
        DROP COLUMN home_org_id, DROP COLUMN home_tenant_id, DROP COLUMN phone, DROP CONSTRAINT app_user_display_name,
        ALTER COLUMN password_hash SET NOT NULL`);
  }
}
