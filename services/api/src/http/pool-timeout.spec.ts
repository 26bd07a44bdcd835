import { startTestApi, TestApi } from '@ggw/testing';

/**
 * Under overload a request waits for a pooled connection only so long (the acquire timeout),
 * then is answered 503 SERVICE_UNAVAILABLE with Retry-After instead of queueing without bound;
 * the requests that had a connection finish normally, and the pool serves again afterwards.
 */
describe('the pool\'s acquire timeout', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, poolSize: 1, acquireTimeoutMs: 300 });
  });
  afterAll(() => api.close());

  it('answers 503 with Retry-After when no connection comes free in time, and nothing else changes', async () => {
    const query = '{ org(code: "220582") { name rollup(period: "2020") { orgCount } } }';
    expect((await api.gqlAs('jian-admin', query)).body.data.org.rollup.orgCount).toBe(218);
    // the owner locks the org table: the first request takes the only connection and waits on the lock
    const owner = api.db.dataSource.createQueryRunner();
    await owner.connect();
    await owner.startTransaction();
    await owner.query('LOCK TABLE org IN ACCESS EXCLUSIVE MODE');
    try {
      const held = api.gqlAs('jian-admin', query);
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      const refused = await api.gqlAs('jian-admin', query);
      const waited = Date.now() - started;
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/重试/), extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 }) })]);
      expect(refused.body.data).toBeUndefined();
      expect(waited).toBeGreaterThanOrEqual(250);
      // a login (anonymous: its transaction opens inside execution) is refused the same way
      const login = await api.gqlAs(null, 'mutation { login(username: "jian-admin", password: "demo") { token } }');
      expect(login.status).toBe(503);
      expect(login.body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      await owner.commitTransaction();
      const first = await held;
      expect(first.status).toBe(200);
      expect(first.body.data.org.rollup.orgCount).toBe(218);
    } finally {
      if (owner.isTransactionActive) await owner.rollbackTransaction();
      await owner.release();
    }
    expect((await api.gqlAs('jian-admin', query)).body.data.org.rollup.orgCount).toBe(218);
  }, 30_000);
});
