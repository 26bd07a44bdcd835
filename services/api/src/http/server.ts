import { randomBytes, randomUUID } from 'node:crypto';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { LoginThrottle, TokenService } from '@ggw/authz';
import { UnauthenticatedError } from '@ggw/domain';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { migrationsCurrent } from '@ggw/db';
import type { RollupReader } from '@ggw/rollup';
import { RequestSession } from '../common/session';
import { AuthServices, createRequestContext, RequestContext } from '../context';
import { protect } from '../modules/auth/gate';
import { buildApiSchema } from '../schema';
import { bearerToken } from './bearer';
import { registerExportDownload } from './download';
import { classifyError, formatError, INTERNAL_MESSAGE } from './errors';
import { graphiqlPage, registerGraphiqlAssets, wantsGraphiql } from './graphiql';

export interface ServerOptions {
  dataSource: DataSource;
  logger: Logger;
  /** Serve GraphiQL at GET /graphql. */
  graphiql: boolean;
  introspection: boolean;
  /** Add `x-sql-statements` (statements the request ran) to responses; for tests and benchmarks, not production. */
  exposeSqlStats: boolean;
  /** Signs access tokens; when absent a random one is made (tokens then end with the process). */
  jwtSecret?: string;
  tokenTtlSeconds?: number;
  /** Where roll-ups are read from: the aggregates (default), or the records (only to measure the difference in the benchmark). */
  rollupReader?: RollupReader;
}

/** A client may pass its own request id to correlate logs; anything odd is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Logs what the client will only see masked, and rolls back a request that had any error. */
const requestPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        contextValue.session.markFailed();
        for (const error of errors) {
          if (classifyError(error) === 'internal') contextValue.log.error({ err: error.originalError ?? error }, 'internal error');
        }
      },
    };
  },
};

/**
 * The HTTP service: GraphQL (Apollo Server 5 on Fastify) at /graphql, GraphiQL on GET
 * /graphql from a browser, /healthz and /readyz. Each GraphQL request gets its own context and
 * database session, committed before the response goes out (rolled back if anything failed).
 */
export async function createServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // pino's Logger is what Fastify runs; its type only differs from FastifyBaseLogger in optional extras
    loggerInstance: opts.logger as FastifyBaseLogger,
    requestIdHeader: false,
    bodyLimit: 256 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send(
      status >= 500
        ? { code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE }
        : { code: 'BAD_REQUEST', message: error.message ?? 'bad request' },
    );
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ code: 'NOT_FOUND', message: `${request.method} ${request.url} 不存在` }));

  const auth: AuthServices = {
    tokens: new TokenService(opts.jwtSecret ?? randomBytes(32).toString('base64url'), opts.tokenTtlSeconds),
    throttle: new LoginThrottle(),
  };
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 20 },
    // parse-time protection comes from the body limit instead: armor's token check would report
    // plain syntax errors as validation failures and blur the error codes
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: 50000 },
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
      requestPlugin,
      ...armor.plugins,
    ],
  });
  await apollo.start();

  const contexts = new WeakMap<FastifyRequest, RequestContext>();
  const execute = fastifyApolloHandler(apollo, { context: async (request) => contexts.get(request)! });

  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    handler: async function (request, reply) {
      if (request.method === 'GET' && opts.graphiql && wantsGraphiql(request.headers.accept, request.query)) {
        const page = graphiqlPage();
        return reply.headers(page.headers).send(page.body);
      }
      const token = bearerToken(request.headers.authorization);
      let userId: string | null = null;
      if (token !== undefined) {
        try {
          if (token === null) throw new UnauthenticatedError('Authorization 请求头应为 Bearer <令牌>');
          userId = await auth.tokens.verify(token);
        } catch (error) {
          const message = error instanceof UnauthenticatedError ? error.message : '令牌无效';
          return reply.code(401).send({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
        }
      }
      const session = new RequestSession(opts.dataSource, userId);
      contexts.set(request, createRequestContext({ id: request.id, log: request.log as Logger, ip: request.ip }, session, auth, opts.rollupReader));
      let body;
      try {
        body = await execute.call(this, request as Parameters<typeof execute>[0], reply as Parameters<typeof execute>[1]);
        await session.close();
      } catch (error) {
        session.markFailed();
        await session.close().catch((e) => request.log.error({ err: e }, 'closing the session failed'));
        throw error;
      }
      if (opts.exposeSqlStats) reply.header('x-sql-statements', String(session.stats.statements));
      return body;
    },
  });

  registerExportDownload(app, { dataSource: opts.dataSource, tokens: auth.tokens });
  if (opts.graphiql) registerGraphiqlAssets(app);

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
