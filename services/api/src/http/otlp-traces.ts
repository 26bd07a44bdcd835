import type { Logger } from 'pino';

/** A request's span, finished: what is sent to the collector. */
export interface FinishedSpan {
  traceId: string;
  spanId: string;
  /** The caller's span (from its `traceparent`); none for a trace this request began. */
  parentSpanId?: string;
  name: string;
  startMs: number;
  durationMs: number;
  /** An answer of 5xx: the span's status is ERROR (a refusal of the client's request is not our error). */
  failed: boolean;
  attributes: Record<string, string | number>;
}

export interface OtlpSettings {
  /** The collector's traces URL (`…/v1/traces`). */
  url: string;
  /** Extra headers of each export (`OTEL_EXPORTER_OTLP_HEADERS`: an API key, a tenant). */
  headers: Record<string, string>;
  serviceName: string;
}

/** Spans waiting for export at most; beyond, new ones are dropped (and counted) rather than held. */
const MAX_QUEUED = 4096;
const BATCH = 512;
const EVERY_MS = 1000;
const EXPORT_TIMEOUT_MS = 5000;

/** OTLP/JSON's SPAN_KIND_SERVER, STATUS_CODE_OK and STATUS_CODE_ERROR. */
const SERVER = 2;
const OK = 1;
const ERROR = 2;

const attribute = (key: string, value: string | number) =>
  ({ key, value: typeof value === 'number' ? (Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value }) : { stringValue: value } });
const nanos = (ms: number) => (BigInt(Math.round(ms * 1000)) * 1000n).toString();

/**
 * OpenTelemetry export of the API's request spans, OTLP over HTTP with JSON (the protocol every
 * collector accepts; spans in batches every second, or of 512). One span per request, with the
 * ids its log lines and its `traceparent` answer carry, so a trace found in the collector leads
 * to the log lines and back. Off unless `OTEL_EXPORTER_OTLP_ENDPOINT` is set. Never in a
 * request's way: a collector that is slow or down costs dropped spans (logged once a minute),
 * not latency or memory.
 */
export class OtlpTraceExporter {
  private queue: FinishedSpan[] = [];
  private dropped = 0;
  private sending?: Promise<void>;
  private readonly timer: NodeJS.Timeout;
  private warnedAt = 0;

  constructor(private readonly settings: OtlpSettings, private readonly log: Logger) {
    this.timer = setInterval(() => void this.flush(), EVERY_MS);
    this.timer.unref();
  }

  record(span: FinishedSpan): void {
    if (this.queue.length >= MAX_QUEUED) {
      this.dropped++;
      return;
    }
    this.queue.push(span);
    if (this.queue.length >= BATCH) void this.flush();
  }

  /** Sends what is queued (one export at a time); resolves when it has been answered or given up. */
  async flush(): Promise<void> {
    while (this.sending) await this.sending;
    if (!this.queue.length) return;
    const batch = this.queue.splice(0, BATCH);
    this.sending = this.send(batch).finally(() => (this.sending = undefined));
    await this.sending;
  }

  /** Stops the timer and sends what is left. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    while (this.queue.length) await this.flush();
  }

  private async send(spans: FinishedSpan[]): Promise<void> {
    const body = {
      resourceSpans: [{
        resource: { attributes: [attribute('service.name', this.settings.serviceName)] },
        scopeSpans: [{
          scope: { name: 'ggw-api' },
          spans: spans.map((s) => ({
            traceId: s.traceId,
            spanId: s.spanId,
            ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
            name: s.name,
            kind: SERVER,
            startTimeUnixNano: nanos(s.startMs),
            endTimeUnixNano: nanos(s.startMs + s.durationMs),
            attributes: Object.entries(s.attributes).map(([k, v]) => attribute(k, v)),
            status: { code: s.failed ? ERROR : OK },
          })),
        }],
      }],
    };
    try {
      const res = await fetch(this.settings.url, {
        method: 'POST',
        headers: { ...this.settings.headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(EXPORT_TIMEOUT_MS),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`the collector answered ${res.status}`);
    } catch (error) {
      this.dropped += spans.length;
      if (Date.now() - this.warnedAt > 60_000) {
        this.warnedAt = Date.now();
        this.log.warn({ err: error, dropped: this.dropped }, 'OpenTelemetry export failed: spans dropped');
      }
    }
  }
}
