import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The end of the reporting cycle:
 *
 * - a report keeps the org's own figures as they were at submission (`frozen`, read from
 *   `rollup_own`, which the application role may now read), and its first
 *   submission time (`first_submitted_at`, what "on time" is measured by);
 * - `ggw_report_due_at`: when an org's report for a period is due, from its tenant's calendar;
 * - `approved_subtree`: the APPROVED figures of every org and period, kept by a trigger on report;
 * - `period_close`: a county (or city) closes a period once every report below it is approved;
 *   from then on no record of that period in its subtree can change, for any writer as the
 *   application role, until an admin reopens it (the row stays, with who reopened it and why);
 * - `notification`: a user's in-app messages (催报 reminders), readable only by that user, and
 *   written only by `ggw_send_report_reminders()`, which the scheduler calls once a day.
 */

/** Migration 1100's row trigger function of the lock (what `down` puts back). */
function reportLockFunctionSql(): string {
  return `
      CREATE OR REPLACE FUNCTION ggw_check_report_lock() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        r record;
        row_json jsonb;
        col text;
        value text;
        day date;
        held record;
      BEGIN
        -- only the application role is held; the owner loads and repairs
        IF session_user <> 'ggw_app' THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        FOR r IN SELECT * FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END), (CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END)) v(j) WHERE j IS NOT NULL
        LOOP
          row_json := r.j;
          FOREACH col IN ARRAY TG_ARGV LOOP
            value := row_json ->> col;
            CONTINUE WHEN value IS NULL;
            day := CASE col WHEN 'year' THEN make_date(value::int, 1, 1) WHEN 'period' THEN lower(ggw_period_range(value)) ELSE value::date END;
            SELECT p.period, p.status INTO held FROM report p
             WHERE p.tenant_id = (row_json ->> 'tenant_id')::uuid AND p.org_id = (row_json ->> 'org_id')::uuid
               AND p.status IN ('SUBMITTED', 'APPROVED') AND ggw_period_range(p.period) @> day
             LIMIT 1;
            IF FOUND THEN
              RAISE EXCEPTION 'report of % is %: its records are read-only', held.period, held.status
                USING ERRCODE = 'GG001', DETAIL = json_build_object('period', held.period, 'status', held.status)::text;
            END IF;
          END LOOP;
        END LOOP;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`;
}

export class ClosingAndReminders1732000001300 implements MigrationInterface {
  name = 'ClosingAndReminders1732000001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report ADD COLUMN first_submitted_at timestamptz, ADD COLUMN frozen jsonb`);
    await q.query(`UPDATE report SET first_submitted_at = submitted_at`);
    // a submission freezes the org's own figures, read from its own sums (under row-level security)
    await q.query(`GRANT SELECT ON rollup_own TO ggw_app`);
    await q.query(`ALTER TABLE export_schedule ADD COLUMN figure_state text NOT NULL DEFAULT 'LIVE' CHECK (figure_state IN ('LIVE', 'APPROVED'))`);
    await q.query(`ALTER TABLE export_job ADD COLUMN figure_state text NOT NULL DEFAULT 'LIVE' CHECK (figure_state IN ('LIVE', 'APPROVED'))`);

    // the end of the day `period end + offset` in Beijing time; null without a calendar entry
    await q.query(`
      CREATE FUNCTION ggw_report_due_at(tenant uuid, org_level text, period text) RETURNS timestamptz
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT ((upper(ggw_period_range(period)) + d.due_offset_days + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
          FROM report_deadline d
         WHERE d.tenant_id = tenant AND d.level = org_level
           AND d.period_kind = CASE WHEN period ~ '^[0-9]{4}$' THEN 'YEAR' WHEN period ~ 'Q' THEN 'QUARTER' ELSE 'MONTH' END $$`);

    await q.query(`
      CREATE TABLE period_close (
        tenant_id     uuid        NOT NULL,
        id            uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id        uuid        NOT NULL,
        period        text        NOT NULL CHECK (period ~ '^[0-9]{4}(Q[1-4]|-[0-9]{2})?$'),
        closed_at     timestamptz NOT NULL DEFAULT now(),
        closed_by     uuid        REFERENCES app_user (id),
        reopened_at   timestamptz,
        reopened_by   uuid        REFERENCES app_user (id),
        reopen_reason text,
        version       int         NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, org_id) REFERENCES org (tenant_id, id),
        CHECK ((reopened_at IS NULL) = (reopen_reason IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX period_close_open ON period_close (tenant_id, org_id, period) WHERE reopened_at IS NULL`);
    await q.query(`CREATE INDEX period_close_period ON period_close (period) WHERE reopened_at IS NULL`);
    // APPROVED figures, kept as the approvals happen: for every org and period, the sum of the
    // frozen figures of the approved reports in its subtree (metric key → value). A report
    // entering or leaving APPROVED adds or takes away its frozen figures at its org and every
    // org above (a few rows), so a county's or a province's APPROVED figures are one row read.
    await q.query(`
      CREATE TABLE approved_subtree (
        tenant_id uuid  NOT NULL,
        org_id    uuid  NOT NULL,
        period    text  NOT NULL,
        sums      jsonb NOT NULL,
        PRIMARY KEY (tenant_id, org_id, period)
      )`);
    await q.query(`SELECT ggw_protect_table('approved_subtree')`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON approved_subtree FROM ggw_app`);
    await q.query(`
      CREATE FUNCTION ggw_jsonb_add(a jsonb, b jsonb, sign int) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(jsonb_object_agg(k, coalesce((a ->> k)::numeric, 0) + sign * coalesce((b ->> k)::numeric, 0)), '{}'::jsonb)
          FROM (SELECT jsonb_object_keys(coalesce(a, '{}')) UNION SELECT jsonb_object_keys(coalesce(b, '{}'))) ks(k) $$`);
    // adds sign × each report's frozen figures to its org and every org above, one row per
    // (org, period) for the whole statement, in key order (writers lock rows in one order)
    await q.query(`
      CREATE FUNCTION ggw_approved_apply(tenants uuid[], orgs uuid[], periods text[], frozen jsonb[], sign int) RETURNS void
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
        ON CONFLICT (tenant_id, org_id, period) DO UPDATE SET sums = ggw_jsonb_add(approved_subtree.sums, excluded.sums, 1) $$`);
    await q.query(`
      CREATE FUNCTION ggw_approved_on_report() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          -- only the rows whose approval or frozen figures changed
          PERFORM ggw_approved_apply(array_agg(o.tenant_id), array_agg(o.org_id), array_agg(o.period), array_agg(o.frozen), -1)
            FROM old_rows o JOIN new_rows n ON n.tenant_id = o.tenant_id AND n.id = o.id
           WHERE o.status = 'APPROVED' AND o.frozen IS NOT NULL AND (n.status, n.frozen) IS DISTINCT FROM (o.status, o.frozen) HAVING count(*) > 0;
          PERFORM ggw_approved_apply(array_agg(n.tenant_id), array_agg(n.org_id), array_agg(n.period), array_agg(n.frozen), 1)
            FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
           WHERE n.status = 'APPROVED' AND n.frozen IS NOT NULL AND (n.status, n.frozen) IS DISTINCT FROM (o.status, o.frozen) HAVING count(*) > 0;
        ELSIF TG_OP = 'INSERT' THEN
          PERFORM ggw_approved_apply(array_agg(n.tenant_id), array_agg(n.org_id), array_agg(n.period), array_agg(n.frozen), 1)
            FROM new_rows n WHERE n.status = 'APPROVED' AND n.frozen IS NOT NULL HAVING count(*) > 0;
        ELSE
          PERFORM ggw_approved_apply(array_agg(o.tenant_id), array_agg(o.org_id), array_agg(o.period), array_agg(o.frozen), -1)
            FROM old_rows o WHERE o.status = 'APPROVED' AND o.frozen IS NOT NULL HAVING count(*) > 0;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_approved_on_report() FROM PUBLIC`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_approved_apply(uuid[], uuid[], text[], jsonb[], int) FROM PUBLIC`);
    await q.query(`CREATE TRIGGER ggw_approved_insert AFTER INSERT ON report REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_approved_on_report()`);
    await q.query(`CREATE TRIGGER ggw_approved_update AFTER UPDATE ON report REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_approved_on_report()`);
    await q.query(`CREATE TRIGGER ggw_approved_delete AFTER DELETE ON report REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_approved_on_report()`);

    await q.query(`SELECT ggw_protect_table('period_close')`);
    // closing and reopening are an admin's: editors of the county may not, even in SQL
    const admin = `tenant_id = ANY ((SELECT ggw_setting_uuids('ggw.admin_tenants'))::uuid[])`;
    await q.query(`ALTER POLICY scope_insert ON period_close WITH CHECK (${admin})`);
    await q.query(`ALTER POLICY scope_update ON period_close USING (${admin}) WITH CHECK (${admin})`);
    await q.query(`REVOKE DELETE ON period_close FROM ggw_app`);
    await q.query(`CREATE TRIGGER ggw_version BEFORE UPDATE ON period_close FOR EACH ROW EXECUTE FUNCTION ggw_bump_version()`);
    await q.query(`CREATE TRIGGER ggw_audit_insert AFTER INSERT ON period_close REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_audit()`);
    await q.query(`CREATE TRIGGER ggw_audit_update AFTER UPDATE ON period_close REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ggw_audit()`);

    // the record lock also holds what a closed period covers: the closing org's whole subtree
    // what holds the records of an org, in one place: the periods of its submitted or approved
    // reports and of closures above it. The trigger below asks for a day (a closure named first:
    // the wider hold), an import's dry run for an org's periods once. Definer: a village's editor
    // cannot read its county's closure, but is told of it.
    await q.query(`
      CREATE FUNCTION ggw_record_locks(tenant uuid, org uuid) RETURNS TABLE (days daterange, held jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT ggw_period_range(c.period), jsonb_build_object('period', c.period, 'status', 'CLOSED', 'closedBy', a.name)
          FROM period_close c JOIN org a ON a.tenant_id = c.tenant_id AND a.id = c.org_id
          JOIN org o ON o.tenant_id = tenant AND o.id = org
         WHERE c.reopened_at IS NULL AND a.path @> o.path
        UNION ALL
        SELECT ggw_period_range(p.period), jsonb_build_object('period', p.period, 'status', p.status) FROM report p
         WHERE p.tenant_id = tenant AND p.org_id = org AND p.status IN ('SUBMITTED', 'APPROVED') $$`);
    await q.query(`
      CREATE FUNCTION ggw_record_lock(tenant uuid, org uuid, day date) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT l.held FROM ggw_record_locks(tenant, org) l WHERE l.days @> day ORDER BY l.held ->> 'status' = 'CLOSED' DESC LIMIT 1 $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_record_locks(uuid, uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_record_locks(uuid, uuid) TO ggw_app`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_record_lock(uuid, uuid, date) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_record_lock(uuid, uuid, date) TO ggw_app`);
    await q.query(`
      CREATE OR REPLACE FUNCTION ggw_check_report_lock() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        r record;
        col text;
        value text;
        day date;
        held jsonb;
      BEGIN
        -- only the application role is held; the owner loads and repairs
        IF session_user <> 'ggw_app' THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        FOR r IN SELECT * FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END), (CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END)) v(j) WHERE j IS NOT NULL
        LOOP
          FOREACH col IN ARRAY TG_ARGV LOOP
            value := r.j ->> col;
            CONTINUE WHEN value IS NULL;
            day := CASE col WHEN 'year' THEN make_date(value::int, 1, 1) WHEN 'period' THEN lower(ggw_period_range(value)) ELSE value::date END;
            held := ggw_record_lock((r.j ->> 'tenant_id')::uuid, (r.j ->> 'org_id')::uuid, day);
            IF held IS NOT NULL THEN
              RAISE EXCEPTION 'records of % are read-only (%)', held ->> 'period', held ->> 'status' USING ERRCODE = 'GG001', DETAIL = held::text;
            END IF;
          END LOOP;
        END LOOP;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);

    await q.query(`
      CREATE TABLE notification (
        tenant_id  uuid        NOT NULL,
        id         uuid        NOT NULL DEFAULT gen_random_uuid(),
        user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        org_id     uuid        NOT NULL,
        kind       text        NOT NULL CHECK (kind IN ('REPORT_OVERDUE')),
        period     text        NOT NULL,
        day        date        NOT NULL,
        title      text        NOT NULL,
        body       text        NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at    timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, org_id) REFERENCES org (tenant_id, id)
      )`);
    // one reminder per user, org, period and (Beijing) day, however often the job runs
    await q.query(`CREATE UNIQUE INDEX notification_once_a_day ON notification (user_id, kind, org_id, period, day)`);
    await q.query(`CREATE INDEX notification_inbox ON notification (user_id, created_at DESC, id)`);
    // a user's own messages only: not the org's (an admin above does not read a village's reminders)
    await q.query(`ALTER TABLE notification ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE notification FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY owner_all ON notification TO CURRENT_USER USING (true) WITH CHECK (true)`);
    const mine = `user_id = nullif(current_setting('ggw.actor', true), '')::uuid`;
    await q.query(`CREATE POLICY scope_read ON notification FOR SELECT USING (${mine})`);
    await q.query(`CREATE POLICY scope_insert ON notification FOR INSERT WITH CHECK (false)`);
    await q.query(`CREATE POLICY scope_update ON notification FOR UPDATE USING (${mine}) WITH CHECK (${mine})`);
    await q.query(`GRANT SELECT, UPDATE (read_at) ON notification TO ggw_app`);

    // 催报: for every period a tenant's cycle has started (it has a report), each org past its
    // deadline without a submitted report, in no closed period, gets one message per day for
    // each user who can submit it (its editors and admins). Runs as the owner: the scheduler
    // has no viewer; it takes no argument, so it can do nothing but this.
    await q.query(`
      CREATE FUNCTION ggw_send_report_reminders() RETURNS int
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH periods AS (SELECT DISTINCT tenant_id, period FROM report),
        expected AS (
          SELECT o.tenant_id, o.id AS org_id, o.name, o.path, p.period, ggw_report_due_at(o.tenant_id, o.level, p.period) AS due_at
            FROM periods p JOIN org o ON o.tenant_id = p.tenant_id
           WHERE o.founded_on < upper(ggw_period_range(p.period)) AND (o.dissolved_on IS NULL OR o.dissolved_on > lower(ggw_period_range(p.period)))),
        overdue AS (
          SELECT e.* FROM expected e
           WHERE e.due_at < now()
             AND NOT EXISTS (SELECT 1 FROM report r WHERE r.tenant_id = e.tenant_id AND r.org_id = e.org_id AND r.period = e.period
                                                      AND r.status IN ('SUBMITTED', 'APPROVED'))
             AND NOT EXISTS (SELECT 1 FROM period_close c JOIN org a ON a.tenant_id = c.tenant_id AND a.id = c.org_id
                              WHERE c.reopened_at IS NULL AND c.period = e.period AND a.path @> e.path)),
        sent AS (
          INSERT INTO notification (tenant_id, user_id, org_id, kind, period, day, title, body)
          SELECT DISTINCT ON (ra.user_id, d.org_id, d.period) d.tenant_id, ra.user_id, d.org_id, 'REPORT_OVERDUE', d.period,
                 (now() AT TIME ZONE 'Asia/Shanghai')::date,
                 format('催报:%s %s 报表已逾期', d.name, d.period),
                 format('%s 的 %s 报表应于 %s(北京时间)前上报,已逾期 %s 天,请尽快核对后上报。', d.name, d.period,
                        to_char((d.due_at - interval '1 day') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'),
                        floor(extract(epoch FROM now() - d.due_at) / 86400)::int + 1)
            FROM overdue d JOIN role_assignment ra ON ra.org_tenant_id = d.tenant_id AND ra.org_id = d.org_id AND ra.role IN ('ADMIN', 'EDITOR')
          ON CONFLICT (user_id, kind, org_id, period, day) DO NOTHING
          RETURNING 1)
        SELECT count(*)::int FROM sent $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_send_report_reminders() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ggw_send_report_reminders() TO ggw_app`);

    // The cycle's transitions, held in the database as well as in the API (deny by default): as
    // the application role a report moves only along the cycle, is submitted only by an editor
    // or admin of its org or above, decided only by an admin strictly above it, keeps the
    // figures frozen at its submission, and is never deleted. SQLSTATE GG002.
    await q.query(`
      CREATE FUNCTION ggw_check_report_transition() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        actor uuid := nullif(current_setting('ggw.actor', true), '')::uuid;
        org_path ltree;
        from_status text := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.status END;
        ok boolean;
      BEGIN
        IF session_user <> 'ggw_app' THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a report is never deleted' USING ERRCODE = 'GG002';
        END IF;
        SELECT path INTO org_path FROM org WHERE tenant_id = NEW.tenant_id AND id = NEW.org_id;
        IF TG_OP = 'UPDATE' AND NEW.status = OLD.status THEN
          IF NEW.frozen IS DISTINCT FROM OLD.frozen OR NEW.first_submitted_at IS DISTINCT FROM OLD.first_submitted_at THEN
            RAISE EXCEPTION 'frozen figures change only with a submission' USING ERRCODE = 'GG002';
          END IF;
          RETURN NEW;
        END IF;
        ok := CASE
          WHEN NEW.status = 'SUBMITTED' THEN coalesce(from_status, 'DRAFT') IN ('DRAFT', 'RETURNED') AND EXISTS (
            SELECT 1 FROM role_assignment ra JOIN org a ON a.tenant_id = ra.org_tenant_id AND a.id = ra.org_id
             WHERE ra.user_id = actor AND ra.role IN ('EDITOR', 'ADMIN') AND a.path @> org_path)
          WHEN NEW.status IN ('APPROVED', 'RETURNED') THEN
            (from_status = 'SUBMITTED' OR (NEW.status = 'RETURNED' AND from_status = 'APPROVED')) AND EXISTS (
            SELECT 1 FROM role_assignment ra JOIN org a ON a.tenant_id = ra.org_tenant_id AND a.id = ra.org_id
             WHERE ra.user_id = actor AND ra.role = 'ADMIN' AND a.path @> org_path AND a.path <> org_path)
          WHEN NEW.status = 'DRAFT' THEN from_status IS NULL
          ELSE false
        END;
        IF NOT ok THEN
          RAISE EXCEPTION 'report % -> %: not a move of the cycle for this user', coalesce(from_status, 'none'), NEW.status USING ERRCODE = 'GG002';
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.status <> 'SUBMITTED' AND (NEW.frozen IS DISTINCT FROM OLD.frozen OR NEW.first_submitted_at IS DISTINCT FROM OLD.first_submitted_at) THEN
          RAISE EXCEPTION 'frozen figures change only with a submission' USING ERRCODE = 'GG002';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ggw_check_report_transition() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER ggw_report_transition BEFORE INSERT OR UPDATE OR DELETE ON report FOR EACH ROW EXECUTE FUNCTION ggw_check_report_transition()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ggw_report_transition ON report`);
    await q.query(`DROP FUNCTION ggw_check_report_transition()`);
    await q.query(`DROP FUNCTION ggw_send_report_reminders()`);
    for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ggw_approved_${op} ON report`);
    await q.query(`DROP FUNCTION ggw_approved_on_report()`);
    await q.query(`DROP FUNCTION ggw_approved_apply(uuid[], uuid[], text[], jsonb[], int)`);
    await q.query(`DROP FUNCTION ggw_jsonb_add(jsonb, jsonb, int)`);
    await q.query(`DROP TABLE approved_subtree`);
    await q.query(`DROP TABLE notification`);
    await q.query(reportLockFunctionSql());
    await q.query(`DROP FUNCTION ggw_record_lock(uuid, uuid, date)`);
    await q.query(`DROP FUNCTION ggw_record_locks(uuid, uuid)`);
    await q.query(`DROP TABLE period_close`);
    await q.query(`DROP FUNCTION ggw_report_due_at(uuid, text, text)`);
    await q.query(`ALTER TABLE export_job DROP COLUMN figure_state`);
    await q.query(`ALTER TABLE export_schedule DROP COLUMN figure_state`);
    await q.query(`REVOKE SELECT ON rollup_own FROM ggw_app`);
    await q.query(`ALTER TABLE report DROP COLUMN first_submitted_at, DROP COLUMN frozen`);
  }
}
