import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { startTestApi, TestApi } from '@ggw/testing';

const TOKEN = 'metrics-spec-token-0123456789abcdef';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

/** One metric's sample value from the exposition text (labels in the order written), or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(labels ? `${name}{${labels}}` : `${name} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /metrics and trace context', () => {
  let api: TestApi;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    });
    api = await startTestApi({ reference: true, as: 'jian-admin', metricsToken: TOKEN, logger: pino({ level: 'info' }, sink) });
  });
  afterAll(() => api.close());

  const scrape = async (authorization?: string) => {
    const res = await fetch(`${api.url}/metrics`, { headers: authorization ? { authorization } : {} });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('is not public: no token or a wrong one is answered as if there were no such page', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Basic ${TOKEN}`]) {
      const res = await scrape(authorization);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('ggw_');
    }
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts requests by operation and outcome, with their time, statements and SQL time', async () => {
    await api.gql('query SignedIn { __typename }'); // the suite's user signs in on its first request
    const before = (await scrape(`Bearer ${TOKEN}`)).text;
    const figures = 'query Headline { org(code: "220582") { rollup(period: "2020") { orgCount } } }';
    for (let i = 0; i < 3; i++) expect((await api.gql<{ org: { rollup: { orgCount: number } } }>(figures)).body.data?.org.rollup.orgCount).toBe(218);
    expect((await api.gql('query Missing { org(code: "000000") { name } }')).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await api.gql('{ __typename }');
    const text = (await scrape(`Bearer ${TOKEN}`)).text;
    const delta = (name: string, labels: string) => (sample(text, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(delta('ggw_graphql_requests_total', 'operation="Headline",outcome="ok"')).toBe(3);
    expect(delta('ggw_graphql_requests_total', 'operation="Missing",outcome="NOT_FOUND"')).toBe(1);
    expect(delta('ggw_graphql_requests_total', 'operation="anonymous",outcome="ok"')).toBe(1);
    expect(delta('ggw_graphql_request_duration_seconds_count', 'operation="Headline",outcome="ok"')).toBe(3);
    // the README query's one round trip (the org and its roll-up with the scopes), each time
    expect(delta('ggw_sql_statements_per_request_sum', 'operation="Headline"')).toBe(3);
    expect(delta('ggw_sql_seconds_per_request_sum', 'operation="Headline"')).toBeGreaterThan(0);
    for (const state of ['in_use', 'idle', 'waiting']) expect(sample(text, 'ggw_db_pool_connections', `state="${state}"`)).toBeGreaterThanOrEqual(0);
    for (const state of ['created', 'retry', 'active']) expect(sample(text, 'ggw_export_queue_jobs', `state="${state}"`)).toBe(0);
    expect(sample(text, 'ggw_api_process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
  });

  it('counts failed logins, and keeps the operation label set bounded whatever names clients make up', async () => {
    const before = (await scrape(`Bearer ${TOKEN}`)).text;
    await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation SignIn { login(username: "taishang-admin", password: "wrong") { token } }' }) });
    for (let i = 0; i < 230; i++) await api.gql(`query Made${i} { __typename }`);
    await api.gql('query Made0 { __typename }');
    const text = (await scrape(`Bearer ${TOKEN}`)).text;
    expect((sample(text, 'ggw_login_failures_total') ?? 0) - (sample(before, 'ggw_login_failures_total') ?? 0)).toBeGreaterThanOrEqual(1);
    const labels = new Set(text.split('\n').filter((l) => l.startsWith('ggw_graphql_requests_total{')).map((l) => /operation="([^"]*)"/.exec(l)![1]));
    // 200 names of their own, anonymous, and other
    expect(labels.size).toBeLessThanOrEqual(202);
    expect(labels).toContain('other');
    expect(sample(text, 'ggw_graphql_requests_total', 'operation="Made0",outcome="ok"')).toBe(2);
  });

  it('honours a W3C traceparent: its trace on every log line of the request and in the answer, with a span of our own', async () => {
    const parent = '00f067aa0ba902b7';
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await api.login('jian-admin')}`, traceparent: `00-${TRACE_ID}-${parent}-01` },
      body: JSON.stringify({ query: 'query Traced { org(code: "220582") { name } }' }),
    });
    const answered = res.headers.get('traceparent')!;
    expect(answered).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    const span = answered.split('-')[2];
    expect(span).not.toBe(parent);
    const requestId = res.headers.get('x-request-id');
    const mine = lines.filter((l) => l.reqId === requestId);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    for (const l of mine) expect(l).toMatchObject({ trace_id: TRACE_ID, span_id: span, parent_span_id: parent });
    expect(mine.find((l) => l.msg === 'request completed')).toMatchObject({ operation: 'Traced' });
    // a malformed or all-zero traceparent is ignored, as the standard asks
    for (const bad of ['00-xyz', `ff-${TRACE_ID}-${parent}-01`, `00-${'0'.repeat(32)}-${parent}-01`, `00-${TRACE_ID.toUpperCase()}-${parent}-01`]) {
      const r = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', traceparent: bad }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(r.headers.get('traceparent')).toBeNull();
    }
  });
});

describe('rate-limit refusals in the metrics', () => {
  it('counts requests refused for their rate', async () => {
    const api = await startTestApi({ reference: true, as: 'jian-admin', metricsToken: TOKEN, limits: { ratePerMinute: 60, rateBurst: 2 } });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await api.gql('{ __typename }')).status);
      expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0);
      const text = await (await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      expect(sample(text, 'ggw_rate_limited_total', 'kind="requests"')).toBe(codes.filter((c) => c === 429).length);
      expect(sample(text, 'ggw_graphql_requests_total', 'operation="anonymous",outcome="RATE_LIMITED"')).toBe(codes.filter((c) => c === 429).length);
    } finally {
      await api.close();
    }
  });
});

describe('OpenTelemetry export (OTLP over HTTP, JSON)', () => {
  it('sends each request\'s span, with the ids its logs and its traceparent carry, to the collector; a failing collector costs nothing else', async () => {
    const received: Array<{ headers: Record<string, unknown>; body: any }> = [];
    let failing = false;
    const collector = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(data) });
        res.writeHead(failing ? 503 : 200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`;
    const api = await startTestApi({ reference: true, as: 'jian-admin', otlp: { url, headers: { 'x-api-key': 'collector-key' }, serviceName: 'ggw-api-test' } });
    try {
      const token = await api.login('jian-admin');
      const parent = '00f067aa0ba902b7';
      const post = (query: string, headers: Record<string, string> = {}) => fetch(`${api.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify({ query }),
      });
      const traced = await post('query Traced { org(code: "220582") { rollup(period: "2020") { orgCount } } }', { traceparent: `00-${TRACE_ID}-${parent}-01` });
      // without a traceparent, the request begins a trace of its own
      const rooted = await post('query Rooted { org(code: "000000") { name } }');
      const unsampled = await post('query Unsampled { __typename }', { traceparent: `00-${TRACE_ID}-${parent}-00` });
      const answered = [traced, rooted, unsampled].map((r) => r.headers.get('traceparent')!.split('-'));
      const spans = async () => {
        for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
          const all = received.flatMap((r) => r.body.resourceSpans.flatMap((rs: any) => rs.scopeSpans.flatMap((ss: any) => ss.spans)));
          if (all.length >= 3) return all;
        }
        throw new Error('no spans reached the collector');
      };
      const all = await spans();
      expect(received[0].headers).toMatchObject({ 'x-api-key': 'collector-key', 'content-type': 'application/json' });
      expect(received[0].body.resourceSpans[0].resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'ggw-api-test' } });
      const attrs = (s: any) => Object.fromEntries(s.attributes.map((a: any) => [a.key, a.value.stringValue ?? Number(a.value.intValue ?? a.value.doubleValue)]));
      const first = all.find((s: any) => s.name === 'graphql Traced');
      expect(first).toMatchObject({ traceId: TRACE_ID, parentSpanId: parent, spanId: answered[0][2], kind: 2, status: { code: 1 } });
      expect(BigInt(first.endTimeUnixNano)).toBeGreaterThan(BigInt(first.startTimeUnixNano));
      expect(attrs(first)).toMatchObject({ 'http.route': '/graphql', 'http.response.status_code': 200, 'graphql.operation.name': 'Traced', 'ggw.outcome': 'ok', 'db.statements': 1 });
      const second = all.find((s: any) => s.name === 'graphql Rooted');
      expect(second).toMatchObject({ traceId: answered[1][1], spanId: answered[1][2] });
      expect(second.parentSpanId).toBeUndefined();
      expect(attrs(second)['ggw.outcome']).toBe('NOT_FOUND');
      // the caller asked for this trace not to be recorded
      expect(all.find((s: any) => s.name === 'graphql Unsampled')).toBeUndefined();
      // the collector failing: answers are unaffected, the spans are dropped
      failing = true;
      for (let i = 0; i < 3; i++) expect((await post('{ __typename }')).status).toBe(200);
    } finally {
      await api.close();
      collector.close();
    }
  });
});
