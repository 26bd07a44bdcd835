import { createTestDatabase, TEST_JWT_SECRET, TestDatabase } from '@ggw/testing';
import { freePort, RunningProcess, startApiProcess } from './process';

/**
 * Two API processes on one database, as in production behind a load balancer: failed logins
 * are counted in PostgreSQL, so the five tries are five in all, not five per process; and a
 * token issued by one process opens the other.
 */
describe('two API processes share the login throttle', () => {
  let db: TestDatabase;
  const apis: Array<{ port: number; proc: RunningProcess }> = [];
  beforeAll(async () => {
    db = await createTestDatabase({ reference: true });
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const proc = startApiProcess({
        PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: db.url, APP_DATABASE_URL: db.appUrl, JWT_SECRET: TEST_JWT_SECRET,
        RUN_SCHEDULER: 'false', LOAD_REFERENCE_DATA: 'false', LOG_LEVEL: 'info', NODE_ENV: 'development',
      });
      apis.push({ port, proc });
    }
    await Promise.all(apis.map((a) => a.proc.waitFor(/GraphQL API ready/)));
  }, 90_000);
  afterAll(async () => {
    for (const a of apis) {
      a.proc.child.kill('SIGTERM');
      await a.proc.exited;
    }
    await db.drop();
  });

  const login = async (port: number, password: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($p: String!) { login(username: "taishang-admin", password: $p) { token } }', variables: { p: password } }),
    });
    return (await res.json()) as { data?: { login: { token: string } }; errors?: Array<{ extensions: { code: string } }> };
  };

  it('five failures spread over both processes lock the user on both', async () => {
    const [a, b] = apis.map((x) => x.port);
    for (const port of [a, b, a, b, a]) expect((await login(port, 'wrong')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await login(b, 'demo')).errors?.[0].extensions.code).toBe('RATE_LIMITED');
    expect((await login(a, 'demo')).errors?.[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('a token issued by one process is accepted by the other', async () => {
    const res = await fetch(`http://127.0.0.1:${apis[0].port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "jian-admin", password: "demo") { token } }' }),
    });
    const token = ((await res.json()) as any).data.login.token;
    const other = await fetch(`http://127.0.0.1:${apis[1].port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ org(code: "220582") { name } }' }),
    });
    expect(((await other.json()) as any).data.org.name).toBe('集安市');
  });
});
