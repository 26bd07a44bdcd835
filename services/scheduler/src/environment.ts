import { z } from 'zod';
import { SchedulerSettings, schedulerSettingsSchema, toSchedulerSettings } from './settings';

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');

const schema = schedulerSettingsSchema.extend({
  APP_DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(50).default(4),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The standalone scheduler's configuration (the API's, when it runs the scheduler inside). */
export interface SchedulerEnvironment {
  /** as the application role `ggw_app`; the scheduler never migrates: the API does */
  appDatabaseUrl: string;
  databasePoolSize: number;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  settings: SchedulerSettings;
}

export class SchedulerEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the process environment once, reporting every problem together; no other module reads `process.env`. */
export function parseSchedulerEnvironment(env: NodeJS.ProcessEnv = process.env): SchedulerEnvironment {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new SchedulerEnvironmentError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`));
  }
  const e = parsed.data;
  return { appDatabaseUrl: e.APP_DATABASE_URL, databasePoolSize: e.DATABASE_POOL_SIZE, logLevel: e.LOG_LEVEL, settings: toSchedulerSettings(e) };
}
