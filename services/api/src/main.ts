import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { TokenService } from '@ggw/authz';
import { stopOnSignals } from '@ggw/db';
import { runMain, startScheduler } from '@ggw/scheduler';
import { openPlatformDatabase } from './database';
import { Environment, parseEnvironment } from './environment';
import { createServer } from './http/server';
import { loadTrustedDocuments } from './http/trusted-documents';

/** The dashboard's built files, if built; without them the API still runs (and says why there is no dashboard). */
function builtWebApp(env: Environment, log: pino.Logger): string | undefined {
  if (!env.webApp) return undefined;
  if (existsSync(join(env.webApp, 'index.html'))) return env.webApp;
  log.warn({ dir: env.webApp }, 'the dashboard is not built (pnpm build:web): serving the API only');
  return undefined;
}

/** Starts the API: configuration, database, HTTP; stops all of it cleanly on SIGINT/SIGTERM. */
async function main(env: Environment): Promise<void> {
  const log = pino({ level: env.logLevel, base: { service: 'api' } });
  const database = await openPlatformDatabase(env, log);
  const app = await createServer({
    dataSource: database.dataSource,
    replicas: database.replicas,
    logger: log,
    graphiql: env.graphiql,
    webApp: builtWebApp(env, log),
    introspection: env.introspection,
    exposeSqlStats: !env.production,
    jwtSecret: env.jwtSecret,
    tokenTtlSeconds: env.tokenTtlSeconds,
    limits: env.limits,
    corsOrigins: env.corsOrigins,
    trustProxy: env.trustProxy,
    metricsToken: env.metricsToken,
    otlp: env.otlp,
    trustedDocuments: env.trustedDocuments && loadTrustedDocuments(env.trustedDocuments.files, env.trustedDocuments.mode),
  }).catch(async (error) => {
    await database.close(); // never leave the embedded PostgreSQL running behind a failed start
    throw error;
  });
  const scheduler = env.runScheduler
    ? await startScheduler({ appUrl: database.appUrl, dataSource: database.dataSource, log: log.child({ component: 'scheduler' }), settings: env.scheduler })
      .catch(async (error) => {
        await app.close();
        await database.close();
        throw error;
      })
    : null;

  stopOnSignals({
    log,
    stop: async () => {
      await scheduler?.stop(); // finishes (or hands back) a running export
      await app.close(); // stops accepting, lets in-flight requests finish
      await database.close(); // pool, then the embedded PostgreSQL (a clean, fast shutdown)
    },
  });

  await app.listen({ port: env.port, host: env.host }).catch(async (error) => {
    await scheduler?.stop();
    await app.close();
    await database.close();
    throw error;
  });
  log.info({ url: `http://localhost:${env.port}/graphql`, graphiql: env.graphiql, dashboard: env.webApp ? `http://localhost:${env.port}/` : null }, 'GraphQL API ready');
  if (database.createdPlatformAdmin && env.jwtSecret) {
    // once, at the start that created the account: the operator sets a password with it (activateAccount)
    const link = await new TokenService(env.jwtSecret).issuePasswordLink({ userId: database.createdPlatformAdmin.id, tokenVersion: 1 }, database.createdPlatformAdmin.username);
    log.warn({ username: database.createdPlatformAdmin.username, activationToken: link.token, expiresAt: link.expiresAt }, 'platform admin created: set its password with mutation activateAccount(token, password) within 72 hours');
  }
}

runMain(parseEnvironment, main);
