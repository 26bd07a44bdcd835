import type { Logger } from 'pino';
import { RequestSession } from './common/session';
import { createOrgLoaders } from './modules/org/org.loaders';
import { createRecordLoaders } from './modules/records/records.loaders';
import { createRollupLoader } from './modules/rollup/rollup.loaders';

/**
 * Everything one request needs, built once per request and passed to every resolver and
 * service: its id and logger, its database session, and its own loaders (a loader's cache
 * never outlives the request, so it can never serve one viewer's rows to another).
 */
export interface RequestContext {
  requestId: string;
  log: Logger;
  session: RequestSession;
  loaders: ReturnType<typeof createLoaders>;
}

export function createLoaders(session: RequestSession) {
  return { ...createOrgLoaders(session), ...createRecordLoaders(session), rollups: createRollupLoader(session) };
}

export function createRequestContext(requestId: string, log: Logger, session: RequestSession): RequestContext {
  return { requestId, log, session, loaders: createLoaders(session) };
}
