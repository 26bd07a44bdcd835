import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Trusted documents (persisted operations): the operations registered clients were built with,
 * from the manifest graphql-codegen's client preset writes (`persisted-documents.json`:
 * `"sha256:<hex>"` → document). With `required`, a request runs only a document of the
 * manifest, named by `documentId` (or Apollo's `extensions.persistedQuery.sha256Hash`) or sent
 * as its exact text; anything else is refused before it is parsed. Off, ids still work.
 */
export interface TrustedDocuments {
  mode: 'off' | 'required';
  /** sha256 (hex) of a document → its text */
  documents: Map<string, string>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Reads manifests (one per registered client), checking that every document is what its hash says. */
export function loadTrustedDocuments(files: string | string[], mode: TrustedDocuments['mode']): TrustedDocuments {
  const documents = new Map<string, string>();
  for (const file of typeof files === 'string' ? [files] : files) {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const [id, text] of Object.entries(manifest)) {
      const hash = id.replace(/^sha256:/, '');
      if (typeof text !== 'string' || sha256(text) !== hash) throw new Error(`trusted documents ${file}: ${id} is not the hash of its document`);
      documents.set(hash, text);
    }
  }
  return { mode, documents };
}

type Body = { query?: unknown; documentId?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | null | undefined;

/**
 * Resolves a request body against the trusted documents: fills in `query` for a document named
 * by id, and answers what is wrong (code and message) when the request may not run.
 */
export function resolveTrustedDocument(trusted: TrustedDocuments, body: Body): { code: string; message: string } | null {
  if (!body || typeof body !== 'object') return null;
  const named = body.documentId ?? body.extensions?.persistedQuery?.sha256Hash;
  if (named !== undefined) {
    const text = typeof named === 'string' ? trusted.documents.get(named.replace(/^sha256:/, '')) : undefined;
    if (!text) return { code: 'PERSISTED_QUERY_NOT_FOUND', message: '没有这个已登记的操作(documentId);请使用与服务器一同发布的客户端' };
    body.query = text;
    // Apollo would otherwise look it up in its own (disabled) persisted-query cache
    if (body.extensions) delete body.extensions.persistedQuery;
    return null;
  }
  if (trusted.mode === 'required' && !(typeof body.query === 'string' && trusted.documents.has(sha256(body.query)))) {
    return { code: 'TRUSTED_DOCUMENT_REQUIRED', message: '本服务只执行已登记的操作:请发送 documentId,或使用与服务器一同发布的客户端' };
  }
  return null;
}
