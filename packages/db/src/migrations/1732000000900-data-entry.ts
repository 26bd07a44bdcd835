import { MigrationInterface, QueryRunner } from 'typeorm';

/** The record tables people write through the API (frozen list: the tables there were when this ran). */
const RECORD_TABLES = ['assessment', 'guarantee', 'volunteer', 'beneficiary', 'assistance_pair', 'activity', 'donation',
  'disbursement', 'plan_target', 'article', 'reported_figure', 'report'];

/**
 * Data entry: every record carries a version (optimistic concurrency), every write to a record
 * is audited by the database in the writing transaction, and a create can be retried safely.
 *
 * - `version` starts at 1 and is raised by a trigger on every update, whoever writes: an
 *   update that names a stale version finds no row and changes nothing.
 * - `audit_event` is written only by the statement-level triggers below (SECURITY DEFINER):
 *   the app role may read it, under row-level security like the records, and write nothing.
 *   Nobody updates or deletes it, the owner included (a trigger refuses). The actor, request
 *   id and a deletion's reason come from transaction-local settings the API sets
 *   (`ggw.actor`, `ggw.request_id`, `ggw.reason`); a write without them (a loader, psql) is
 *   recorded with no actor.
 * - `client_mutation` remembers which record a user's `clientMutationId` created.
 * - an article's adoption records the level that adopted it.
 */
export class DataEntry1732000000900 implements MigrationInterface {
  name = 'DataEntry1732000000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ggw_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        RETURN NEW;
      END $$`);

    await q.query(`
      CREATE TABLE audit_event (
        tenant_id   uuid        NOT NULL,
        id          bigint      GENERATED ALWAYS AS IDENTITY,
        org_id      uuid        NOT NULL,
        record_kind text        NOT NULL,
        record_id   uuid        NOT NULL,
        operation   text        NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
        actor_id    uuid,
        request_id  text,
        at          timestamptz NOT NULL DEFAULT now(),
        reason      text,
        before      jsonb,
        after       jsonb,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX audit_event_org ON audit_event (tenant_id, org_id, id)`);
    await q.query(`CREATE INDEX audit_event_record ON audit_event (tenant_id, record_id)`);
    await q.query(`SELECT ggw_protect_table('audit_event')`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_event FROM ggw_app`);
    await q.query(`
      CREATE FUNCTION ggw_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = '42501';
      END $$`);
    await q.query(`CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION ggw_audit_append_only()`);

    // one function for every record table and operation; the row is stored whole but for its tenant
    await q.query(`
      CREATE FUNCTION ggw_audit() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        actor uuid := nullif(current_setting('ggw.actor', true), '')::uuid;
        request text := nullif(current_setting('ggw.request_id', true), '');
        why text := nullif(current_setting('ggw.reason', true), '');
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO audit_event (tenant_id, org_id, record_kind, record_id, operation, actor_id, request_id, after)
          SELECT n.tenant_id, n.org_id, TG_TABLE_NAME, n.id, TG_OP, actor, request, to_jsonb(n) - 'tenant_id' FROM new_rows n;
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO audit_event (tenant_id, org_id, record_kind, record_id, operation, actor_id, request_id, before, after)
          SELECT n.tenant_id, n.org_id, TG_TABLE_NAME, n.id, TG_OP, actor, request, to_jsonb(o) - 'tenant_id', to_jsonb(n) - 'tenant_id'
            FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id;
        ELSE
          INSERT INTO audit_event (tenant_id, org_id, record_kind, record_id, operation, actor_id, request_id, reason, before)
          SELECT o.tenant_id, o.org_id, TG_TABLE_NAME, o.id, TG_OP, actor, request, why, to_jsonb(o) - 'tenant_id' FROM old_rows o;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_audit() FROM PUBLIC`);

    for (const t of RECORD_TABLES) {
      await q.query(`ALTER TABLE ${t} ADD COLUMN version int NOT NULL DEFAULT 1 CHECK (version >= 1)`);
      // a record is addressed by its id alone (the API does not ask for its tenant)
      await q.query(`CREATE INDEX ${t}_id ON ${t} (id)`);
      await q.query(`CREATE TRIGGER ggw_version BEFORE UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION ggw_bump_version()`);
      await q.query(`CREATE TRIGGER ggw_audit_insert AFTER INSERT ON ${t} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_audit()`);
      await q.query(`CREATE TRIGGER ggw_audit_update AFTER UPDATE ON ${t} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_audit()`);
      await q.query(`CREATE TRIGGER ggw_audit_delete AFTER DELETE ON ${t} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_audit()`);
    }

    await q.query(`
      CREATE TABLE client_mutation (
        tenant_id          uuid        NOT NULL,
        user_id            uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        client_mutation_id text        NOT NULL CHECK (length(client_mutation_id) BETWEEN 1 AND 100),
        org_id             uuid        NOT NULL,
        record_kind        text        NOT NULL,
        record_id          uuid        NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, client_mutation_id),
        FOREIGN KEY (tenant_id, org_id) REFERENCES org (tenant_id, id)
      )`);
    await q.query(`SELECT ggw_protect_table('client_mutation')`);
    await q.query(`REVOKE UPDATE, DELETE ON client_mutation FROM ggw_app`);

    await q.query(`ALTER TABLE article ADD COLUMN adopted_level text CHECK (adopted_level IN ('COUNTY', 'CITY', 'PROVINCE', 'NATIONAL'))`);
    await q.query(`ALTER TABLE article ADD CONSTRAINT article_adopted_level CHECK (adopted_level IS NULL OR adopted)`);
    await q.query(`CREATE INDEX volunteer_id_number ON volunteer (tenant_id, id_number) WHERE id_number IS NOT NULL`);
    await q.query(`CREATE INDEX beneficiary_id_number ON beneficiary (tenant_id, id_number) WHERE id_number IS NOT NULL`);
    await q.query(`CREATE INDEX assistance_pair_volunteer ON assistance_pair (tenant_id, volunteer_id)`);
    // "a person's 身份证 appears once per tenant" must see the whole tenant, also for a village
    // editor who may read only their village: this counts, and reveals nothing else
    await q.query(`
      CREATE FUNCTION ggw_id_number_count(tenant uuid, person_table text, id_number text) RETURNS int
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT CASE person_table
          WHEN 'volunteer' THEN (SELECT count(*)::int FROM volunteer v WHERE v.tenant_id = tenant AND v.id_number = $3)
          WHEN 'beneficiary' THEN (SELECT count(*)::int FROM beneficiary b WHERE b.tenant_id = tenant AND b.id_number = $3)
        END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_id_number_count(uuid, text, text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_id_number_count(uuid, text, text) TO ggw_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ggw_id_number_count(uuid, text, text)`);
    await q.query(`DROP INDEX assistance_pair_volunteer`);
    await q.query(`DROP INDEX beneficiary_id_number`);
    await q.query(`DROP INDEX volunteer_id_number`);
    await q.query(`ALTER TABLE article DROP CONSTRAINT article_adopted_level`);
    await q.query(`ALTER TABLE article DROP COLUMN adopted_level`);
    await q.query(`DROP TABLE client_mutation`);
    for (const t of RECORD_TABLES) {
      await q.query(`DROP TRIGGER ggw_audit_delete ON ${t}`);
      await q.query(`DROP TRIGGER ggw_audit_update ON ${t}`);
      await q.query(`DROP TRIGGER ggw_audit_insert ON ${t}`);
      await q.query(`DROP TRIGGER ggw_version ON ${t}`);
      await q.query(`DROP INDEX ${t}_id`);
      await q.query(`ALTER TABLE ${t} DROP COLUMN version`);
    }
    await q.query(`DROP FUNCTION ggw_audit()`);
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION ggw_audit_append_only()`);
    await q.query(`DROP FUNCTION ggw_bump_version()`);
  }
}
