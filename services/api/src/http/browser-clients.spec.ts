import { startTestApi, TestApi } from '@ggw/testing';

/** What a browser app on its own origin, and a deployment behind a proxy, need of the HTTP layer. */
const APP = 'https://dash.example.cn';

describe('browser clients: CORS and compression', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin', corsOrigins: [APP] });
  });
  afterAll(() => api.close());

  const preflight = (origin: string) => fetch(`${api.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });

  it('answers the preflight of an allowed origin, and gives any other origin nothing to read', async () => {
    const ok = await preflight(APP);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP);
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('with no origin listed, no origin gets a preflight or anything to read', async () => {
    const closed = await startTestApi({ reference: true, as: 'jian-admin' });
    try {
      const refused = await fetch(`${closed.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(refused.status).toBe(404);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const res = await closed.gql('{ me { user { username } } }', undefined, { origin: APP });
      expect(res.body.data.me.user.username).toBe('jian-admin');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await closed.close();
    }
  });

  it('lets the allowed origin read an answer (and the request id)', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json', authorization: `Bearer ${await api.login('jian-admin')}` },
      body: JSON.stringify({ query: '{ me { user { username } } }' }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(((await res.json()) as any).data.me.user.username).toBe('jian-admin');
  });

  it('compresses answers above 1 KB for clients that accept it, and leaves small ones alone', async () => {
    const ask = async (query: string) => {
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', authorization: `Bearer ${await api.login('jian-admin')}` },
        body: JSON.stringify({ query }),
      });
      await res.text();
      return res.headers.get('content-encoding');
    };
    expect(await ask('{ org(code: "220582") { descendants(first: 200) { nodes { code name path } } } }')).toBe('gzip');
    expect(await ask('{ org(code: "220582") { name } }')).toBeNull();
  });
});

describe('behind a proxy (TRUST_PROXY)', () => {
  const login = (api: TestApi, password: string, forwardedFor: string) => fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ query: `mutation { login(username: "taishang-admin", password: "${password}") { token } }` }),
  }).then(async (r) => ((await r.json()) as any).errors?.[0]?.extensions?.code ?? 'OK');

  it('counts failed logins per real client address when the proxy is trusted, and per proxy when it is not', async () => {
    for (const trustProxy of [true, false]) {
      const api = await startTestApi({ reference: true, trustProxy });
      try {
        for (let i = 0; i < 5; i++) expect(await login(api, 'wrong', '10.0.0.1')).toBe('UNAUTHENTICATED');
        expect(await login(api, 'demo', '10.0.0.1')).toBe('RATE_LIMITED');
        // another client behind the same proxy: its own count only if the proxy's header is believed
        expect({ trustProxy, code: await login(api, 'demo', '10.0.0.2') }).toEqual({ trustProxy, code: trustProxy ? 'OK' : 'RATE_LIMITED' });
      } finally {
        await api.close();
      }
    }
  });
});
