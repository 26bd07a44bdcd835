import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orgs created through the platform, not only loaded: by the admins of a county (townships,
 * villages, departments, schools below it) and, for a whole new county, by onboarding.
 *
 * - Codes are unique across the platform (the API addresses an org by its code alone).
 * - Every org's shape is checked by the database on insert, whoever inserts it: its parent
 *   exists, its path is the parent's path and its code, its level is the one below its parent's,
 *   and its tenant is its own id (a province, city or county) or its parent's.
 * - The application writes orgs only as an admin (ADMIN at the parent or at the tenant), never
 *   deletes one, and cannot create a tenant: a county is created, with its tree, its 五好
 *   criteria and its first admins, by `ggw_onboard_county`, for a platform admin or an admin
 *   of the city or province above it.
 * - Creating and changing orgs is in the audit trail, under the org itself.
 */
export class OrgsCreatedByAdmins1732000001600 implements MigrationInterface {
  name = 'OrgsCreatedByAdmins1732000001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX org_code`);
    await q.query(`CREATE UNIQUE INDEX org_code_unique ON org (code)`);

    await q.query(`
      CREATE FUNCTION ggw_org_shape() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        p org;
      BEGIN
        IF NEW.parent_id IS NULL THEN
          IF NEW.tenant_id <> NEW.id THEN
            RAISE EXCEPTION 'a root org is its own tenant' USING ERRCODE = '23514';
          END IF;
          RETURN NEW;
        END IF;
        SELECT * INTO p FROM org o WHERE o.id = NEW.parent_id;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'the parent of % does not exist', NEW.code USING ERRCODE = '23503';
        END IF;
        IF NEW.path <> p.path || text2ltree(NEW.code) THEN
          RAISE EXCEPTION 'the path of % is not its parent''s path and its code', NEW.code USING ERRCODE = '23514';
        END IF;
        IF NEW.level IS DISTINCT FROM (CASE p.level WHEN 'PROVINCE' THEN 'CITY' WHEN 'CITY' THEN 'COUNTY' WHEN 'COUNTY' THEN 'TOWNSHIP' WHEN 'TOWNSHIP' THEN 'VILLAGE' END) THEN
          RAISE EXCEPTION 'the level of % is not the one below its parent''s', NEW.code USING ERRCODE = '23514';
        END IF;
        IF NEW.tenant_id <> (CASE WHEN NEW.level IN ('PROVINCE', 'CITY', 'COUNTY') THEN NEW.id ELSE p.tenant_id END) THEN
          RAISE EXCEPTION 'the tenant of % is neither its own id nor its parent''s tenant', NEW.code USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ggw_org_shape BEFORE INSERT ON org FOR EACH ROW EXECUTE FUNCTION ggw_org_shape()`);

    // admins only: a new org's parent is administered by the writer, or its tenant is
    await q.query(`DROP POLICY scope_insert ON org`);
    await q.query(`DROP POLICY scope_update ON org`);
    await q.query(`DROP POLICY scope_delete ON org`);
    await q.query(`REVOKE DELETE ON org FROM ggw_app`);
    await q.query(`
      CREATE POLICY scope_insert ON org FOR INSERT WITH CHECK (
        tenant_id = ANY ((SELECT ggw_setting_uuids('ggw.admin_tenants'))::uuid[]) OR parent_id = ANY ((SELECT ggw_setting_uuids('ggw.admin_orgs'))::uuid[]))`);
    // USING stays with the writers: an entry locks its org (SELECT … FOR UPDATE needs it); changing one is for admins
    await q.query(`
      CREATE POLICY scope_update ON org FOR UPDATE
        USING (tenant_id = ANY ((SELECT ggw_setting_uuids('ggw.write_tenants'))::uuid[]) OR id = ANY ((SELECT ggw_setting_uuids('ggw.write_orgs'))::uuid[]))
        WITH CHECK (ggw_admin_of(tenant_id, id))`);

    await q.query(`
      CREATE FUNCTION ggw_audit_org() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO audit_event (tenant_id, org_id, record_kind, record_id, operation, actor_id, request_id, after)
          SELECT n.tenant_id, n.id, 'org', n.id, TG_OP, ggw_actor(), nullif(current_setting('ggw.request_id', true), ''), to_jsonb(n) - 'tenant_id' - 'path'
            FROM new_rows n;
        ELSE
          INSERT INTO audit_event (tenant_id, org_id, record_kind, record_id, operation, actor_id, request_id, reason, before, after)
          SELECT n.tenant_id, n.id, 'org', n.id, TG_OP, ggw_actor(), nullif(current_setting('ggw.request_id', true), ''), nullif(current_setting('ggw.reason', true), ''),
                 to_jsonb(o) - 'tenant_id' - 'path', to_jsonb(n) - 'tenant_id' - 'path'
            FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
           WHERE to_jsonb(o) - 'path' IS DISTINCT FROM to_jsonb(n) - 'path';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_audit_org() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER ggw_audit_insert AFTER INSERT ON org REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_audit_org()`);
    await q.query(`CREATE TRIGGER ggw_audit_update AFTER UPDATE ON org REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_audit_org()`);

    // A new county with its tree, its criteria and its first admins, in one call (the API has
    // checked the workbook; this checks the rights and lets the shape trigger check the tree).
    // orgs: [{id, code, name, type, parentCode, foundedOn}], parents before children, exactly one
    // county (whose parent is parent_code); criteria: [{key, name}]; admins: [{id, username,
    // displayName, phone, orgCode}], each made ADMIN at its org.
    await q.query(`
      CREATE FUNCTION ggw_onboard_county(parent_code text, orgs jsonb, criteria jsonb, admins jsonb) RETURNS uuid
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        above org;
        p org;
        x record;
        county uuid;
        lvl text;
      BEGIN
        SELECT * INTO above FROM org o WHERE o.code = parent_code AND o.level IN ('PROVINCE', 'CITY');
        IF NOT FOUND THEN
          RAISE EXCEPTION 'no province or city %', parent_code USING ERRCODE = '23503';
        END IF;
        IF NOT (current_setting('ggw.platform_admin', true) = 'on' OR above.tenant_id = ANY (ggw_setting_uuids('ggw.admin_tenants'))) THEN
          RAISE EXCEPTION 'only a platform admin or an admin of % onboards a county below it', parent_code USING ERRCODE = '42501';
        END IF;
        FOR x IN SELECT * FROM jsonb_to_recordset(orgs) AS r(id uuid, code text, name text, type text, "parentCode" text, "foundedOn" date) LOOP
          SELECT * INTO p FROM org o WHERE o.code = x."parentCode";
          IF NOT FOUND OR NOT (p.id = above.id OR p.tenant_id = county) OR (p.id = above.id AND county IS NOT NULL) THEN
            RAISE EXCEPTION 'the parent % of % is not in the new county', x."parentCode", x.code USING ERRCODE = '23503';
          END IF;
          lvl := CASE p.level WHEN 'PROVINCE' THEN 'CITY' WHEN 'CITY' THEN 'COUNTY' WHEN 'COUNTY' THEN 'TOWNSHIP' WHEN 'TOWNSHIP' THEN 'VILLAGE' END;
          IF lvl = 'COUNTY' THEN county := x.id; END IF;
          INSERT INTO org (tenant_id, id, parent_id, path, level, type, code, name, founded_on)
          VALUES (county, x.id, p.id, p.path || text2ltree(x.code), lvl, x.type, x.code, x.name, x."foundedOn");
        END LOOP;
        IF county IS NULL THEN
          RAISE EXCEPTION 'no county in the tree' USING ERRCODE = '23514';
        END IF;
        INSERT INTO assessment_criterion (tenant_id, key, name, position)
        SELECT county, c.key, c.name, c.ord::int FROM ROWS FROM (jsonb_to_recordset(criteria) AS (key text, name text)) WITH ORDINALITY AS c(key, name, ord);
        INSERT INTO app_user (id, username, display_name, phone, home_tenant_id, home_org_id, created_by)
        SELECT a.id, a.username, a."displayName", a.phone, county, o.id, ggw_actor()
          FROM jsonb_to_recordset(admins) AS a(id uuid, username text, "displayName" text, phone text, "orgCode" text)
          JOIN org o ON o.code = a."orgCode" AND o.tenant_id = county;
        INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role, granted_by)
        SELECT a.id, county, o.id, 'ADMIN', ggw_actor()
          FROM jsonb_to_recordset(admins) AS a(id uuid, "orgCode" text)
          JOIN org o ON o.code = a."orgCode" AND o.tenant_id = county;
        RETURN county;
      END $$`);
    // which of these org codes and usernames exist anywhere (unique platform-wide): for admins checking a workbook
    await q.query(`
      CREATE FUNCTION ggw_taken(codes text[], usernames text[]) RETURNS TABLE (kind text, value text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT 'code', o.code FROM org o
         WHERE o.code = ANY (codes) AND (current_setting('ggw.platform_admin', true) = 'on' OR cardinality(ggw_setting_uuids('ggw.admin_tenants')) > 0 OR cardinality(ggw_setting_uuids('ggw.admin_orgs')) > 0)
        UNION ALL
        SELECT 'username', u.username FROM app_user u
         WHERE u.username = ANY (usernames) AND (current_setting('ggw.platform_admin', true) = 'on' OR cardinality(ggw_setting_uuids('ggw.admin_tenants')) > 0 OR cardinality(ggw_setting_uuids('ggw.admin_orgs')) > 0)
      $$`);
    // the city or province a county is onboarded below: for a platform admin (who reads no org) or an admin of it
    await q.query(`
      CREATE FUNCTION ggw_onboarding_parent(parent_code text) RETURNS TABLE (code text, name text, level text, founded_on date, path text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT o.code, o.name, o.level, o.founded_on, o.path::text FROM org o
         WHERE o.code = parent_code
           AND (current_setting('ggw.platform_admin', true) = 'on' OR o.tenant_id = ANY (ggw_setting_uuids('ggw.admin_tenants')))
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_onboarding_parent(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_onboarding_parent(text) TO ggw_app`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_taken(text[], text[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_taken(text[], text[]) TO ggw_app`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_onboard_county(text, jsonb, jsonb, jsonb) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_onboard_county(text, jsonb, jsonb, jsonb) TO ggw_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ggw_onboard_county(text, jsonb, jsonb, jsonb)`);
    await q.query(`DROP FUNCTION ggw_taken(text[], text[])`);
    await q.query(`DROP FUNCTION ggw_onboarding_parent(text)`);
    await q.query(`DROP TRIGGER ggw_audit_update ON org`);
    await q.query(`DROP TRIGGER ggw_audit_insert ON org`);
    await q.query(`DROP FUNCTION ggw_audit_org()`);
    await q.query(`DROP POLICY scope_update ON org`);
    await q.query(`DROP POLICY scope_insert ON org`);
    await q.query(`GRANT DELETE ON org TO ggw_app`);
    const writable = `tenant_id = ANY ((SELECT ggw_setting_uuids('ggw.write_tenants'))::uuid[]) OR id = ANY ((SELECT ggw_setting_uuids('ggw.write_orgs'))::uuid[])`;
    await q.query(`CREATE POLICY scope_insert ON org FOR INSERT WITH CHECK (${writable})`);
    await q.query(`CREATE POLICY scope_update ON org FOR UPDATE USING (${writable}) WITH CHECK (${writable})`);
    await q.query(`CREATE POLICY scope_delete ON org FOR DELETE USING (${writable})`);
    await q.query(`DROP TRIGGER ggw_org_shape ON org`);
    await q.query(`DROP FUNCTION ggw_org_shape()`);
    await q.query(`DROP INDEX org_code_unique`);
    await q.query(`CREATE INDEX org_code ON org (code)`);
  }
}
