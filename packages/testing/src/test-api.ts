import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino, { Logger } from 'pino';
import { createServer, loadTrustedDocuments, OtlpSettings, RequestLimits, TrustedDocuments, WEB_APP_DOCUMENTS } from '@ggw/api';
import { createDataSource } from '@ggw/db';
import { createTestDatabase, TestDatabase } from './test-database';
import { TEST_JWT_SECRET } from './test-env';

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }> };
  /** Statements the request ran (the server's `x-sql-statements` header). */
  statements: number;
}

export interface TestApi {
  /** Base URL of the running server, e.g. http://127.0.0.1:39123 */
  url: string;
  db: TestDatabase;
  /** POSTs a GraphQL request over real HTTP, as the default user (`as`) unless headers say otherwise. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** The same as a given user (logged in through the `login` mutation; tokens are cached), or anonymously with null. */
  gqlAs<T = any>(username: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Logs in over HTTP (password `demo` unless given) and returns the token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real API on a real port over a fresh test database (cloned from a template): what a
 * client gets, end to end over HTTP, with the statement count of every request.
 */
export async function startTestApi(
  opts: {
    reference?: boolean; db?: TestDatabase; as?: string; limits?: Partial<RequestLimits>; poolSize?: number; acquireTimeoutMs?: number; logger?: Logger;
    corsOrigins?: string[]; trustProxy?: boolean | string[]; trustedDocuments?: TrustedDocuments; metricsToken?: string; otlp?: OtlpSettings;
    /** Serve the built dashboard (services/web/dist) at /. */
    webApp?: boolean;
  } = {},
): Promise<TestApi> {
  const db = opts.db ?? (await createTestDatabase({ reference: opts.reference }));
  // the server connects as the application role, as in production: row-level security applies
  const appDataSource = createDataSource({ url: db.appUrl, poolSize: opts.poolSize ?? 4, acquireTimeoutMs: opts.acquireTimeoutMs });
  await appDataSource.initialize();
  const app = await createServer({
    dataSource: appDataSource,
    logger: opts.logger ?? pino({ level: process.env.TEST_API_LOG ?? 'silent' }),
    graphiql: true,
    introspection: true,
    exposeSqlStats: true,
    jwtSecret: TEST_JWT_SECRET,
    // suites send thousands of requests as one user; the rate limit has tests of its own
    // (and count alone: a suite that wants the buckets shared asks for rateShareMs)
    limits: { ratePerMinute: 1_000_000, rateBurst: 1_000_000, maxConcurrent: 1000, rateShareMs: 0, ...opts.limits },
    corsOrigins: opts.corsOrigins,
    trustProxy: opts.trustProxy,
    metricsToken: opts.metricsToken,
    otlp: opts.otlp,
    // the dashboard names its operations by hash: they are registered wherever it is served
    trustedDocuments: opts.trustedDocuments ?? (opts.webApp ? loadTrustedDocuments(WEB_APP_DOCUMENTS, 'off') : undefined),
    webApp: opts.webApp ? join(__dirname, '..', '..', '..', 'services', 'web', 'dist') : undefined,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const post = async (query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>): Promise<GraphQLResponse> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse['body'], statements: Number(res.headers.get('x-sql-statements')) };
  };
  const tokens = new Map<string, string>();
  const login = async (username: string, password = 'demo') => {
    const res = await post('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password }, {});
    const token = res.body.data?.login?.token;
    if (!token) throw new Error(`login as ${username} failed: ${JSON.stringify(res.body.errors)}`);
    return token;
  };
  const authHeaders = async (username: string | null | undefined): Promise<Record<string, string>> => {
    if (!username) return {};
    if (!tokens.has(username)) tokens.set(username, await login(username));
    return { authorization: `Bearer ${tokens.get(username)}` };
  };
  return {
    url,
    db,
    login,
    async gql(query, variables, headers = {}) {
      return post(query, variables, { ...(await authHeaders(opts.as)), ...headers });
    },
    async gqlAs(username, query, variables) {
      return post(query, variables, await authHeaders(username));
    },
    async close() {
      await app.close();
      await appDataSource.destroy();
      if (!opts.db) await db.drop();
    },
  };
}

/** The first error of a response that must have failed (a response without errors fails the test). */
export function firstError(res: GraphQLResponse): { message: string; code: string; extensions: Record<string, any> } {
  const error = res.body.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(res.body.data)}`);
  return { message: error.message, code: String(error.extensions?.code), extensions: error.extensions ?? {} };
}

/** Money as the API sends it (a decimal string in 元, `"1500.50"`) in 分, an exact integer to add and compare. */
export const fen = (yuan: string): number => {
  if (!/^-?\d+(\.\d{1,2})?$/.test(yuan)) throw new Error(`not money: ${yuan}`);
  return Math.round(Number(yuan) * 100);
};
