import { MigrationInterface, QueryRunner } from 'typeorm';

/** ggw_approved_apply as 1732000001300 left it (frozen text, for down). */
const APPROVED_APPLY_BY_TODAYS_TREE = `
      CREATE OR REPLACE FUNCTION ggw_approved_apply(tenants uuid[], orgs uuid[], periods text[], frozen jsonb[], sign int) RETURNS void
      LANGUAGE sql SET search_path = public, pg_temp AS $$
        WITH changes AS (SELECT * FROM unnest(tenants, orgs, periods, frozen) AS c(tenant_id, org_id, period, frozen)),
        spread AS (
          SELECT a.tenant_id, a.id AS org_id, c.period, kv.key, sum(sign * kv.value::numeric) AS v
            FROM changes c JOIN org o ON o.tenant_id = c.tenant_id AND o.id = c.org_id
            CROSS JOIN LATERAL generate_series(1, nlevel(o.path)) AS i
            JOIN org a ON a.path = subpath(o.path, 0, i)
            CROSS JOIN LATERAL jsonb_each_text(c.frozen) AS kv
           GROUP BY 1, 2, 3, 4)
        INSERT INTO approved_subtree (tenant_id, org_id, period, sums)
        SELECT tenant_id, org_id, period, jsonb_object_agg(key, v) FROM spread GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (tenant_id, org_id, period) DO UPDATE SET sums = ggw_jsonb_add(approved_subtree.sums, excluded.sums, 1) $$`;

/**
 * A hierarchy that changes over time without rewriting history.
 *
 * - `org_link`: an org's place in the tree is a dated relation [valid_from, valid_to) to its
 *   parent (the loaded tree has always been so: from -infinity; the current link has no end). `org.parent_id` and
 *   `org.path` stay the tree as it is today: access, lists and the subtree aggregates follow it.
 * - `org_name`: names are dated the same way (a rename adds a row from its day).
 * - `org_history_reach`: for every org whose chain of parents has ever changed, every org that
 *   has been above it at some time, with the days it was. A roll-up of a target with such rows is corrected from the
 *   own sums of those orgs, so that figures follow the tree as it was (`packages/rollup`); every
 *   other target (nearly all) reads its aggregates as before. Rebuilt for the tenant by each move.
 * - `ggw_move_org(org, new parent, day)` moves a subtree inside its county: it closes the old
 *   link and opens the new one, rewrites today's paths (the aggregate triggers shift the
 *   subtree's sums), moves the approved figures of periods ending after the day, and rebuilds
 *   the reach. APPROVED figures follow the tree at each period's end from then on.
 */
export class DatedHierarchy1732000001700 implements MigrationInterface {
  name = 'DatedHierarchy1732000001700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_link (
        tenant_id  uuid NOT NULL,
        org_id     uuid NOT NULL,
        parent_id  uuid NOT NULL,
        valid_from date NOT NULL DEFAULT '-infinity',
        valid_to   date,
        PRIMARY KEY (tenant_id, org_id, valid_from),
        -- (the application never deletes an org; an owner's deletion takes its history along)
        FOREIGN KEY (tenant_id, org_id) REFERENCES org (tenant_id, id) ON DELETE CASCADE,
        CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(`CREATE INDEX org_link_org ON org_link (org_id, valid_from)`);
    await q.query(`CREATE INDEX org_link_parent ON org_link (parent_id)`);
    await q.query(`CREATE UNIQUE INDEX org_link_current ON org_link (org_id) WHERE valid_to IS NULL`);
    await q.query(`
      CREATE TABLE org_name (
        tenant_id  uuid NOT NULL,
        org_id     uuid NOT NULL,
        valid_from date NOT NULL DEFAULT '-infinity',
        name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        PRIMARY KEY (tenant_id, org_id, valid_from),
        FOREIGN KEY (tenant_id, org_id) REFERENCES org (tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE org_history_reach (
        tenant_id   uuid           NOT NULL,
        ancestor_id uuid           NOT NULL,
        org_id      uuid           NOT NULL,
        -- the days on which the ancestor was above the org
        days        datemultirange NOT NULL,
        PRIMARY KEY (tenant_id, ancestor_id, org_id)
      )`);
    for (const t of ['org_link', 'org_name', 'org_history_reach']) await q.query(`SELECT ggw_protect_table('${t}')`);
    // written by the definer functions below and the org trigger only
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON org_link, org_history_reach FROM ggw_app`);
    await q.query(`REVOKE UPDATE, DELETE ON org_name FROM ggw_app`);

    await q.query(`INSERT INTO org_link (tenant_id, org_id, parent_id) SELECT tenant_id, id, parent_id FROM org WHERE parent_id IS NOT NULL`);
    await q.query(`INSERT INTO org_name (tenant_id, org_id, name) SELECT tenant_id, id, name FROM org`);
    // a new org's first link and name come with it, whoever inserts it; a parent or name changed in
    // place without a dated change first (not by ggw_move_org or ggw_rename_org: an owner's
    // correction) corrects the current link or name in place
    await q.query(`
      CREATE FUNCTION ggw_org_dated_rows() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO org_link (tenant_id, org_id, parent_id) SELECT n.tenant_id, n.id, n.parent_id FROM new_rows n WHERE n.parent_id IS NOT NULL;
          INSERT INTO org_name (tenant_id, org_id, name) SELECT n.tenant_id, n.id, n.name FROM new_rows n;
        ELSE
          UPDATE org_link l SET parent_id = n.parent_id FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
           WHERE l.tenant_id = n.tenant_id AND l.org_id = n.id AND l.valid_to IS NULL AND n.parent_id IS DISTINCT FROM o.parent_id
             AND l.parent_id IS DISTINCT FROM n.parent_id AND n.parent_id IS NOT NULL;
          UPDATE org_name x SET name = n.name FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
           WHERE x.tenant_id = n.tenant_id AND x.org_id = n.id AND n.name <> o.name AND x.name <> n.name
             AND x.valid_from = (SELECT max(y.valid_from) FROM org_name y WHERE y.tenant_id = n.tenant_id AND y.org_id = n.id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_org_dated_rows() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER ggw_org_dated_rows AFTER INSERT ON org REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_org_dated_rows()`);
    await q.query(`CREATE TRIGGER ggw_org_dated_rows_update AFTER UPDATE ON org REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_org_dated_rows()`);

    // the orgs above `o` on day `day`, nearest first (itself not included)
    await q.query(`
      CREATE FUNCTION ggw_ancestors_at(o uuid, day date) RETURNS TABLE (id uuid, depth int) LANGUAGE sql STABLE AS $$
        WITH RECURSIVE up(id, depth) AS (
          SELECT l.parent_id, 1 FROM org_link l WHERE l.org_id = o AND l.valid_from <= day AND (l.valid_to IS NULL OR l.valid_to > day)
          UNION ALL
          SELECT l.parent_id, up.depth + 1 FROM up JOIN org_link l ON l.org_id = up.id AND l.valid_from <= day AND (l.valid_to IS NULL OR l.valid_to > day)
           WHERE up.depth < 10)
        SELECT id, depth FROM up $$`);
    await q.query(`
      CREATE FUNCTION ggw_period_last_day(period text) RETURNS date LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN period LIKE '%Q%' THEN (make_date(left(period, 4)::int, right(period, 1)::int * 3, 1) + interval '1 month' - interval '1 day')::date
                    WHEN length(period) = 4 THEN make_date(period::int, 12, 31)
                    ELSE ((period || '-01')::date + interval '1 month' - interval '1 day')::date END $$`);

    // approved figures go to the orgs above the report's org at the end of its period
    await q.query(`
      CREATE OR REPLACE FUNCTION ggw_approved_apply(tenants uuid[], orgs uuid[], periods text[], frozen jsonb[], sign int) RETURNS void
      LANGUAGE sql SET search_path = public, pg_temp AS $$
        WITH changes AS (SELECT * FROM unnest(tenants, orgs, periods, frozen) AS c(tenant_id, org_id, period, frozen)),
        spread AS (
          SELECT a.id AS org_id, c.period, kv.key, sum(sign * kv.value::numeric) AS v
            FROM changes c
            CROSS JOIN LATERAL (SELECT c.org_id AS id UNION ALL SELECT x.id FROM ggw_ancestors_at(c.org_id, ggw_period_last_day(c.period)) x) a
            CROSS JOIN LATERAL jsonb_each_text(c.frozen) AS kv
           GROUP BY 1, 2, 3)
        -- each org above in its own tenant (a city's, a province's)
        INSERT INTO approved_subtree (tenant_id, org_id, period, sums)
        SELECT a.tenant_id, s.org_id, s.period, jsonb_object_agg(s.key, s.v) FROM spread s
          JOIN org a ON a.id = s.org_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (tenant_id, org_id, period) DO UPDATE SET sums = ggw_jsonb_add(approved_subtree.sums, excluded.sums, 1) $$`);

    // rebuilds the reach of a tenant: every org below a moved one, with every org above it at any
    // time and the days it was (the intersections of the dated links up the chain)
    await q.query(`
      CREATE FUNCTION ggw_rebuild_history_reach(tenant uuid) RETURNS void LANGUAGE sql SET search_path = public, pg_temp AS $$
        DELETE FROM org_history_reach WHERE tenant_id = tenant;
        WITH RECURSIVE moved AS (
          SELECT DISTINCT o.id, o.path FROM org_link l JOIN org o ON o.tenant_id = l.tenant_id AND o.id = l.org_id
           WHERE l.tenant_id = tenant AND l.valid_to IS NOT NULL),
        members AS (SELECT DISTINCT d.id FROM moved m JOIN org d ON d.tenant_id = tenant AND d.path <@ m.path),
        links AS (SELECT l.org_id, l.parent_id, daterange(nullif(l.valid_from, '-infinity'), l.valid_to) AS days FROM org_link l WHERE l.tenant_id = tenant),
        up(org_id, ancestor_id, days, depth) AS (
          SELECT m.id, l.parent_id, l.days, 1 FROM members m JOIN links l ON l.org_id = m.id
          UNION ALL
          SELECT up.org_id, l.parent_id, up.days * l.days, up.depth + 1 FROM up JOIN links l ON l.org_id = up.ancestor_id AND l.days && up.days
           WHERE up.depth < 10)
        INSERT INTO org_history_reach (tenant_id, ancestor_id, org_id, days)
        SELECT tenant, ancestor_id, org_id, range_agg(days) FROM up GROUP BY ancestor_id, org_id $$`);

    await q.query(`
      CREATE FUNCTION ggw_move_org(moved uuid, new_parent uuid, day date, rebuild boolean DEFAULT true) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        o org;
        p org;
        new_path ltree;
        approved record;
      BEGIN
        SELECT * INTO o FROM org WHERE id = moved FOR UPDATE;
        SELECT * INTO p FROM org WHERE id = new_parent;
        IF o.id IS NULL OR p.id IS NULL OR p.tenant_id <> o.tenant_id OR o.parent_id IS NULL OR p.path <@ o.path THEN
          RAISE EXCEPTION 'an org moves below another org of its county, never below itself' USING ERRCODE = '23514';
        END IF;
        IF NOT (ggw_admin_of(o.tenant_id, o.parent_id) AND ggw_admin_of(p.tenant_id, p.id)) THEN
          RAISE EXCEPTION 'only an admin of both parents moves an org' USING ERRCODE = '42501';
        END IF;
        IF EXISTS (SELECT 1 FROM org_link l WHERE l.org_id = moved AND l.valid_to IS NULL AND l.valid_from >= day) THEN
          RAISE EXCEPTION 'a move is dated after the org''s last move' USING ERRCODE = '23514';
        END IF;
        -- approved figures of the periods ending on or after the day: off the old chain, then (below) onto the new one
        SELECT array_agg(r.tenant_id) AS t, array_agg(r.org_id) AS o, array_agg(r.period) AS p, array_agg(r.frozen) AS f INTO approved
          FROM report r JOIN org d ON d.tenant_id = r.tenant_id AND d.id = r.org_id
         WHERE d.tenant_id = o.tenant_id AND d.path <@ o.path AND r.status = 'APPROVED' AND r.frozen IS NOT NULL AND ggw_period_last_day(r.period) >= day;
        IF approved.t IS NOT NULL THEN PERFORM ggw_approved_apply(approved.t, approved.o, approved.p, approved.f, -1); END IF;

        UPDATE org_link SET valid_to = day WHERE org_id = moved AND valid_to IS NULL;
        INSERT INTO org_link (tenant_id, org_id, parent_id, valid_from) VALUES (o.tenant_id, moved, new_parent, day);
        -- today's tree: the subtree's paths in one statement (the aggregate trigger shifts its sums)
        new_path := p.path || text2ltree(o.code);
        UPDATE org d SET parent_id = CASE WHEN d.id = moved THEN new_parent ELSE d.parent_id END,
                         path = CASE WHEN d.id = moved THEN new_path ELSE new_path || subpath(d.path, nlevel(o.path)) END
         WHERE d.tenant_id = o.tenant_id AND d.path <@ o.path;

        IF approved.t IS NOT NULL THEN PERFORM ggw_approved_apply(approved.t, approved.o, approved.p, approved.f, 1); END IF;
        -- (a merger moves many villages, then rebuilds once)
        IF rebuild THEN PERFORM ggw_rebuild_history_reach(o.tenant_id); END IF;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_move_org(uuid, uuid, date, boolean) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_move_org(uuid, uuid, date, boolean) TO ggw_app`);

    // 撤乡并镇's last step: from the day on, the merged org (its children moved away already) is
    // dissolved and linked below the org it merged into. Today's tree keeps it where it was (it
    // is gone); the dated tree puts what it was below its successor, so the successor's previous
    // years, compared like for like, include it.
    await q.query(`
      CREATE FUNCTION ggw_merge_org(merged uuid, successor uuid, day date) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        o org;
        p org;
      BEGIN
        SELECT * INTO o FROM org WHERE id = merged FOR UPDATE;
        SELECT * INTO p FROM org WHERE id = successor;
        IF o.id IS NULL OR p.id IS NULL OR p.tenant_id <> o.tenant_id OR o.parent_id IS DISTINCT FROM p.parent_id OR o.id = p.id
           OR o.dissolved_on IS NOT NULL OR day <= o.founded_on THEN
          RAISE EXCEPTION 'an org merges into a sibling, once, after it was founded' USING ERRCODE = '23514';
        END IF;
        IF NOT (ggw_admin_of(o.tenant_id, o.id) AND ggw_admin_of(p.tenant_id, p.id)) THEN
          RAISE EXCEPTION 'only an admin of both merges them' USING ERRCODE = '42501';
        END IF;
        IF EXISTS (SELECT 1 FROM org c WHERE c.parent_id = merged AND (c.dissolved_on IS NULL OR c.dissolved_on > day)) THEN
          RAISE EXCEPTION 'the merged org still has children' USING ERRCODE = '23514';
        END IF;
        UPDATE org_link SET valid_to = day WHERE org_id = merged AND valid_to IS NULL;
        INSERT INTO org_link (tenant_id, org_id, parent_id, valid_from) VALUES (o.tenant_id, merged, successor, day);
        UPDATE org SET dissolved_on = day WHERE id = merged;
        PERFORM ggw_rebuild_history_reach(o.tenant_id);
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_merge_org(uuid, uuid, date) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_merge_org(uuid, uuid, date) TO ggw_app`);

    // a rename from a day on: earlier periods keep the earlier name
    await q.query(`
      CREATE FUNCTION ggw_rename_org(target uuid, new_name text, day date) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        o org;
      BEGIN
        SELECT * INTO o FROM org WHERE id = target FOR UPDATE;
        IF o.id IS NULL OR NOT ggw_admin_of(o.tenant_id, o.id) THEN
          RAISE EXCEPTION 'only an admin of the org renames it' USING ERRCODE = '42501';
        END IF;
        IF EXISTS (SELECT 1 FROM org_name n WHERE n.org_id = target AND n.valid_from >= day) THEN
          RAISE EXCEPTION 'a rename is dated after the org''s last rename' USING ERRCODE = '23514';
        END IF;
        INSERT INTO org_name (tenant_id, org_id, valid_from, name) VALUES (o.tenant_id, target, day, new_name);
        UPDATE org SET name = new_name WHERE id = target;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_rename_org(uuid, text, date) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_rename_org(uuid, text, date) TO ggw_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ggw_rename_org(uuid, text, date)`);
    await q.query(`DROP FUNCTION ggw_merge_org(uuid, uuid, date)`);
    await q.query(`DROP FUNCTION ggw_move_org(uuid, uuid, date, boolean)`);
    await q.query(`DROP FUNCTION ggw_rebuild_history_reach(uuid)`);
    await q.query(APPROVED_APPLY_BY_TODAYS_TREE);
    await q.query(`DROP FUNCTION ggw_period_last_day(text)`);
    await q.query(`DROP FUNCTION ggw_ancestors_at(uuid, date)`);
    await q.query(`DROP TRIGGER ggw_org_dated_rows_update ON org`);
    await q.query(`DROP TRIGGER ggw_org_dated_rows ON org`);
    await q.query(`DROP FUNCTION ggw_org_dated_rows()`);
    await q.query(`DROP TABLE org_history_reach`);
    await q.query(`DROP TABLE org_name`);
    await q.query(`DROP TABLE org_link`);
  }
}
