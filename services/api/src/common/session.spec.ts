import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '@ggw/authz';
import { createDataSource } from '@ggw/db';
import { createTestDatabase, TestDatabase } from '@ggw/testing';
import { PlatformMetrics } from '../http/metrics';
import { MAX_PREPARED_PER_CONNECTION, RequestSession } from './session';

/**
 * The request session's round trips: what is asked for before the transaction opens travels
 * with its BEGIN, in the order asked; prepared statements in such a message are PREPAREd once per
 * connection. On the owner's connections (row-level security is not what this is about).
 */
describe('request session', () => {
  let db: TestDatabase;
  /** one connection: every session below runs on the same one, unless it was destroyed */
  let single: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    single = createDataSource({ url: db.url, poolSize: 1 });
    await single.initialize();
  });
  afterAll(async () => {
    await single.destroy();
    await db.drop();
  });

  const pid = async () => {
    const session = new RequestSession(single, null);
    const [{ pid: p }] = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await session.close();
    return p;
  };

  it('sends the statements asked for together with the BEGIN, in one round trip, each answered its own rows', async () => {
    const session = new RequestSession(db.dataSource, null);
    const [a, b, c] = await Promise.all([
      session.query('SELECT 1 AS a'),
      session.query('SELECT $1::text AS b', ['台上']),
      session.query('SELECT $1::int + 1 AS c', [41]),
    ]);
    expect([a, b, c]).toEqual([[{ a: 1 }], [{ b: '台上' }], [{ c: 42 }]]);
    expect(session.stats.statements).toBe(1);
    await session.close();
  });

  it('keeps the order asked: a statement asked after a piece of work runs after it', async () => {
    const session = new RequestSession(db.dataSource, null);
    const work = session.serially((m) => m.query(`SELECT set_config('ggw.step', 'work done', true)`));
    const after = session.query<{ step: string }>(`SELECT current_setting('ggw.step', true) AS step`);
    await work;
    expect((await after)[0].step).toBe('work done');
    await session.close();
  });

  it('PREPAREs a prepared statement once per connection, and EXECUTEs it after', async () => {
    const asked = { sql: 'SELECT $1::int * 2 AS n', parameters: [21], prepared: 'ggw_session_spec_double' };
    const connection = await pid();
    for (let i = 0; i < 3; i++) {
      const session = new RequestSession(single, null);
      // preparing the name again on the same connection would fail (42P05)
      expect(await session.serially(async () => [] as unknown[], asked)).toEqual([{ n: 42 }]);
      await session.close();
    }
    const check = new RequestSession(single, null);
    const [{ count }] = await check.query<{ count: number }>(`SELECT count(*)::int AS count FROM pg_prepared_statements WHERE name = 'ggw_session_spec_double_x'`);
    await check.close();
    expect(count).toBe(1);
    expect(await pid()).toBe(connection);
  });

  it('destroys the connection of a message that failed after its PREPARE, so the next one prepares again', async () => {
    const divide = (by: number) => ({ sql: 'SELECT 10 / $1::int AS q', parameters: [by], prepared: 'ggw_session_spec_divide' });
    const before = await pid();
    const failing = new RequestSession(single, null);
    await expect(failing.serially(async () => [] as unknown[], divide(0))).rejects.toThrow(/division by zero/);
    await failing.close();
    const again = new RequestSession(single, null);
    expect(await again.serially(async () => [] as unknown[], divide(2))).toEqual([{ q: 5 }]);
    await again.close();
    expect(await pid()).not.toBe(before);
  });

  const read = (dataSource: DataSource, principal: Principal | null = null) => Object.assign(new RequestSession(dataSource, principal), { readOnly: true });

  it('answers a read in one round trip and leaves nothing to commit: its message is a READ ONLY transaction of its own', async () => {
    const session = read(single);
    const [[first], [second]] = await Promise.all([
      session.query<{ ro: string; inBlock: boolean }>(`SELECT current_setting('transaction_read_only') AS ro, pg_current_xact_id_if_assigned() IS NULL AS "inBlock"`),
      session.query<{ timeout: string }>(`SELECT current_setting('statement_timeout') AS timeout`),
    ]);
    expect(first.ro).toBe('on');
    expect(second.timeout).toBe('10s');
    // asked after the first message: a transaction of its own, read only too
    await expect(session.query('CREATE TEMP TABLE session_spec_never (a int)')).rejects.toThrow(/read-only transaction/);
    await session.close();
    // COMMIT and ROLLBACK would have been counted: the two messages were all
    expect(session.stats.statements).toBe(2);
    // the connection went back outside any transaction, its settings gone with the messages
    const after = new RequestSession(single, null);
    const [state] = await after.query<{ ro: string; timeout: string }>(`SELECT current_setting('transaction_read_only') AS ro, current_setting('statement_timeout') AS timeout`);
    await after.close();
    expect(state).toEqual({ ro: 'off', timeout: '10s' }); // this one's own limit, in its BEGIN
    const idle = new RequestSession(db.dataSource, null);
    const [{ n }] = await idle.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' AND datname = current_database()`);
    await idle.close();
    expect(n).toBe(0);
  });

  it("runs a read's piece of work in a transaction that lasts to the end of the request, READ ONLY too", async () => {
    const session = read(single);
    await session.query('SELECT 1');
    await session.serially((m) => m.query(`SELECT set_config('ggw.step', 'work done', true)`));
    const [{ step, ro }] = await session.query<{ step: string; ro: string }>(`SELECT current_setting('ggw.step', true) AS step, current_setting('transaction_read_only') AS ro`);
    expect({ step, ro }).toEqual({ step: 'work done', ro: 'on' });
    await session.close();
  });

  it(`PREPAREs at most ${MAX_PREPARED_PER_CONNECTION} statements on a connection; past that they run as they are, counted in /metrics`, async () => {
    const metrics = new PlatformMetrics(db.dataSource);
    const overCap = async () => Number(/ggw_sql_unprepared_over_cap_total (\d+)/.exec(await metrics.registry.getSingleMetricAsString('ggw_sql_unprepared_over_cap_total'))![1]);
    const before = await overCap();
    const session = read(single);
    // the connection may hold statements of the tests before
    const [{ count: preparedBefore }] = await session.query<{ count: number }>(`SELECT count(*)::int AS count FROM pg_prepared_statements`);
    const asked = Array.from({ length: MAX_PREPARED_PER_CONNECTION + 5 }, (_, i) => session.query<{ n: number }>(`SELECT $1::int + ${i} AS n`, [1], { prepared: true }));
    expect((await Promise.all(asked)).map(([r]) => r.n)).toEqual(asked.map((_, i) => i + 1));
    const [{ count }] = await session.query<{ count: number }>(`SELECT count(*)::int AS count FROM pg_prepared_statements`);
    await session.close();
    expect(count).toBe(MAX_PREPARED_PER_CONNECTION);
    expect(await overCap()).toBe(before + asked.length - (count - preparedBefore));
    expect(await overCap()).toBeGreaterThanOrEqual(before + 5);
  });

  it("keeps the scopes' PREPARE of a refused viewer's message, and nothing after it: the connection goes on", async () => {
    // a connection of its own: nothing prepared on it yet, far from the cap
    const fresh = createDataSource({ url: db.url, poolSize: 1 });
    await fresh.initialize();
    try {
      const userId = randomUUID();
      await db.dataSource.query(`INSERT INTO app_user (id, username, display_name, disabled) VALUES ($1, 'session-spec-user', '会话测试', true)`, [userId]);
      const [{ pid: connection }] = await fresh.query('SELECT pg_backend_pid() AS pid');
      const refused = read(fresh, { userId, tokenVersion: 1 });
      await expect(refused.query('SELECT 2 AS b', [], { prepared: true })).rejects.toThrow('登录已失效');
      await refused.close();
      // enabling a user raises their token version
      const [[{ tokenVersion }]] = await db.dataSource.query(`UPDATE app_user SET disabled = false WHERE id = $1 RETURNING token_version AS "tokenVersion"`, [userId]);
      // the scopes are EXECUTEd, not PREPAREd again (which would fail); the statement is PREPAREd now
      const allowed = read(fresh, { userId, tokenVersion });
      expect(await allowed.query('SELECT 2 AS b', [], { prepared: true })).toEqual([{ b: 2 }]);
      await allowed.close();
      const [{ pid: after }] = await fresh.query('SELECT pg_backend_pid() AS pid');
      expect(after).toBe(connection);
    } finally {
      await fresh.destroy();
    }
  });

  it('sends nothing for a session closed before its BEGIN went out', async () => {
    const session = new RequestSession(single, null);
    const asked = session.query('SELECT 1 AS a');
    session.abort();
    await expect(asked).rejects.toThrow('the request session is closed');
    await session.close();
    expect(session.stats.statements).toBe(0);
  });
});

/** Reads as viewers of the reference data: how often the scopes are computed in a request. */
describe('request session of a viewer above the counties', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ reference: true });
  });
  afterAll(() => db.drop());

  const principal = async (username: string): Promise<Principal> => {
    const [row] = await db.dataSource.query(`SELECT id AS "userId", token_version AS "tokenVersion" FROM app_user WHERE username = $1`, [username]);
    return row;
  };
  /** A read of two messages, 20 ms apart: the transaction times they saw, and its round trips with the COMMIT. */
  const twoMessages = async (who: Principal) => {
    const session = Object.assign(new RequestSession(db.dataSource, who), { readOnly: true });
    const [first] = await session.query<{ at: string }>('SELECT now()::text AS at');
    await new Promise((r) => setTimeout(r, 20));
    const [second] = await session.query<{ at: string }>('SELECT now()::text AS at');
    await session.close();
    // each statement answered its own rows, the second one too (not the scopes' of its message)
    expect([first.at, second.at]).toEqual([expect.stringMatching(/^\d{4}-/), expect.stringMatching(/^\d{4}-/)]);
    return { sameTransaction: first.at === second.at, statements: session.stats.statements };
  };

  it("reads a city's viewer's request in one transaction once it knows them (scopes computed once), a county's in a message each", async () => {
    const city = await principal('tonghua-viewer');
    const county = await principal('jian-admin');
    // the first request of each: not known yet, a transaction per message
    expect(await twoMessages(city)).toEqual({ sameTransaction: false, statements: 2 });
    // known now: BEGIN READ ONLY with the scopes, the second statement in it, the COMMIT
    expect(await twoMessages(city)).toEqual({ sameTransaction: true, statements: 3 });
    expect(await twoMessages(county)).toEqual({ sameTransaction: false, statements: 2 });
    expect(await twoMessages(county)).toEqual({ sameTransaction: false, statements: 2 });
  });
});

