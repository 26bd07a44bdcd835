import { DataSource, EntityManager } from 'typeorm';
import { entityColumns, entityRowParser, ExportFormat, ExportJob, ExportStatus, FigureState } from '@ggw/domain';
import { enqueueExport } from './export-jobs';
import { ExportFile } from './make-export';

/**
 * The one home of `export_job` and `export_file`: every statement that reads or writes them, for
 * the API, the scheduler's tick and worker, and the download route. Each function runs on the
 * caller's manager, a transaction under the rights of the user concerned (row-level security
 * applies), except the failure record, which goes through a definer function.
 */

/** An export as services read it: the job's columns, less how it was asked for, and whether a schedule made it. */
export type ExportJobRecord = Omit<ExportJob, 'requestedBy' | 'scheduleId' | 'scheduledFor' | 'idempotencyKey'> & { scheduled: boolean };

const NOT_READ = ['requestedBy', 'scheduleId', 'scheduledFor', 'idempotencyKey'];
const JOB_COLUMNS = `${entityColumns(ExportJob, 'j', NOT_READ)}, j.scheduled_for IS NOT NULL AS scheduled`;
const parseJob = entityRowParser<ExportJobRecord>(ExportJob, NOT_READ);
const parseJobs = (rows: unknown[]) => rows.map(parseJob);

export interface NewExportJob {
  tenantId: string;
  orgId: string;
  period: string;
  format: ExportFormat;
  /** live figures (the default) or those of approved reports */
  figureState?: FigureState;
  /** whose rights it runs with: the requester, or the schedule's creator */
  requestedBy: string;
  idempotencyKey?: string | null;
  /** a schedule's run: at most one export per (schedule, time, format) */
  schedule?: { id: string; dueAt: Date };
}

/**
 * Inserts an export and queues its job in the caller's transaction (committed together or not
 * at all). Null when the schedule's run already has its export of that format.
 */
export async function createExportJob(m: EntityManager, job: NewExportJob): Promise<ExportJobRecord | null> {
  const [row] = parseJobs(await m.query(
    `INSERT INTO export_job AS j (tenant_id, id, org_id, period, format, requested_by, idempotency_key, schedule_id, scheduled_for, figure_state)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (tenant_id, schedule_id, scheduled_for, format) DO NOTHING RETURNING ${JOB_COLUMNS}`,
    [job.tenantId, job.orgId, job.period, job.format, job.requestedBy, job.idempotencyKey ?? null, job.schedule?.id ?? null, job.schedule?.dueAt ?? null,
      job.figureState ?? FigureState.LIVE],
  ));
  if (!row) return null;
  await enqueueExport(m, { exportId: row.id, tenantId: job.tenantId, userId: job.requestedBy });
  return row;
}

/** An export by id, if the caller may read it (row-level security). */
export async function findJob(m: EntityManager, id: string): Promise<ExportJobRecord | null> {
  const [row] = parseJobs(await m.query(`SELECT ${JOB_COLUMNS} FROM export_job j WHERE j.id = $1`, [id]));
  return row ?? null;
}

/** A user's export made with an idempotency key (a key is the user's, whichever county it was used for). */
export async function findJobByIdempotencyKey(m: EntityManager, userId: string, key: string): Promise<ExportJobRecord | null> {
  const [row] = parseJobs(await m.query(`SELECT ${JOB_COLUMNS} FROM export_job j WHERE j.requested_by = $1 AND j.idempotency_key = $2`, [userId, key]));
  return row ?? null;
}

/** The same request by the same user within `withinSeconds`, not failed: a double click. */
export async function findRecentRequest(
  m: EntityManager,
  r: { tenantId: string; orgId: string; period: string; format: ExportFormat; figureState: FigureState; userId: string; withinSeconds: number },
): Promise<ExportJobRecord | null> {
  const [row] = parseJobs(await m.query(
    `SELECT ${JOB_COLUMNS} FROM export_job j
      WHERE j.tenant_id = $1 AND j.org_id = $2 AND j.period = $3 AND j.format = $4 AND j.requested_by = $5
        AND j.schedule_id IS NULL AND j.status <> 'FAILED' AND j.created_at > now() - make_interval(secs => $6) AND j.figure_state = $7
      ORDER BY j.created_at DESC LIMIT 1`,
    [r.tenantId, r.orgId, r.period, r.format, r.userId, r.withinSeconds, r.figureState],
  ));
  return row ?? null;
}

/** Up to `limit` exports of an org, newest first, after the (createdAt, id) of the last one seen. */
export async function listJobs(m: EntityManager, org: { tenantId: string; id: string }, limit: number, after: [string, string] | null): Promise<ExportJobRecord[]> {
  const params: unknown[] = [org.tenantId, org.id, limit];
  let where = 'j.tenant_id = $1 AND j.org_id = $2';
  if (after) {
    params.push(...after);
    where += ` AND (j.created_at, j.id) < ($4::timestamptz, $5::uuid)`;
  }
  return parseJobs(await m.query(`SELECT ${JOB_COLUMNS} FROM export_job j WHERE ${where} ORDER BY j.created_at DESC, j.id DESC LIMIT $3`, params));
}

export async function countJobs(m: EntityManager, org: { tenantId: string; id: string }): Promise<number> {
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM export_job j WHERE j.tenant_id = $1 AND j.org_id = $2`, [org.tenantId, org.id]);
  return n;
}

/** An export's file and what a download needs to know of it; null when missing or not visible. */
export async function findJobFile(
  m: EntityManager,
  id: string,
): Promise<{ status: ExportStatus; fileName: string | null; format: ExportFormat; sha256: string | null; content: Buffer | null } | null> {
  const [row] = await m.query(
    `SELECT j.status, j.file_name AS "fileName", j.format, j.sha256, f.content
       FROM export_job j LEFT JOIN export_file f ON f.tenant_id = j.tenant_id AND f.export_id = j.id
      WHERE j.id = $1`,
    [id],
  );
  return row ?? null;
}

/**
 * Takes an export for a worker: RUNNING, one more attempt. `done` when it was finished already
 * (a retried job), null when it is gone or no longer visible to the user it runs for.
 */
export async function claimJob(m: EntityManager, tenantId: string, id: string): Promise<{ orgId: string; period: string; format: ExportFormat; figureState: FigureState } | 'done' | null> {
  // (TypeORM answers a bare UPDATE with [rows, count]; as a CTE it is a SELECT)
  const [row] = await m.query(
    `WITH claimed AS (
       UPDATE export_job SET status = 'RUNNING', attempts = attempts + 1, started_at = now(), progress = 0
        WHERE tenant_id = $1 AND id = $2 AND status IN ('QUEUED', 'RUNNING')
        RETURNING org_id AS "orgId", period, format, figure_state AS "figureState")
     SELECT * FROM claimed`,
    [tenantId, id],
  );
  if (row) return row;
  const [done] = await m.query(`SELECT 1 FROM export_job WHERE tenant_id = $1 AND id = $2 AND status = 'DONE'`, [tenantId, id]);
  return done ? 'done' : null;
}

export async function setJobProgress(m: EntityManager, tenantId: string, id: string, percent: number): Promise<void> {
  await m.query(`UPDATE export_job SET progress = $3 WHERE tenant_id = $1 AND id = $2 AND status = 'RUNNING'`, [tenantId, id, percent]);
}

/** Stores the file and marks the export DONE, in the caller's one transaction: a retry after a crash leaves one file. */
export async function completeJob(m: EntityManager, job: { tenantId: string; id: string; orgId: string }, file: ExportFile, retentionDays: number): Promise<void> {
  await m.query(
    `INSERT INTO export_file (tenant_id, export_id, org_id, content) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, export_id) DO UPDATE SET content = excluded.content`,
    [job.tenantId, job.id, job.orgId, file.content],
  );
  await m.query(
    `UPDATE export_job SET status = 'DONE', progress = 100, error = NULL, finished_at = now(),
            expires_at = now() + make_interval(days => $6), file_name = $3, size_bytes = $4, sha256 = $5
      WHERE tenant_id = $1 AND id = $2`,
    [job.tenantId, job.id, file.fileName, file.size, file.sha256, retentionDays],
  );
}

/**
 * Marks an export FAILED (for good) or QUEUED again (a retry will come), with the error a client
 * may read. Through a definer function: the user the export runs for may be the reason it
 * failed (they lost access), and the others who see the export must see why.
 */
export async function recordJobFailure(ds: DataSource, job: { tenantId: string; id: string }, message: string, final: boolean, retentionDays: number): Promise<void> {
  await ds.query(`SELECT ggw_record_export_failure($1, $2, $3, $4, $5)`, [job.tenantId, job.id, message, final, retentionDays]);
}
