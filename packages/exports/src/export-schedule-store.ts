import { DataSource, EntityManager } from 'typeorm';
import { entityColumns, entityRowParser, ExportFormat, ExportPeriodRule, ExportSchedule, FigureState } from '@ggw/domain';

/**
 * The one home of `export_schedule`: every statement that reads or writes it, for the API and
 * the scheduler's tick, each on the caller's manager (a transaction under the user's scopes),
 * except the scheduler's look across tenants, which goes through the definer functions.
 */

/** A schedule as services read it: all its columns. */
export type ExportScheduleRecord = ExportSchedule;

const SCHEDULE_COLUMNS = entityColumns(ExportSchedule, 's');
const parseSchedule = entityRowParser<ExportScheduleRecord>(ExportSchedule);

export async function listSchedulesOf(m: EntityManager, org: { tenantId: string; id: string }): Promise<ExportScheduleRecord[]> {
  return (await m.query(`SELECT ${SCHEDULE_COLUMNS} FROM export_schedule s WHERE s.tenant_id = $1 AND s.org_id = $2 ORDER BY s.created_at`, [org.tenantId, org.id])).map(parseSchedule);
}

export async function insertSchedule(
  m: EntityManager,
  s: { tenantId: string; orgId: string; cron: string; timeZone: string; periodRule: ExportPeriodRule; formats: ExportFormat[]; figureState: FigureState; nextRunAt: Date; createdBy: string },
): Promise<ExportScheduleRecord> {
  const [row] = await m.query(
    `INSERT INTO export_schedule AS s (tenant_id, id, org_id, cron, time_zone, period_rule, formats, next_run_at, created_by, figure_state)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${SCHEDULE_COLUMNS}`,
    [s.tenantId, s.orgId, s.cron, s.timeZone, s.periodRule, s.formats, s.nextRunAt, s.createdBy, s.figureState],
  );
  return parseSchedule(row);
}

/** A schedule by id, with its org's path (for the caller's access check); null when missing or not visible. */
export async function findSchedule(m: EntityManager, id: string): Promise<(ExportScheduleRecord & { path: string }) | null> {
  const [row] = await m.query(
    `SELECT ${SCHEDULE_COLUMNS}, o.path::text AS path FROM export_schedule s JOIN org o ON o.tenant_id = s.tenant_id AND o.id = s.org_id WHERE s.id = $1`,
    [id],
  );
  return row ? { ...parseSchedule(row), path: String(row.path) } : null;
}

/** Pauses (keeping its next run and last error) or resumes (from `resumeAt`, clearing the error) a schedule. */
export async function setPaused(m: EntityManager, s: { tenantId: string; id: string }, paused: boolean, resumeAt: Date): Promise<ExportScheduleRecord> {
  // (TypeORM answers a bare UPDATE with [rows, count]; as a CTE it is a SELECT)
  const [row] = await m.query(
    `WITH changed AS (
       UPDATE export_schedule s SET paused = $3, next_run_at = CASE WHEN $3 THEN next_run_at ELSE $4 END,
              last_error = CASE WHEN $3 THEN last_error END
        WHERE s.tenant_id = $1 AND s.id = $2 RETURNING s.*)
     SELECT ${SCHEDULE_COLUMNS} FROM changed s`,
    [s.tenantId, s.id, paused, resumeAt],
  );
  return parseSchedule(row);
}

export async function deleteScheduleRow(m: EntityManager, s: { tenantId: string; id: string }): Promise<void> {
  await m.query(`DELETE FROM export_schedule WHERE tenant_id = $1 AND id = $2`, [s.tenantId, s.id]);
}

/** Schedules due now, across tenants (definer function), with whether their creator may still run them. */
export function dueSchedules(ds: DataSource, limit: number): Promise<Array<{ tenant_id: string; id: string; created_by: string; runnable: boolean }>> {
  return ds.query(`SELECT * FROM ggw_due_export_schedules($1)`, [limit]);
}

/** Pauses a schedule whose creator is no longer an admin over its org, saying why (definer function). */
export async function suspendSchedule(ds: DataSource, s: { tenantId: string; id: string }): Promise<void> {
  await ds.query(`SELECT ggw_suspend_export_schedule($1, $2)`, [s.tenantId, s.id]);
}

/**
 * Takes a due schedule for this run (SKIP LOCKED: a second scheduler passes it by), with the
 * database's `now`; null when it is taken, paused, or no longer due.
 */
export async function lockDueSchedule(
  m: EntityManager,
  s: { tenantId: string; id: string },
): Promise<{ orgId: string; cron: string; timeZone: string; periodRule: ExportPeriodRule; formats: ExportFormat[]; figureState: FigureState; dueAt: Date; now: Date } | null> {
  const [row] = await m.query(
    `SELECT org_id AS "orgId", cron, time_zone AS "timeZone", period_rule AS "periodRule", formats, figure_state AS "figureState", next_run_at AS "dueAt", now() AS "now"
       FROM export_schedule WHERE tenant_id = $1 AND id = $2 AND NOT paused AND next_run_at <= now()
        FOR UPDATE SKIP LOCKED`,
    [s.tenantId, s.id],
  );
  return row ?? null;
}

/** Records a run and moves the schedule to its next one. */
export async function markScheduleRun(m: EntityManager, s: { tenantId: string; id: string }, nextRunAt: Date): Promise<void> {
  await m.query(
    `UPDATE export_schedule SET last_run_at = next_run_at, next_run_at = $3, last_error = NULL WHERE tenant_id = $1 AND id = $2`,
    [s.tenantId, s.id, nextRunAt],
  );
}
