import { z } from 'zod';
import { logLevel, parseEnvWith, postgresUrl } from './env-parsing';
import { schedulerSettingsSchema, toSchedulerSettings } from './settings';

const schema = schedulerSettingsSchema
  .extend({
    APP_DATABASE_URL: postgresUrl,
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(50).default(4),
    LOG_LEVEL: logLevel,
  })
  .transform((e) => ({
    /** as the application role `ggw_app`; the scheduler never migrates: the API does */
    appDatabaseUrl: e.APP_DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    settings: toSchedulerSettings(e),
  }));

/** The standalone scheduler's configuration (the API's, when it runs the scheduler inside). */
export type SchedulerEnvironment = z.output<typeof schema>;

/** Parses the process environment once, reporting every problem together; no other module reads `process.env`. */
export function parseSchedulerEnvironment(env: NodeJS.ProcessEnv = process.env): SchedulerEnvironment {
  return parseEnvWith(schema, env);
}
