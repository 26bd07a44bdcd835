import { randomBytes } from 'node:crypto';

/** `version-traceid-parentid-flags`, lower-case hex (W3C Trace Context, level 1). */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export interface TraceContext {
  traceId: string;
  /** The caller's span: the parent of this request's; none when this request began the trace. */
  parentId?: string;
  /** This request's own span. */
  spanId: string;
  /** The caller asked for the trace to be recorded (the `sampled` flag); a trace begun here is. */
  sampled: boolean;
  /** What every log line of the request carries. */
  logFields: { trace_id: string; span_id: string; parent_span_id?: string };
  /** The `traceparent` to answer (and to pass on): the same trace, this request as its span. */
  response: string;
}

/**
 * The trace a request belongs to, from its `traceparent` header; without one, or for one that is
 * not valid (version ff, an all-zero id, a malformed header: ignored, as the standard asks), a
 * new trace when `begin` (spans are exported), else undefined. Each call makes a new span id:
 * call it once per request.
 */
export function traceContext(header: string | string[] | undefined, begin = false): TraceContext | undefined {
  const m = typeof header === 'string' ? TRACEPARENT.exec(header.trim()) : null;
  if (!m || m[1] === 'ff' || /^0+$/.test(m[2]) || /^0+$/.test(m[3])) {
    // a request outside any trace costs no random bytes (about 1% of a small query's CPU)
    if (!begin) return undefined;
    const spanId = randomBytes(8).toString('hex');
    const traceId = randomBytes(16).toString('hex');
    return { traceId, spanId, sampled: true, logFields: { trace_id: traceId, span_id: spanId }, response: `00-${traceId}-${spanId}-01` };
  }
  const [, , traceId, parentId, flags] = m;
  const spanId = randomBytes(8).toString('hex');
  return {
    traceId, parentId, spanId,
    sampled: (parseInt(flags, 16) & 1) === 1,
    logFields: { trace_id: traceId, span_id: spanId, parent_span_id: parentId },
    response: `00-${traceId}-${spanId}-${flags}`,
  };
}
