import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roll-up exports: schedules (per org, a cron expression in a time zone), export jobs with
 * their status and the file's size and checksum, and the files themselves. Files live in the
 * database: they are small (a province's workbook is a few MB), they come and go with their job
 * in one transaction (a retried job can never leave two), and row-level security guards them
 * like everything else.
 *
 * An export runs with the rights of the user who asked for it (the creator, for a schedule's),
 * so it can never hold more than that user may see. What the scheduler does across tenants goes
 * through four narrow functions: the ids of due schedules, pausing one whose creator lost admin
 * rights, recording an export's failure, and deleting expired exports.
 */
export class Exports1732000000500 implements MigrationInterface {
  name = 'Exports1732000000500';

  async up(q: QueryRunner): Promise<void> {
    const formats = `'XLSX', 'CSV', 'DOCX'`;
    await q.query(`
      CREATE TABLE export_schedule (
        tenant_id   uuid        NOT NULL,
        id          uuid        NOT NULL,
        org_id      uuid        NOT NULL,
        cron        text        NOT NULL CHECK (length(cron) BETWEEN 9 AND 100),
        time_zone   text        NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
        period_rule text        NOT NULL CHECK (period_rule IN ('YEAR_TO_DATE', 'PREVIOUS_MONTH', 'PREVIOUS_QUARTER', 'PREVIOUS_YEAR')),
        formats     text[]      NOT NULL CHECK (cardinality(formats) BETWEEN 1 AND 3 AND formats <@ ARRAY[${formats}]),
        paused      boolean     NOT NULL DEFAULT false,
        next_run_at timestamptz NOT NULL,
        last_run_at timestamptz,
        last_error  text        CHECK (length(last_error) <= 500),
        created_by  uuid        NOT NULL REFERENCES app_user (id),
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, org_id) REFERENCES org (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX export_schedule_due ON export_schedule (next_run_at) WHERE NOT paused`);
    await q.query(`CREATE INDEX export_schedule_org ON export_schedule (tenant_id, org_id)`);
    // the API names schedules and exports by id alone (the tenant comes from the row)
    await q.query(`CREATE INDEX export_schedule_id ON export_schedule (id)`);

    await q.query(`
      CREATE TABLE export_job (
        tenant_id       uuid        NOT NULL,
        id              uuid        NOT NULL,
        org_id          uuid        NOT NULL,
        period          text        NOT NULL CHECK (period ~ '^[0-9]{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$'),
        format          text        NOT NULL CHECK (format IN (${formats})),
        status          text        NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        progress        int         NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        error           text        CHECK (length(error) <= 1000),
        attempts        int         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        -- the export runs with this user's rights (the creator's, for a scheduled one)
        requested_by    uuid        NOT NULL REFERENCES app_user (id),
        schedule_id     uuid,
        scheduled_for   timestamptz,
        idempotency_key text        CHECK (length(idempotency_key) BETWEEN 1 AND 100),
        created_at      timestamptz NOT NULL DEFAULT now(),
        started_at      timestamptz,
        finished_at     timestamptz,
        -- set when the job ends (DONE or FAILED): it is then kept for the retention period
        expires_at      timestamptz,
        file_name       text        CHECK (length(file_name) BETWEEN 1 AND 200),
        size_bytes      bigint      CHECK (size_bytes >= 0),
        sha256          text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, org_id) REFERENCES org (tenant_id, id),
        FOREIGN KEY (tenant_id, schedule_id) REFERENCES export_schedule (tenant_id, id) ON DELETE SET NULL (schedule_id),
        -- a schedule's run makes one job per format, however often the tick that makes it is retried
        UNIQUE (tenant_id, schedule_id, scheduled_for, format),
        CHECK ((status = 'DONE') = (sha256 IS NOT NULL AND size_bytes IS NOT NULL AND file_name IS NOT NULL)),
        CHECK (schedule_id IS NULL OR scheduled_for IS NOT NULL),
        CHECK ((status IN ('DONE', 'FAILED')) = (expires_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX export_job_idempotency ON export_job (tenant_id, requested_by, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE INDEX export_job_org ON export_job (tenant_id, org_id, created_at DESC)`);
    await q.query(`CREATE INDEX export_job_expiry ON export_job (expires_at)`);
    await q.query(`CREATE INDEX export_job_id ON export_job (id)`);

    // org_id too: row-level security scopes a table by org only when it has one
    await q.query(`
      CREATE TABLE export_file (
        tenant_id uuid  NOT NULL,
        export_id uuid  NOT NULL,
        org_id    uuid  NOT NULL,
        content   bytea NOT NULL,
        PRIMARY KEY (tenant_id, export_id),
        FOREIGN KEY (tenant_id, export_id) REFERENCES export_job (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, org_id) REFERENCES org (tenant_id, id)
      )`);

    for (const table of ['export_schedule', 'export_job', 'export_file']) await q.query(`SELECT ggw_protect_table('${table}')`);
    // jobs and files go only when they expire (ggw_delete_expired_exports)
    await q.query(`REVOKE DELETE ON export_job, export_file FROM ggw_app`);

    await q.query(`
      CREATE FUNCTION ggw_due_export_schedules(max_count int)
      RETURNS TABLE (tenant_id uuid, id uuid, created_by uuid, runnable boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT s.tenant_id, s.id, s.created_by,
               -- a schedule runs as its creator, who must still be an admin over its org
               EXISTS (SELECT 1 FROM role_assignment r
                         JOIN app_user u ON u.id = r.user_id AND NOT u.disabled
                         JOIN org a ON a.tenant_id = r.org_tenant_id AND a.id = r.org_id
                        WHERE r.user_id = s.created_by AND r.role = 'ADMIN' AND o.path <@ a.path)
          FROM export_schedule s JOIN org o ON o.tenant_id = s.tenant_id AND o.id = s.org_id
         WHERE NOT s.paused AND s.next_run_at <= now()
         ORDER BY s.next_run_at
         LIMIT max_count
      $$`);
    await q.query(`
      CREATE FUNCTION ggw_suspend_export_schedule(schedule_tenant uuid, schedule_id uuid) RETURNS boolean
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH suspended AS (
          UPDATE export_schedule s SET paused = true, last_error = '计划创建者已不是该组织的管理员,计划已暂停;请管理员重新创建'
           WHERE s.tenant_id = schedule_tenant AND s.id = schedule_id
             AND NOT EXISTS (SELECT 1 FROM ggw_due_export_schedules(2147483647) d WHERE d.tenant_id = s.tenant_id AND d.id = s.id AND d.runnable)
          RETURNING 1)
        SELECT exists(SELECT 1 FROM suspended)
      $$`);
    await q.query(`
      CREATE FUNCTION ggw_delete_expired_exports() RETURNS integer
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH gone AS (DELETE FROM export_job WHERE expires_at < now() AND status IN ('DONE', 'FAILED') RETURNING 1)
        SELECT count(*)::int FROM gone
      $$`);
    // a failure is recorded whoever may still see the export: the requester may have lost access
    await q.query(`
      CREATE FUNCTION ggw_record_export_failure(export_tenant uuid, export_id uuid, message text, final boolean, retention_days int)
      RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        -- a FAILED export keeps the reason first recorded (the dead letter comes after the handler's)
        UPDATE export_job SET status = CASE WHEN final THEN 'FAILED' ELSE 'QUEUED' END, progress = 0,
               error = CASE WHEN status = 'FAILED' AND error IS NOT NULL THEN error ELSE left(message, 1000) END,
               finished_at = CASE WHEN final THEN now() END,
               expires_at = CASE WHEN final THEN now() + make_interval(days => retention_days) END
         WHERE tenant_id = export_tenant AND id = export_id AND status <> 'DONE'
      $$`);
    for (const fn of ['ggw_due_export_schedules(int)', 'ggw_suspend_export_schedule(uuid, uuid)', 'ggw_delete_expired_exports()',
      'ggw_record_export_failure(uuid, uuid, text, boolean, int)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ggw_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ggw_record_export_failure(uuid, uuid, text, boolean, int)`);
    await q.query(`DROP FUNCTION ggw_delete_expired_exports()`);
    await q.query(`DROP FUNCTION ggw_suspend_export_schedule(uuid, uuid)`);
    await q.query(`DROP FUNCTION ggw_due_export_schedules(int)`);
    await q.query(`DROP TABLE export_file`);
    await q.query(`DROP TABLE export_job`);
    await q.query(`DROP TABLE export_schedule`);
  }
}
