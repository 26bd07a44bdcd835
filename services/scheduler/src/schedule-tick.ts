import { runAsUser } from '@ggw/authz';
import { nextRun, periodForRun } from '@ggw/domain';
import { createExportJob, dueSchedules, lockDueSchedule, markScheduleRun, suspendSchedule } from '@ggw/exports';
import { WorkerDeps } from './export-worker';

/**
 * Turns every due export schedule into exports (one per format) and moves it to its next run
 * after now: a scheduler that was down fires a missed schedule once, not once per missed run.
 * Each schedule runs as its creator, who must still be an admin over its org (or the schedule
 * is paused, with the reason). Safe to run twice at once or to retry: a schedule is taken with
 * SKIP LOCKED, and a run's exports are unique per (schedule, time, format). Returns the number of
 * exports queued.
 */
export async function fireDueSchedules(deps: WorkerDeps): Promise<number> {
  const due = await dueSchedules(deps.dataSource, 100);
  let queued = 0;
  for (const d of due) {
    const log = deps.log.child({ scheduleId: d.id });
    if (!d.runnable) {
      await suspendSchedule(deps.dataSource, { tenantId: d.tenant_id, id: d.id });
      log.warn('schedule paused: its creator is no longer an admin over its org');
      continue;
    }
    queued += await runAsUser(deps.dataSource, d.created_by, async (m) => {
      const s = await lockDueSchedule(m, { tenantId: d.tenant_id, id: d.id });
      if (!s) return 0;
      const period = periodForRun(s.periodRule, s.dueAt, s.timeZone);
      let made = 0;
      for (const format of s.formats) {
        const job = await createExportJob(m, {
          tenantId: d.tenant_id, orgId: s.orgId, period: period.key, format, figureState: s.figureState, requestedBy: d.created_by, schedule: { id: d.id, dueAt: s.dueAt },
        });
        if (job) made += 1;
      }
      await markScheduleRun(m, { tenantId: d.tenant_id, id: d.id }, nextRun(s.cron, s.timeZone, s.now));
      log.info({ period: period.key, formats: s.formats, queued: made }, 'schedule fired');
      return made;
    });
  }
  return queued;
}
