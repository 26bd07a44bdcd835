import { SignJWT, UnsecuredJWT } from 'jose';
import { stableId } from '@ggw/domain';
import { startTestApi, TEST_JWT_SECRET, TestApi } from '@ggw/testing';

const README_QUERY = '{ org(code: "220582") { name rollup(period: "2020") { orgCount } } }';

describe('login and tokens', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true });
  });
  afterAll(() => api.close());

  const withToken = async (token: string) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: README_QUERY }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const sign = (claims: { sub?: string; iss?: string; aud?: string; exp?: number }, secret = TEST_JWT_SECRET) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ver: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub ?? stableId('user', 'jian-admin'))
      .setIssuer(claims.iss ?? 'ggw-platform')
      .setAudience(claims.aud ?? 'ggw-api')
      .setIssuedAt(now - 60)
      .setExpirationTime(claims.exp ?? now + 600)
      .sign(new TextEncoder().encode(secret));
  };

  it('logs in with the demo password and the token opens the data', async () => {
    const token = await api.login('jian-admin');
    const res = await withToken(token);
    expect(res.body.data.org).toEqual({ name: '集安市', rollup: { orgCount: 218 } });
    // a token signed by the test itself with the server's secret is accepted the same way
    expect((await withToken(await sign({}))).body.data.org.name).toBe('集安市');
  });

  it('lets anonymous clients read the schema (GraphiQL before login)', async () => {
    const res = await api.gqlAs(null, '{ __schema { queryType { name } mutationType { name } } __type(name: "Org") { fields { name } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.__schema).toEqual({ queryType: { name: 'Query' }, mutationType: { name: 'Mutation' } });
  });

  it('answers anonymous requests with UNAUTHENTICATED and no data', async () => {
    const res = await api.gqlAs(null, README_QUERY);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeNull();
  });

  it.each([
    ['a wrong password', 'jian-admin', 'wrong'],
    ['an unknown user', 'nobody-here', 'demo'],
  ])('refuses %s with the same UNAUTHENTICATED answer', async (_case, username, password) => {
    const res = await api.gqlAs(null, `mutation { login(username: "${username}", password: "${password}") { token } }`);
    expect(res.body.errors?.[0]).toMatchObject({ message: '用户名或密码错误', extensions: { code: 'UNAUTHENTICATED' } });
    expect(res.body.data).toBeNull();
  });

  it.each([
    ['an expired token', () => sign({ exp: Math.floor(Date.now() / 1000) - 10 })],
    ['a wrong signature', () => sign({}, 'another-secret-another-secret-another-secret')],
    ['alg: none', async () => new UnsecuredJWT({}).setSubject(stableId('user', 'jian-admin')).setIssuer('ggw-platform').setAudience('ggw-api').setExpirationTime('1h').encode()],
    ['a wrong audience', () => sign({ aud: 'someone-else' })],
    ['a wrong issuer', () => sign({ iss: 'someone-else' })],
    ['garbage', async () => 'not.a.token'],
  ])('rejects %s with 401 UNAUTHENTICATED, never data', async (_case, make) => {
    const res = await withToken(await make());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('rejects a validly signed token of a user that does not exist with 401, like any bad token', async () => {
    const res = await withToken(await sign({ sub: '00000000-0000-4000-8000-000000000000' }));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('rejects a malformed Authorization header', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic abc' }, body: JSON.stringify({ query: README_QUERY }),
    });
    expect(res.status).toBe(401);
  });
});

describe('login throttling', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true });
  });
  afterAll(() => api.close());

  it('refuses further attempts after five failures, even with the right password', async () => {
    const attempt = (password: string) => api.gqlAs(null, `mutation { login(username: "taishang-admin", password: "${password}") { token } }`);
    for (let i = 0; i < 5; i++) expect((await attempt('wrong')).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const blocked = await attempt('demo');
    expect(blocked.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(blocked.body.data).toBeNull();
  });
});

describe('GraphQL hardening', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
  });
  afterAll(() => api.close());

  it('refuses queries nested too deep', async () => {
    let q = 'name';
    for (let i = 0; i < 14; i++) q = `children { ${q} }`;
    const res = await api.gql(`{ org(code: "220582") { ${q} } }`);
    expect(res.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.data).toBeUndefined();
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 30 }, (_v, i) => `a${i}: org(code: "220582") { name }`).join(' ');
    const res = await api.gql(`{ ${aliases} }`);
    expect(res.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('tells a signed-in user who they are and where they hold which role (me); anonymous is UNAUTHENTICATED', async () => {
    const me = await api.gqlAs('shihu-editor', '{ me { user { id username displayName } roles { role org { code name level } } } }');
    expect(me.body.data.me).toEqual({
      user: { id: stableId('user', 'shihu-editor'), username: 'shihu-editor', displayName: '石湖村关工小组录入员' },
      roles: [{ role: 'EDITOR', org: { code: '220582106201', name: '石湖村', level: 'VILLAGE' } }],
    });
    const anonymous = await api.gqlAs(null, '{ me { user { username } } }');
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives every enum value its Chinese label (labels), named as clients send it', async () => {
    const res = await api.gqlAs('shihu-editor', '{ labels { volunteerCategory { value label } auditedKind { value label } role { value label } } }');
    expect(res.body.data.labels.volunteerCategory).toContainEqual({ value: 'TEACHER', label: '老教师' });
    expect(res.body.data.labels.auditedKind).toContainEqual({ value: 'PAIR', label: '结对帮扶' });
    expect(res.body.data.labels.role.map((r: { value: string }) => r.value)).toEqual(['ADMIN', 'EDITOR', 'VIEWER']);
  });
});
