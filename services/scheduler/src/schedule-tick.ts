import { runAsUser } from '@ggw/authz';
import { ExportFormat, ExportPeriodRule, nextRun, periodForRun } from '@ggw/domain';
import { createExportJob } from '@ggw/exports';
import { WorkerDeps } from './export-worker';

interface DueSchedule {
  tenant_id: string;
  id: string;
  created_by: string;
  runnable: boolean;
}

/**
 * Turns every due export schedule into exports (one per format) and moves it to its next run
 * after now: a scheduler that was down fires a missed schedule once, not once per missed run.
 * Each schedule runs as its creator, who must still be an admin over its org (or the schedule
 * is paused, with the reason). Safe to run twice at once or to retry: a schedule is taken with
 * SKIP LOCKED, and a run's exports are unique per (schedule, time, format). Returns the number of
 * exports queued.
 */
export async function fireDueSchedules(deps: WorkerDeps): Promise<number> {
  const due: DueSchedule[] = await deps.dataSource.query(`SELECT * FROM ggw_due_export_schedules(100)`);
  let queued = 0;
  for (const d of due) {
    const log = deps.log.child({ scheduleId: d.id });
    if (!d.runnable) {
      await deps.dataSource.query(`SELECT ggw_suspend_export_schedule($1, $2)`, [d.tenant_id, d.id]);
      log.warn('schedule paused: its creator is no longer an admin over its org');
      continue;
    }
    queued += await runAsUser(deps.dataSource, d.created_by, async (m) => {
      const [s] = await m.query(
        `SELECT org_id AS "orgId", cron, time_zone AS "timeZone", period_rule AS "periodRule", formats,
                next_run_at AS "dueAt", now() AS "now"
           FROM export_schedule WHERE tenant_id = $1 AND id = $2 AND NOT paused AND next_run_at <= now()
            FOR UPDATE SKIP LOCKED`,
        [d.tenant_id, d.id],
      );
      if (!s) return 0;
      const period = periodForRun(s.periodRule as ExportPeriodRule, s.dueAt, s.timeZone);
      let made = 0;
      for (const format of s.formats as ExportFormat[]) {
        const job = await createExportJob(m, {
          tenantId: d.tenant_id, orgId: s.orgId, period: period.key, format, requestedBy: d.created_by, schedule: { id: d.id, dueAt: s.dueAt },
        });
        if (job) made += 1;
      }
      await m.query(
        `UPDATE export_schedule SET last_run_at = next_run_at, next_run_at = $3, last_error = NULL WHERE tenant_id = $1 AND id = $2`,
        [d.tenant_id, d.id, nextRun(s.cron, s.timeZone, s.now)],
      );
      log.info({ period: period.key, formats: s.formats, queued: made }, 'schedule fired');
      return made;
    });
  }
  return queued;
}
