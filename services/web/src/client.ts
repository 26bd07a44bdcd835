import { cacheExchange, Client, CombinedError, fetchExchange, makeOperation, mapExchange } from 'urql';
import { currentToken, signOut } from './session';

/**
 * The API lets one user have 4 requests in flight (MAX_CONCURRENT_REQUESTS) and answers 429
 * beyond; a page with several panels queues its requests here instead, and waits out a 429
 * (Retry-After) a few times before showing it.
 */
const MAX_IN_FLIGHT = 4;
let inFlight = 0;
const waiting: Array<() => void> = [];

async function limitedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight++;
  try {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(input, init);
      if (res.status !== 429 || attempt === 3) return res;
      const seconds = Math.min(Number(res.headers.get('retry-after')) || 1, 10);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  } finally {
    inFlight--;
    waiting.shift()?.();
  }
}

/**
 * Every operation goes by its hash alone (graphql-codegen's `__meta__.hash`, the key of its
 * persisted-documents.json): the server runs its own registered copy of the text, so it can
 * refuse everything else (TRUSTED_DOCUMENTS=required) and requests stay small.
 */
const byHash = mapExchange({
  onOperation(operation) {
    const hash = (operation.query as { __meta__?: { hash?: string } }).__meta__?.hash;
    if (!hash) return operation;
    return makeOperation(operation.kind, { ...operation, extensions: { ...operation.extensions, persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } } }, operation.context);
  },
});

/**
 * One GraphQL client for the page: same origin (/graphql), the bearer token of this tab, and
 * the document cache (an answer is reused until a mutation touches its types). A 401 means
 * the token is no longer good (expired, password changed, account disabled): sign out.
 */
export const client = new Client({
  url: '/graphql',
  // POST always: the API refuses simple GETs (CSRF prevention), and a POST keeps variables out of logs
  preferGetMethod: false,
  exchanges: [cacheExchange, byHash, fetchExchange],
  fetchOptions: () => {
    const token = currentToken();
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    return { headers };
  },
  fetch: async (input, init) => {
    const res = await limitedFetch(input, init);
    if (res.status === 401) signOut();
    return res;
  },
});

/** What went wrong, in words a clerk can act on: the API's own message, or the network's. */
export function errorText(error: CombinedError | undefined): string | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (first) return first.message;
  return '无法连接服务器,请检查网络后重试';
}

/** The API's stable error code of the first error (FORBIDDEN, BAD_USER_INPUT, …). */
export function errorCode(error: CombinedError | undefined): string | null {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

/** An org the user may not see answers as one that does not exist (the API does the same). */
export function orgErrorText(error: CombinedError | undefined, code: string): string | null {
  const c = errorCode(error);
  if (c === 'NOT_FOUND' || c === 'FORBIDDEN') return `没有找到组织 ${code},或您无权查看它。`;
  return errorText(error);
}
