import { createTestDatabase, startTestApi, TestApi, TestDatabase } from '@ggw/testing';
import { RequestRateLimit } from './rate-limit';

describe('request rate limits', () => {
  it('refills a client\'s bucket at its rate, up to its burst', () => {
    let now = 0;
    const limit = new RequestRateLimit(60, 3, () => now);
    expect([1, 2, 3, 4].map(() => limit.take('u'))).toEqual([0, 0, 0, 1]);
    expect(limit.take('other')).toBe(0);
    now += 1000;
    expect(limit.take('u')).toBe(0);
    expect(limit.take('u')).toBe(1);
    now += 60_000;
    expect([1, 2, 3, 4].map(() => limit.take('u'))).toEqual([0, 0, 0, 1]);
  });

  describe('shared by two API processes through the database', () => {
    let db: TestDatabase;
    const apis: TestApi[] = [];
    beforeAll(async () => {
      db = await createTestDatabase({ reference: true });
      // 120 a minute (2 a second), a burst of 2, shared every 200 ms
      for (let i = 0; i < 2; i++) apis.push(await startTestApi({ db, as: 'jian-admin', limits: { ratePerMinute: 120, rateBurst: 2, rateShareMs: 200 } }));
    });
    afterAll(async () => {
      for (const api of apis) await api.close();
      await db.drop();
    });

    it('holds one rate for a user whose requests alternate between them', async () => {
      const token = await apis[0].login('jian-admin');
      const started = Date.now();
      let admitted = 0;
      let refused = 0;
      // 10 s of a request every 50 ms, to each API in turn
      for (let i = 0; Date.now() - started < 10_000; i++) {
        const res = await fetch(`${apis[i % 2].url}/graphql`, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ __typename }' }),
        });
        if (res.status === 200) admitted++;
        else {
          expect(res.status).toBe(429);
          expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
          refused++;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      const seconds = (Date.now() - started) / 1000;
      // one rate: the burst and 2 a second, plus what each process admits before it hears of the
      // other (a burst each, a share interval's worth); counted alone, each would admit its own
      // 2 a second (about twice as many)
      const oneRate = 2 + 2 * seconds;
      expect(admitted).toBeGreaterThanOrEqual(oneRate - 3);
      expect(admitted).toBeLessThanOrEqual(oneRate + 2 + 2);
      expect(refused).toBeGreaterThan(100);
    }, 30_000);
  });
});
