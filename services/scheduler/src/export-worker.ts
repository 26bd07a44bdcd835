import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { runAsUser } from '@ggw/authz';
import { AppError, NotFoundError, ORG_COLUMNS, parseOrgRecord, parsePeriod } from '@ggw/domain';
import { claimJob, completeJob, ExportJobData, makeExportFile, recordJobFailure, setJobProgress } from '@ggw/exports';
import { SchedulerSettings } from './settings';

/** What a client may read of a failure: our own errors' messages, never anything internal. */
export function publicMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof ExportAborted) return '导出进程停止,已交还队列重试';
  return '导出时发生内部错误(已记入日志)';
}

/** Thrown into an export when its worker is stopping and cannot wait for it. */
export class ExportAborted extends Error {
  constructor() {
    super('export aborted: the worker is stopping');
  }
}

export interface WorkerDeps {
  /** the application role's pool: row-level security applies, under the user each export runs for */
  dataSource: DataSource;
  settings: SchedulerSettings;
  log: Logger;
}

/**
 * Runs one export job. Idempotent: an export already DONE is left alone, and the file and the
 * DONE status are written in one transaction, so a job retried after its worker died (however
 * far it got) still leaves exactly one file. Every step runs under the rights of the user the
 * export is for. Failures are recorded on the export (QUEUED with the error while retries
 * remain, FAILED after the last) and rethrown for pg-boss to retry.
 */
export async function runExportJob(deps: WorkerDeps, job: PgBoss.JobWithMetadata<ExportJobData>, signal: AbortSignal): Promise<void> {
  const { exportId, tenantId, userId } = job.data;
  const log = deps.log.child({ exportId, attempt: job.retryCount + 1 });
  const as = <T>(work: Parameters<typeof runAsUser<T>>[2], options?: Parameters<typeof runAsUser<T>>[3]) =>
    runAsUser(deps.dataSource, userId, work, options);
  try {
    const claimed = await as(async (m) => {
      const job = await claimJob(m, tenantId, exportId);
      if (job === 'done') return null;
      if (!job) throw new NotFoundError('导出任务不存在,或请求者已无权访问该组织');
      const [org] = await m.query(`SELECT ${ORG_COLUMNS} FROM org o WHERE o.tenant_id = $1 AND o.id = $2`, [tenantId, job.orgId]);
      if (!org) throw new NotFoundError('请求者已无权访问该组织');
      return { org: parseOrgRecord(org), period: parsePeriod(job.period), format: job.format, figureState: job.figureState };
    });
    if (!claimed) {
      log.info('export already done');
      return;
    }
    log.info({ org: claimed.org.code, period: claimed.period.key, format: claimed.format }, 'export started');

    let shown = 0;
    const onProgress = async (done: number) => {
      if (signal.aborted) throw new ExportAborted();
      const percent = Math.min(99, Math.floor(done * 100));
      if (percent < shown + 5) return;
      shown = percent;
      await as((m) => setJobProgress(m, tenantId, exportId, percent));
    };
    // one snapshot for the whole file: every sheet agrees with every other
    const file = await as(
      (m) => makeExportFile(m, claimed.org, claimed.period, claimed.format, { generatedAt: new Date(), pageSize: deps.settings.pageSize, onProgress }, claimed.figureState),
      { isolation: 'REPEATABLE READ', readOnly: true },
    );
    if (signal.aborted) throw new ExportAborted();

    await as((m) => completeJob(m, { tenantId, id: exportId, orgId: claimed.org.id }, file, deps.settings.retentionDays));
    log.info({ bytes: file.size }, 'export done');
  } catch (error) {
    const final = job.retryCount >= job.retryLimit;
    log[error instanceof AppError ? 'warn' : 'error']({ err: error, final }, 'export failed');
    await recordFailure(deps, job.data, publicMessage(error), final).catch((e) => log.error({ err: e }, 'recording the failure failed'));
    throw error;
  }
}

/** Records a job's failure with the worker's retention (see recordJobFailure). */
export async function recordFailure(deps: WorkerDeps, data: ExportJobData, message: string, final: boolean): Promise<void> {
  await recordJobFailure(deps.dataSource, { tenantId: data.tenantId, id: data.exportId }, message, final, deps.settings.retentionDays);
}

/**
 * An export that failed for good reaches the dead-letter queue, also when no handler could
 * record it (its worker was killed on the last attempt and the job timed out): FAILED.
 */
export async function recordDeadLetter(deps: WorkerDeps, job: PgBoss.JobWithMetadata<ExportJobData>): Promise<void> {
  const timedOut = JSON.stringify(job.output ?? '').includes('timeout');
  await recordFailure(deps, job.data, timedOut ? '导出超时或处理进程中断,重试次数已用尽' : '导出失败,重试次数已用尽', true);
}
