import type { Logger } from 'pino';
import { LoginService, TokenService, Viewer } from '@ggw/authz';
import type { RollupReader } from '@ggw/rollup';
import { CursorCodec } from './common/cursor';
import { RequestSession } from './common/session';
import { createOrgLoaders } from './modules/org/org.loaders';
import { createRecordLoaders } from './modules/records/records.loaders';
import { createRollupLoader } from './modules/rollup/rollup.loaders';
import { createUserLoaders } from './modules/users/users.service';

/** Process-wide services the auth resolvers need. */
export interface AuthServices {
  tokens: TokenService;
  logins: LoginService;
}

/** What every request of a process shares: made once at start. */
export interface ProcessServices {
  auth: AuthServices;
  cursors: CursorCodec;
  rollupReader?: RollupReader;
}

/**
 * What a service is given: who is asking, the database session scoped to them, the id that
 * names the work in logs and in the audit trail, and the loaders of that session (a loader's
 * cache never outlives it, so it can never serve one viewer's rows to another). Nothing of
 * GraphQL or HTTP: an import or a scheduled job builds one from a session of its own.
 */
export interface ServiceContext {
  requestId: string;
  session: RequestSession;
  /** The viewer, or null when the request carries no token. */
  viewer(): Promise<Viewer | null>;
  /** Signs and checks the pagination cursors of every list. */
  cursors: CursorCodec;
  loaders: ReturnType<typeof createLoaders>;
}

/**
 * Everything one GraphQL request needs, built once per request and passed to every resolver:
 * the service context plus what only the HTTP edge has (its logger, the client's address,
 * the token services of login).
 */
export interface RequestContext extends ServiceContext {
  log: Logger;
  clientAddress: string;
  auth: AuthServices;
  /**
   * What the request turned out to be, for its log line and the metrics: the operation's name
   * once resolved (null when it has none) and the code of its first error. An object of its
   * own: Apollo runs each operation with a shallow copy of the context.
   */
  observed: { operationName: string | null; errorCode?: string };
}

export function createLoaders(session: RequestSession, cursors: CursorCodec, rollupReader?: RollupReader) {
  return { ...createOrgLoaders(session), ...createRecordLoaders(session, cursors), ...createUserLoaders(session), rollups: createRollupLoader(session, rollupReader) };
}

export function createRequestContext(
  request: { id: string; log: Logger; ip: string },
  session: RequestSession,
  services: ProcessServices,
): RequestContext {
  return {
    requestId: request.id,
    log: request.log,
    clientAddress: request.ip,
    session,
    viewer: () => session.viewer(),
    auth: services.auth,
    cursors: services.cursors,
    loaders: createLoaders(session, services.cursors, services.rollupReader),
    observed: { operationName: null },
  };
}
