import { randomBytes, randomUUID } from 'node:crypto';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import { DEFAULT_LOGIN_LIMITS, LoginService, LoginThrottleLimits, Principal, TokenService } from '@ggw/authz';
import { AppError, CostLimitError, isUnavailable, ServiceUnavailableError, UnauthenticatedError } from '@ggw/domain';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import helmet from 'helmet';
import Fastify, { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { migrationsCurrent } from '@ggw/db';
import type { RollupReader } from '@ggw/rollup';
import { CursorCodec } from '../common/cursor';
import type { ReadReplicas } from '../common/read-replicas';
import { DEFAULT_TIME_BUDGET_MS, RequestSession } from '../common/session';
import { createRequestContext, ProcessServices, RequestContext } from '../context';
import { protect } from '../modules/auth/gate';
import { buildApiSchema } from '../schema';
import { bearerToken } from './bearer';
import { registerExportDownload } from './download';
import { registerImports } from './imports';
import { DEFAULT_READER_LIMITS, ReaderLimits } from '../modules/imports/sheet-reader';
import { classifyError, errorCodeOf, formatError, INTERNAL_MESSAGE } from './errors';
import { registerWebApp } from './web-app';
import { graphiqlPage, registerGraphiqlAssets, wantsGraphiql } from './graphiql';
import { checkInputText } from './input-text';
import { DEFAULT_MAX_COST, operationCost } from './query-cost';
import { OperationLabels, PlatformMetrics, registerMetricsRoute } from './metrics';
import { InFlightLimit, RequestRateLimit } from './rate-limit';
import { TraceContext, traceContext } from './trace-context';
import { OtlpSettings, OtlpTraceExporter } from './otlp-traces';
import { RedactingLogController } from './redact';
import { resolveTrustedDocument, TrustedDocuments } from './trusted-documents';

export interface ServerOptions {
  dataSource: DataSource;
  /** Streaming replicas that answer reads (`DATABASE_REPLICA_URLS`); none: the primary answers everything. */
  replicas?: ReadReplicas;
  logger: Logger;
  /** Serve GraphiQL at GET /graphql. */
  graphiql: boolean;
  /** The built dashboard (services/web/dist) to serve at /; none: no dashboard. */
  webApp?: string;
  introspection: boolean;
  /** Add `x-sql-statements` (statements the request ran) to responses; for tests and benchmarks, not production. */
  exposeSqlStats: boolean;
  /** Signs access tokens; when absent a random one is made (tokens then end with the process). */
  jwtSecret?: string;
  tokenTtlSeconds?: number;
  /** Where roll-ups are read from: the aggregates (default), or the records (only to measure the difference in the benchmark). */
  rollupReader?: RollupReader;
  limits?: Partial<RequestLimits>;
  /** Browser origins that may call the API (CORS allowlist; exact `scheme://host[:port]`). None: no cross-origin call. */
  corsOrigins?: string[];
  /** Fastify's `trustProxy`: whose X-Forwarded-For gives the client's address. Off: the socket's address. */
  trustProxy?: boolean | string[];
  /** The operations registered clients were built with; `required`: nothing else runs. */
  trustedDocuments?: TrustedDocuments;
  /** Serve GET /metrics (Prometheus) to requests bearing this token; unset: no metrics. */
  metricsToken?: string;
  /** Export each request's span to this OpenTelemetry collector (OTLP/HTTP); unset: none. */
  otlp?: OtlpSettings;
}

/** What one request, and one client, may take of the platform. */
export interface RequestLimits {
  /** Time budget of a request; the database cancels a statement that would run past it (TIMEOUT). */
  timeBudgetMs: number;
  /** Largest cost of an operation, computed with its variables (`operationCost`). */
  maxCost: number;
  /** Largest GraphQL answer, in bytes of JSON (RESPONSE_TOO_LARGE beyond). */
  maxResponseBytes: number;
  /** Requests per minute per user (or per address when anonymous), and the burst allowed above that rate. */
  ratePerMinute: number;
  rateBurst: number;
  /**
   * How often the request rate buckets are shared with the other API processes through the
   * database (ms); 0: this process counts alone.
   */
  rateShareMs: number;
  /** Requests one user (or anonymous address) may have in flight at once. */
  maxConcurrent: number;
  login: LoginThrottleLimits;
  /** An import is one transaction over the whole file: its own time budget. */
  importTimeBudgetMs: number;
  /** The largest file, row count and cell an import takes. */
  imports: ReaderLimits;
}

export const DEFAULT_LIMITS: Omit<RequestLimits, 'login'> = {
  timeBudgetMs: DEFAULT_TIME_BUDGET_MS,
  importTimeBudgetMs: 300_000,
  imports: DEFAULT_READER_LIMITS,
  maxCost: DEFAULT_MAX_COST,
  maxResponseBytes: 4 * 1024 * 1024,
  ratePerMinute: 600,
  rateBurst: 120,
  rateShareMs: 1000,
  maxConcurrent: 4,
};

/** A client may pass its own request id to correlate logs; anything odd is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Logs what the client will only see masked, and rolls back a request that had any error.
 * Before anything runs: refuses control characters in any string input, and an operation that
 * would cost more than `maxCost` with the variables it was sent with.
 */
const requestPlugin = (maxCost: number): ApolloServerPlugin<RequestContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, operation, schema, contextValue }) {
        // a query reads: its transactions are READ ONLY (nothing it does can write), each message
        // its own, and what ends the request (a COMMIT, if one lasted) need not be waited for
        contextValue.session.readOnly = operation?.operation === 'query';
        // every log line of the request names its operation (the request line too, see serve)
        contextValue.observed.operationName = operation?.name?.value ?? null;
        if (contextValue.observed.operationName) contextValue.log = contextValue.log.child({ operation: contextValue.observed.operationName });
        try {
          checkInputText(document, request.variables);
          const cost = operation ? operationCost(schema, document, operation, request.variables) : null;
          if (cost !== null && cost > maxCost) {
            throw new CostLimitError(`查询代价 ${cost} 超过上限 ${maxCost}:请减少 first、别名或所请求的字段,或分页查询`, { cost, maxCost });
          }
        } catch (error) {
          // a refusal of the request itself, answered 400 as Apollo answers invalid documents
          if (error instanceof AppError) throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 400 } } });
          throw error;
        }
      },
      async didEncounterErrors({ contextValue, errors }) {
        contextValue.session.markFailed();
        contextValue.observed.errorCode ??= errorCodeOf(errors[0]);
        // no connection could be had (the login's throttle reads the pool directly): the request is answered 503
        if (errors.some((e) => isUnavailable(e.originalError))) {
          contextValue.session.unavailable ??= new ServiceUnavailableError();
          return contextValue.log.warn({ err: errors[0].originalError }, 'no database connection: answered 503');
        }
        // the client went away (a page navigated on): its statements were stopped, not failed
        if (contextValue.session.abandoned) return contextValue.log.info({ errors: errors.length }, 'request abandoned by the client');
        for (const error of errors) {
          if (classifyError(error) === 'internal') contextValue.log.error({ err: error.originalError ?? error }, 'internal error');
        }
      },
    };
  },
});

/**
 * The HTTP service: GraphQL (Apollo Server 5 on Fastify) at /graphql, GraphiQL on GET
 * /graphql from a browser, /healthz and /readyz. Each GraphQL request gets its own context and
 * database session, committed before the response goes out (rolled back if anything failed).
 */
export async function createServer(opts: ServerOptions): Promise<FastifyInstance> {
  const limits: RequestLimits = { ...DEFAULT_LIMITS, login: DEFAULT_LOGIN_LIMITS, ...opts.limits };
  /** Each request's trace context, made once (its span id is new) when its logger is made. */
  const traces = new WeakMap<object, TraceContext>();
  const spans = opts.otlp ? new OtlpTraceExporter(opts.otlp, opts.logger.child({ component: 'otlp' })) : null;
  const app = Fastify({
    // pino's Logger is what Fastify runs; its type only differs from FastifyBaseLogger in optional extras
    loggerInstance: opts.logger as FastifyBaseLogger,
    // request lines without the tokens of download links
    logController: new RedactingLogController(),
    requestIdHeader: false,
    bodyLimit: 256 * 1024,
    trustProxy: opts.trustProxy ?? false,
    // errors of the router itself (an over-long path parameter, a malformed URL): the same
    // short, coded answer as any bad request, without the URL echoed back
    frameworkErrors: (error, _request, reply) => {
      const bad = !!error.statusCode && error.statusCode >= 400 && error.statusCode < 500;
      // the router's reply is typed for no route in particular
      const r = reply as unknown as FastifyReply;
      void (bad ? r.code(400).send({ code: 'BAD_REQUEST', message: '请求的地址或参数格式不正确' }) : r.code(500).send({ code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE }));
    },
    // W3C trace context: a caller's trace id (traceparent) is on every log line of its request
    childLoggerFactory: (logger, bindings, options, raw) => {
      // exporting spans, every request has a trace: the caller's, or one it begins
      const trace = traceContext(raw.headers.traceparent, spans !== null);
      if (!trace) return logger.child(bindings, options);
      traces.set(raw, trace);
      return logger.child({ ...bindings, ...trace.logFields }, options);
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });

  // helmet's headers, built once: @fastify/helmet built the whole middleware again on every request
  // (its directives parsed anew each time, about 2% of a small query's CPU)
  const securityHeaders = helmet({
    // the API answers JSON; GraphiQL's page and the dashboard set policies of their own
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // answers are meant for the allowed origins too, which CORS (below) names
    crossOriginResourcePolicy: { policy: opts.corsOrigins?.length ? 'cross-origin' : 'same-origin' },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  const allowed = new Set(opts.corsOrigins ?? []);
  await app.register(cors, {
    // bearer tokens, not cookies: no credentials; an origin not on the list gets no CORS headers
    // (none listed: no cross-origin call at all, decided once rather than on every request)
    origin: allowed.size ? (origin, done) => done(null, origin !== undefined && allowed.has(origin)) : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler((error: { statusCode?: number; message?: string; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    // a client that left mid-answer (a page navigating on) broke the stream: not a failure of ours
    if (error.code === 'ERR_STREAM_PREMATURE_CLOSE' && (request.raw.destroyed || reply.raw.destroyed)) request.log.info({ err: error }, 'client went away mid-answer');
    else if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send(
      status >= 500
        ? { code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE }
        : { code: 'BAD_REQUEST', message: error.message ?? 'bad request' },
    );
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ code: 'NOT_FOUND', message: `${request.method} ${request.url} 不存在` }));

  const secret = opts.jwtSecret ?? randomBytes(32).toString('base64url');
  const metrics = opts.metricsToken ? new PlatformMetrics(opts.dataSource, opts.replicas) : null;
  const services: ProcessServices = {
    auth: { tokens: new TokenService(secret, opts.tokenTtlSeconds), logins: new LoginService(opts.dataSource, limits.login, (refusal) => metrics?.loginRefused(refusal)) },
    cursors: new CursorCodec(secret),
    rollupReader: opts.rollupReader,
  };
  const auth = services.auth;
  const rateLimit = new RequestRateLimit(limits.ratePerMinute, limits.rateBurst);
  if (limits.rateShareMs > 0) {
    const log = opts.logger.child({ component: 'rate-limit' });
    let warnedAt = 0;
    rateLimit.shareThrough(
      (keys, counts, emissionMs) => opts.dataSource.query(`SELECT key, ahead_ms FROM ggw_rate_share($1::text[], $2::int[], $3::float8)`, [keys, counts, emissionMs]),
      limits.rateShareMs,
      // the database away or read-only: each process goes on counting alone meanwhile (said once a minute)
      (error) => {
        if (Date.now() - warnedAt < 60_000) return;
        warnedAt = Date.now();
        log.warn({ err: error }, 'sharing the request rates failed: each API process counts alone until it works again');
      },
    );
    app.addHook('onClose', () => rateLimit.stop());
  }
  const inFlight = new InFlightLimit(limits.maxConcurrent);
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 20 },
    // parse-time protection comes from the body limit instead: armor's token check would report
    // plain syntax errors as validation failures and blur the error codes
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    // computed below with the variables' values instead (armor's sees only literals)
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !opts.introspection },
  }).protect();

  const apollo = new ApolloServer<RequestContext>({
    schema: protect(buildApiSchema()),
    validationRules: armor.validationRules,
    formatError,
    introspection: opts.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    // main.ts owns shutdown: Fastify (which drains Apollo) first, then the database
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // no HTTP caching of GraphQL answers (every figure is live and per viewer); the plugin
      // would also wrap every field's resolver (about an eighth of a large roll-up table's time)
      ApolloServerPluginCacheControlDisabled(),
      fastifyApolloDrainPlugin(app),
      requestPlugin(limits.maxCost),
      ...armor.plugins,
    ],
  });
  await apollo.start();

  const contexts = new WeakMap<FastifyRequest, RequestContext>();
  const execute = fastifyApolloHandler(apollo, { context: async (request) => contexts.get(request)! });

  /** A GraphQL-shaped refusal from the HTTP layer, before or instead of execution. */
  /** What a request sent to PostgreSQL before it was answered (its metrics). */
  const sqlBeforeAnswer = new WeakMap<FastifyRequest, { statements: number; seconds: number }>();
  /** The code a request was refused with by the HTTP layer (its metrics' outcome). */
  const refusedWith = new WeakMap<FastifyRequest, string>();
  const refuse = (reply: FastifyReply, status: number, code: string, message: string, extensions: Record<string, unknown> = {}) => {
    refusedWith.set(reply.request, code);
    return reply.code(status).header('cache-control', 'no-store').send({ errors: [{ message, extensions: { ...extensions, code } }] });
  };
  const unavailable = (reply: FastifyReply, error: ServiceUnavailableError) =>
    refuse(reply.header('retry-after', String(error.retryAfterSeconds)), 503, error.code, error.message, error.details);

  const operationLabels = new OperationLabels();
  /** What a GraphQL request was, once answered: its operation's name (null: none) and its outcome (`ok` or the code). */
  const observed = (request: FastifyRequest, reply: FastifyReply) => {
    const context = contexts.get(request);
    const given = (request.body as { operationName?: unknown } | undefined)?.operationName;
    return {
      operationName: context?.observed.operationName ?? (typeof given === 'string' ? given : null),
      outcome: refusedWith.get(request) ?? context?.observed.errorCode ?? (reply.statusCode < 400 ? 'ok' : `HTTP_${reply.statusCode}`),
    };
  };
  if (spans) {
    app.addHook('onResponse', async (request, reply) => {
      const trace = traces.get(request.raw);
      if (!trace?.sampled) return;
      const route = request.routeOptions.url ?? 'unmatched';
      const graphql = route === '/graphql' ? observed(request, reply) : null;
      const sql = sqlBeforeAnswer.get(request);
      spans.record({
        traceId: trace.traceId, spanId: trace.spanId, parentSpanId: trace.parentId,
        name: graphql ? `graphql ${operationLabels.label(graphql.operationName)}` : `${request.method} ${route}`,
        startMs: Date.now() - reply.elapsedTime,
        durationMs: reply.elapsedTime,
        failed: reply.statusCode >= 500,
        attributes: {
          'http.request.method': request.method, 'http.route': route, 'http.response.status_code': reply.statusCode, 'ggw.request_id': String(request.id),
          ...(graphql ? { 'graphql.operation.name': graphql.operationName ?? '', 'ggw.outcome': graphql.outcome } : {}),
          ...(sql ? { 'db.statements': sql.statements, 'db.seconds': sql.seconds } : {}),
        },
      });
    });
    app.addHook('onClose', () => spans.close());
  }

  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    onResponse: async (request, reply) => {
      if (!metrics) return;
      const { operationName, outcome } = observed(request, reply);
      metrics.observeRequest(operationLabels.label(operationName), outcome, reply.elapsedTime / 1000, sqlBeforeAnswer.get(request) ?? null);
    },
    handler: async function (request, reply) {
      // the trace goes on: our answer names the caller's trace and this request as its span
      const trace = traces.get(request.raw);
      if (trace) reply.header('traceparent', trace.response);
      if (request.method === 'GET' && opts.graphiql && wantsGraphiql(request.headers.accept, request.query)) {
        const page = graphiqlPage();
        return reply.headers(page.headers).send(page.body);
      }
      if (opts.trustedDocuments) {
        // a GET carries its operation in the query string: held to the same list
        const operation = request.method === 'POST' ? request.body : request.query;
        const refused = resolveTrustedDocument(opts.trustedDocuments, operation as Parameters<typeof resolveTrustedDocument>[1]);
        if (refused) return refuse(reply, 400, refused.code, refused.message);
      }
      const token = bearerToken(request.headers.authorization);
      let principal: Principal | null = null;
      if (token !== undefined) {
        try {
          if (token === null) throw new UnauthenticatedError('Authorization 请求头应为 Bearer <令牌>');
          principal = await auth.tokens.verify(token);
        } catch (error) {
          const message = error instanceof UnauthenticatedError ? error.message : '令牌无效';
          return refuse(reply, 401, 'UNAUTHENTICATED', message);
        }
      }
      const client = principal ? `u:${principal.userId}` : `a:${request.ip}`;
      const wait = rateLimit.take(client);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        metrics?.refusedForRate('requests');
        return refuse(reply, 429, 'RATE_LIMITED', `请求过于频繁,请 ${wait} 秒后再试`, { retryAfterSeconds: wait });
      }
      if (!inFlight.enter(client)) {
        reply.header('retry-after', '1');
        metrics?.refusedForRate('concurrent');
        return refuse(reply, 429, 'RATE_LIMITED', `同时进行的请求超过 ${limits.maxConcurrent} 个,请等前面的请求完成后再试`, { retryAfterSeconds: 1 });
      }
      try {
        return await serve(request, reply, principal);
      } finally {
        inFlight.leave(client);
      }
    },
  });

  /** One GraphQL request of a client already admitted: its session, execution and answer. */
  /** COMMITs of reads still travelling after their answers: waited for when the server closes. */
  const committing = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...committing]);
  });

  async function serve(request: FastifyRequest, reply: FastifyReply, principal: Principal | null) {
    const session = new RequestSession(opts.dataSource, principal, { timeBudgetMs: limits.timeBudgetMs, requestId: String(request.id), replicas: opts.replicas });
    // a client that has gone gets nothing more done for it: no new statement, and a rollback
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) session.abort();
    });
    contexts.set(request, createRequestContext({ id: request.id, log: request.log as Logger, ip: request.ip }, session, services));
    let body;
    let tooLarge = false;
    const closeFailed = (e: unknown) => request.log.error({ err: e }, 'closing the session failed');
    try {
      body = await execute.call(app, request as Parameters<typeof execute>[0], reply as Parameters<typeof execute>[1]);
      // the request line (logged when the answer is sent) names the operation too
      const operationName = contexts.get(request)?.observed.operationName;
      if (operationName) request.log = reply.log = request.log.child({ operation: operationName });
      // the token's user must still exist and be enabled, even when nothing was read (the check
      // travels with the first statement otherwise): answered 401 like any bad token
      if (principal && !session.opened) {
        try {
          await session.viewer();
        } catch (error) {
          // refused, unreachable or failed are answered below; anything else (the client left) is thrown
          if (!session.unauthenticated && !session.unavailable && !session.openFailed) throw error;
        }
      }
      // an answer that will not be sent is rolled back: nothing it did may stay
      tooLarge = typeof body === 'string' && Buffer.byteLength(body) > limits.maxResponseBytes;
      if (tooLarge) session.markFailed();
      const closing = session.close();
      if (session.readOnly && !tooLarge) {
        // a read's end changes nothing (a COMMIT, if a transaction lasted): the answer goes while it travels
        const tracked = closing.catch(closeFailed).finally(() => committing.delete(tracked));
        committing.add(tracked);
      } else {
        await closing;
      }
    } catch (error) {
      session.markFailed();
      await session.close().catch(closeFailed);
      if (session.unavailable) return unavailable(reply, session.unavailable);
      throw error;
    }
    // round trips before the answer (a read's COMMIT still travelling is not one)
    sqlBeforeAnswer.set(request, { statements: session.stats.statements, seconds: session.databaseMs / 1000 });
    if (session.readOnly && session.ranOn) metrics?.readServed(session.ranOn);
    if (opts.exposeSqlStats) reply.header('x-sql-statements', String(session.stats.statements));
    // no connection could be had: nothing ran, the whole request is refused (the client retries)
    if (session.unavailable) return unavailable(reply, session.unavailable);
    if (session.unauthenticated) return refuse(reply, 401, 'UNAUTHENTICATED', session.unauthenticated.message);
    // the database failed while opening (checking who asks): an internal error, never an answer about access
    if (session.openFailed) return refuse(reply, 500, 'INTERNAL_SERVER_ERROR', INTERNAL_MESSAGE);
    if (tooLarge) {
      request.log.warn({ bytes: Buffer.byteLength(body as string) }, 'response too large');
      const cap = limits.maxResponseBytes >= 1048576 ? `${Math.round(limits.maxResponseBytes / 1048576)} MB` : `${Math.round(limits.maxResponseBytes / 1024)} KB`;
      return refuse(reply, 200, 'RESPONSE_TOO_LARGE', `响应超过 ${cap} 的上限:请减少 first、别名或所请求的字段,或分页查询`, { maxBytes: limits.maxResponseBytes });
    }
    reply.header('cache-control', 'no-store');
    return body;
  }

  registerExportDownload(app, { dataSource: opts.dataSource, tokens: auth.tokens, timeBudgetMs: limits.timeBudgetMs, rateLimit });
  await registerImports(app, {
    dataSource: opts.dataSource, replicas: opts.replicas, tokens: auth.tokens, cursors: services.cursors, rateLimit, timeBudgetMs: limits.importTimeBudgetMs, limits: limits.imports,
  });
  if (opts.graphiql) registerGraphiqlAssets(app);
  if (opts.webApp) registerWebApp(app, opts.webApp);

  if (metrics && opts.metricsToken) registerMetricsRoute(app, metrics, opts.metricsToken);
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    const checks = { database: false, migrations: false };
    try {
      await opts.dataSource.query('SELECT 1');
      checks.database = true;
      checks.migrations = await migrationsCurrent(opts.dataSource);
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
    }
    const ready = checks.database && checks.migrations;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks });
  });

  return app;
}
