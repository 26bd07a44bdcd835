import { z } from 'zod';

/**
 * The scheduler's settings, as environment variables. Parsed by the process that runs the
 * scheduler: its own `main.ts` in production, or the API's environment when the scheduler runs
 * inside the API (`pnpm start`).
 */
export const schedulerSettingsSchema = z.object({
  EXPORT_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(3),
  EXPORT_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  EXPORT_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(24 * 3600).default(900),
  EXPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  EXPORT_PAGE_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  SCHEDULER_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  SCHEDULER_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  SCHEDULER_SHUTDOWN_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
});

export interface SchedulerSettings {
  /** retries of a failed export before it is FAILED */
  retryLimit: number;
  /** first wait before a retry (doubling, with jitter) */
  retryDelaySeconds: number;
  /** an export running longer is taken for dead (a killed worker) and retried */
  timeoutSeconds: number;
  /** how long files are kept */
  retentionDays: number;
  /** orgs per roll-up statement in long tables */
  pageSize: number;
  /** how often an idle worker looks for work */
  pollSeconds: number;
  /** how often timed-out jobs are looked for */
  maintenanceSeconds: number;
  /** how long a stopping worker lets a running export finish before handing it back */
  shutdownSeconds: number;
}

export function toSchedulerSettings(e: z.infer<typeof schedulerSettingsSchema>): SchedulerSettings {
  return {
    retryLimit: e.EXPORT_RETRY_LIMIT,
    retryDelaySeconds: e.EXPORT_RETRY_DELAY_SECONDS,
    timeoutSeconds: e.EXPORT_TIMEOUT_SECONDS,
    retentionDays: e.EXPORT_RETENTION_DAYS,
    pageSize: e.EXPORT_PAGE_SIZE,
    pollSeconds: e.SCHEDULER_POLL_SECONDS,
    maintenanceSeconds: e.SCHEDULER_MAINTENANCE_SECONDS,
    shutdownSeconds: e.SCHEDULER_SHUTDOWN_SECONDS,
  };
}

/** The defaults, for code that starts a scheduler without an environment (tests, benchmarks). */
export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = toSchedulerSettings(schedulerSettingsSchema.parse({}));
