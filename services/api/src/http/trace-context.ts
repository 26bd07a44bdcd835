import { randomBytes } from 'node:crypto';

/** `version-traceid-parentid-flags`, lower-case hex (W3C Trace Context, level 1). */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export interface TraceContext {
  traceId: string;
  /** The caller's span: the parent of this request's. */
  parentId: string;
  /** This request's own span. */
  spanId: string;
  /** What every log line of the request carries. */
  logFields: { trace_id: string; span_id: string; parent_span_id: string };
  /** The `traceparent` to answer (and to pass on): the same trace, this request as its span. */
  response: string;
}

/**
 * The trace a request belongs to, from its `traceparent` header; undefined without one or for
 * one that is not valid (version ff, an all-zero id, a malformed header: ignored, as the
 * standard asks). Each call makes a new span id: call it once per request.
 */
export function traceContext(header: string | string[] | undefined): TraceContext | undefined {
  if (typeof header !== 'string') return undefined;
  const m = TRACEPARENT.exec(header.trim());
  if (!m) return undefined;
  const [, version, traceId, parentId, flags] = m;
  if (version === 'ff' || /^0+$/.test(traceId) || /^0+$/.test(parentId)) return undefined;
  const spanId = randomBytes(8).toString('hex');
  return {
    traceId, parentId, spanId,
    logFields: { trace_id: traceId, span_id: spanId, parent_span_id: parentId },
    response: `00-${traceId}-${spanId}-${flags}`,
  };
}
