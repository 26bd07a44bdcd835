import { resolve } from 'node:path';
import { z } from 'zod';
import { EnvironmentError, logLevel, parseEnvWith, postgresUrl, schedulerSettingsSchema, toSchedulerSettings } from '@ggw/scheduler';
import { DEFAULT_LIMITS } from './http/server';

export { EnvironmentError };

/** The checkout's root: services/api/{src,dist}/environment.* → ../../.. */
const REPO_ROOT = resolve(__dirname, '..', '..', '..');
/** The dashboard's operations (services/web, written by `pnpm codegen`). */
export const WEB_APP_DOCUMENTS = resolve(REPO_ROOT, 'services', 'web', 'src', 'gql', 'persisted-documents.json');

function trustedFiles(e: { TRUSTED_DOCUMENTS: 'off' | 'required'; TRUSTED_DOCUMENTS_FILE?: string; WEB_APP_DIR: string }) {
  const files = [...(e.TRUSTED_DOCUMENTS_FILE ?? '').split(',').map((f) => f.trim()).filter(Boolean).map((f) => resolve(f)), ...(e.WEB_APP_DIR === '' ? [] : [WEB_APP_DOCUMENTS])];
  return files.length ? { mode: e.TRUSTED_DOCUMENTS, files } : undefined;
}

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const schema = schedulerSettingsSchema
  .extend({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: postgresUrl.optional(),
    DATA_DIR: z.string().min(1).default(resolve(REPO_ROOT, '.data')),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(10).max(600_000).default(3000),
    LOG_LEVEL: logLevel,
    DATABASE_REPLICA_URLS: z.string().default('').transform((v, ctx) => {
      const urls = v.split(',').map((u) => u.trim()).filter(Boolean);
      for (const [i, u] of urls.entries()) {
        const parsed = postgresUrl.safeParse(u);
        if (!parsed.success) ctx.addIssue({ code: 'custom', message: `entry ${i + 1} is not a postgres:// URL` });
      }
      return urls;
    }),
    REPLICA_MAX_LAG_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
    REPLICA_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(100),
    LOAD_REFERENCE_DATA: bool.optional(),
    APP_DATABASE_URL: postgresUrl.optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(8 * 3600),
    PLATFORM_ADMIN: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, 'a username: 3–50 lower-case letters, digits or . _ -').optional(),
    GRAPHIQL: bool.optional(),
    WEB_APP_DIR: z.string().default(resolve(REPO_ROOT, 'services', 'web', 'dist')),
    INTROSPECTION: bool.optional(),
    RUN_SCHEDULER: bool.optional(),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_LIMITS.timeBudgetMs),
    MAX_QUERY_COST: z.coerce.number().int().min(100).default(DEFAULT_LIMITS.maxCost),
    MAX_RESPONSE_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_LIMITS.maxResponseBytes),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.ratePerMinute),
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.rateBurst),
    RATE_LIMIT_SHARE_MS: z.coerce.number().int().min(0).max(60_000).default(DEFAULT_LIMITS.rateShareMs),
    MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(1000).default(DEFAULT_LIMITS.maxConcurrent),
    IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(DEFAULT_LIMITS.imports.maxBytes),
    IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(DEFAULT_LIMITS.imports.maxRows),
    IMPORT_MAX_CELL_CHARS: z.coerce.number().int().min(10).max(100_000).default(DEFAULT_LIMITS.imports.maxCellChars),
    IMPORT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(DEFAULT_LIMITS.importTimeBudgetMs),
    CORS_ORIGINS: z.string().default('').transform((v, ctx) => {
      const origins = v.split(',').map((o) => o.trim()).filter(Boolean);
      for (const o of origins) {
        if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(o)) ctx.addIssue({ code: 'custom', message: `not an origin (scheme://host[:port], no path): ${o}` });
      }
      return origins;
    }),
    METRICS_TOKEN: z.string().min(24, 'at least 24 characters: it guards the metrics').regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces').optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url('a URL: the collector\'s OTLP/HTTP base, http://collector:4318').optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url('a URL: the collector\'s traces path, http://collector:4318/v1/traces').optional(),
    OTEL_EXPORTER_OTLP_HEADERS: z.string().default('').transform((v, ctx) => {
      const headers: Record<string, string> = {};
      for (const pair of v.split(',').map((p) => p.trim()).filter(Boolean)) {
        const at = pair.indexOf('=');
        if (at < 1) ctx.addIssue({ code: 'custom', message: 'key=value pairs, comma-separated' });
        else headers[pair.slice(0, at).trim().toLowerCase()] = decodeURIComponent(pair.slice(at + 1).trim());
      }
      return headers;
    }),
    OTEL_SERVICE_NAME: z.string().min(1).default('ggw-api'),
    TRUSTED_DOCUMENTS: z.enum(['off', 'required']).default('off'),
    TRUSTED_DOCUMENTS_FILE: z.string().min(1).optional(),
    TRUST_PROXY: z.string().default('false').transform((v, ctx): boolean | string[] => {
      if (v === 'false' || v === '') return false;
      if (v === 'true') return true;
      const addresses = v.split(',').map((a) => a.trim()).filter(Boolean);
      if (!addresses.every((a) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(a))) ctx.addIssue({ code: 'custom', message: 'false, true (any proxy), or the proxies\' addresses or CIDRs, comma-separated' });
      return addresses;
    }),
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.JWT_SECRET, { path: ['JWT_SECRET'], message: 'required in production (at least 32 characters)' })
  .refine((e) => e.DATABASE_URL || !e.APP_DATABASE_URL || !e.PLATFORM_ADMIN, { path: ['PLATFORM_ADMIN'], message: 'needs DATABASE_URL (the owner creates the account); or create it with the platform admin tools' })
  .refine((e) => e.DATABASE_URL || !e.APP_DATABASE_URL || e.LOAD_REFERENCE_DATA !== true, { path: ['LOAD_REFERENCE_DATA'], message: 'needs DATABASE_URL (the owner loads it)' })
  .refine((e) => e.REPLICA_POLL_MS < e.REPLICA_MAX_LAG_MS, { path: ['REPLICA_POLL_MS'], message: 'must be shorter than REPLICA_MAX_LAG_MS (a replica is judged by its polls)' })
  .refine((e) => !e.PLATFORM_ADMIN || e.JWT_SECRET, { path: ['JWT_SECRET'], message: 'required with PLATFORM_ADMIN (its activation token must outlive this process)' })
  .refine((e) => e.TRUSTED_DOCUMENTS === 'off' || e.TRUSTED_DOCUMENTS_FILE || e.WEB_APP_DIR !== '', { path: ['TRUSTED_DOCUMENTS_FILE'], message: 'required when TRUSTED_DOCUMENTS=required without the dashboard (the clients\' persisted-documents.json)' })
  .transform((e) => {
    const production = e.NODE_ENV === 'production';
    return {
      production,
      port: e.PORT,
      host: e.HOST,
      /**
       * Set: use this PostgreSQL as its owner (migrate at start). Unset: with `appDatabaseUrl`, connect
       * only as the application role (production; `pnpm db:migrate` migrates); without, start the
       * embedded PostgreSQL under `dataDir`.
       */
      databaseUrl: e.DATABASE_URL,
      dataDir: resolve(e.DATA_DIR),
      embeddedPgPort: e.EMBEDDED_PG_PORT,
      databasePoolSize: e.DATABASE_POOL_SIZE,
      /** How long a request waits for a database connection before it is answered 503 SERVICE_UNAVAILABLE. */
      databaseAcquireTimeoutMs: e.DATABASE_ACQUIRE_TIMEOUT_MS,
      /**
       * Streaming standbys of the database, connected to as the application role: GraphQL queries go
       * to one that has replayed the user's own writes and is within `maxLagMs` of the primary.
       */
      replicas: { urls: e.DATABASE_REPLICA_URLS, maxLagMs: e.REPLICA_MAX_LAG_MS, pollMs: e.REPLICA_POLL_MS },
      logLevel: e.LOG_LEVEL,
      /** The API's own connection, as the role `ggw_app` (owns no table). Unset: derived from the owner's connection with a fresh password. */
      appDatabaseUrl: e.APP_DATABASE_URL,
      /** Secret for signing tokens; unset outside production: a random one per process (tokens end with the process). */
      jwtSecret: e.JWT_SECRET,
      tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
      /** Make sure this operator account exists (platform admin: onboards counties, reads nothing); a new one's activation token is logged once. */
      platformAdmin: e.PLATFORM_ADMIN,
      /** Load the 集安市 reference data when the database does not have it (default: not in production; never without the owner). */
      loadReferenceData: (e.LOAD_REFERENCE_DATA ?? !production) && !(!e.DATABASE_URL && e.APP_DATABASE_URL),
      /** Serve GraphiQL at GET /graphql (default: not in production). */
      graphiql: e.GRAPHIQL ?? !production,
      /** The built dashboard served at / (`pnpm build:web`); empty: no dashboard. */
      webApp: e.WEB_APP_DIR === '' ? undefined : resolve(e.WEB_APP_DIR),
      /** Answer introspection queries (default: not in production). */
      introspection: e.INTROSPECTION ?? !production,
      /** Run the scheduler (exports, schedules) inside this process (default: not in production, where it runs on its own). */
      runScheduler: e.RUN_SCHEDULER ?? !production,
      scheduler: toSchedulerSettings(e),
      /** GET /metrics (Prometheus) for requests with `Authorization: Bearer <this>`; unset: no metrics. */
      metricsToken: e.METRICS_TOKEN,
      /**
       * OpenTelemetry: each request's span exported over OTLP/HTTP (JSON) to this collector; off
       * unless `OTEL_EXPORTER_OTLP_ENDPOINT` (or the traces endpoint itself) is set.
       */
      otlp: e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || e.OTEL_EXPORTER_OTLP_ENDPOINT
        ? { url: e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? `${e.OTEL_EXPORTER_OTLP_ENDPOINT!.replace(/\/+$/, '')}/v1/traces`, headers: e.OTEL_EXPORTER_OTLP_HEADERS, serviceName: e.OTEL_SERVICE_NAME }
        : undefined,
      /** Browser origins allowed to call the API (CORS); none by default. */
      corsOrigins: e.CORS_ORIGINS,
      /**
       * The registered clients' operations (graphql-codegen's persisted-documents.json, comma-separated
       * files) and whether only they run. The dashboard's own are always registered when it is served.
       */
      trustedDocuments: trustedFiles(e),
      /** Which proxies' X-Forwarded-For to believe for the client's address (login throttle, anonymous rate limit); none by default. */
      trustProxy: e.TRUST_PROXY,
      /** Time budget, cost, size and rate limits of requests. */
      limits: {
        timeBudgetMs: e.REQUEST_TIMEOUT_MS,
        maxCost: e.MAX_QUERY_COST,
        maxResponseBytes: e.MAX_RESPONSE_BYTES,
        ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
        rateBurst: e.RATE_LIMIT_BURST,
        rateShareMs: e.RATE_LIMIT_SHARE_MS,
        maxConcurrent: e.MAX_CONCURRENT_REQUESTS,
        importTimeBudgetMs: e.IMPORT_TIMEOUT_MS,
        imports: { maxBytes: e.IMPORT_MAX_BYTES, maxRows: e.IMPORT_MAX_ROWS, maxCellChars: e.IMPORT_MAX_CELL_CHARS },
      },
    };
  });

export type Environment = z.output<typeof schema>;

/**
 * Parses the process environment once. Every problem is reported together, each naming its
 * variable; no other module reads `process.env`.
 */
export function parseEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  return parseEnvWith(schema, env);
}
