import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createServer } from '@ggw/api';
import { createTestDatabase, TestDatabase } from './test-database';

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
  /** POSTs a GraphQL request over real HTTP. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * The real API on a real port over a fresh test database (cloned from a template): what a
 * client gets, end to end over HTTP, with the statement count of every request.
 */
export async function startTestApi(opts: { reference?: boolean; db?: TestDatabase } = {}): Promise<TestApi> {
  const db = opts.db ?? (await createTestDatabase({ reference: opts.reference }));
  const app = await createServer({
    dataSource: db.dataSource,
    logger: pino({ level: 'silent' }),
    graphiql: true,
    introspection: true,
    exposeSqlStats: true,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    async gql(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse["body"], statements: Number(res.headers.get('x-sql-statements')) };
    },
    async close() {
      await app.close();
      if (!opts.db) await db.drop();
    },
  };
}
