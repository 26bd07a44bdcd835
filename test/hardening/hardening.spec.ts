import { Writable } from 'node:stream';
import { TokenService } from '@ggw/authz';
import pino from 'pino';
import { startTestApi, TEST_JWT_SECRET, TestApi } from '@ggw/testing';

/**
 * Regression tests, over real HTTP on the real server, for the holes found by fuzzing the public
 * API from outside: each `describe` is one of them. Connections are checked as the owner in
 * pg_stat_activity: none of the application role may be left inside a transaction.
 */

const POOL = 4;
const SHIHU = '220582106201';
const CANARY = '{ org(code: "220521") { name rollup(period: "2020") { orgCount } } }';

/** Connections of the application role left inside a transaction (after a short settle). */
async function stuckConnections(api: TestApi): Promise<Array<{ state: string; query: string }>> {
  let rows: Array<{ state: string; query: string }> = [];
  for (let i = 0; i < 20; i++) {
    rows = await api.db.dataSource.query(
      `SELECT state, left(query, 80) AS query FROM pg_stat_activity
        WHERE usename = 'ggw_app' AND datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    if (!rows.length) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
  return rows;
}

/** Rows of the tables the API's mutations write: a refused write must leave them as they were. */
async function writtenRows(api: TestApi): Promise<Record<string, number>> {
  const [row] = await api.db.dataSource.query(
    `SELECT (SELECT count(*)::int FROM export_job) AS jobs, (SELECT count(*)::int FROM export_schedule) AS schedules,
            (SELECT count(*)::int FROM pgboss.job) AS queued`,
  );
  return row;
}

const post = async (api: TestApi, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};

/** A token the server will accept as genuine, for any user id (its signature is right). */
const signFor = async (sub: string) => (await new TokenService(TEST_JWT_SECRET).issue({ userId: sub, tokenVersion: 1 })).token;

describe('connections always go back to the pool, committed or rolled back', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, poolSize: POOL });
  });
  afterAll(() => api.close());

  it('a request with one failing field and a sibling still querying leaks nothing (3× the pool)', async () => {
    const q = `{ a: org(code: "${SHIHU}") { volunteers(first: 0) { totalCount } } b: org(code: "${SHIHU}") { rollup(period: "2020") { orgCount } } }`;
    for (let i = 0; i < 3 * POOL; i++) {
      const res = await api.gqlAs('shihu-editor', q);
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await stuckConnections(api)).toEqual([]);
    const canary = await api.gqlAs('tonghuaxian-admin', CANARY);
    expect(canary.body.data.org.name).toBe('通化县');
    expect((await fetch(`${api.url}/readyz`, { signal: AbortSignal.timeout(5000) })).status).toBe(200);
  });

  it('a signed token of a user that does not exist is 401, and poisons no connection (3× the pool)', async () => {
    const token = await signFor('00000000-0000-4000-8000-000000000001');
    for (let i = 0; i < 3 * POOL; i++) {
      const res = await post(api, { query: CANARY }, { authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(await stuckConnections(api)).toEqual([]);
    for (const user of ['jian-admin', 'tonghuaxian-admin', 'shihu-editor']) {
      const res = await api.gqlAs(user, `{ org(code: "${SHIHU}") { code } }`);
      if (user === 'tonghuaxian-admin') expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      else expect(res.body.data.org.code).toBe(SHIHU);
    }
    const ready = await fetch(`${api.url}/readyz`, { signal: AbortSignal.timeout(5000) });
    expect(ready.status).toBe(200);
  });

  it('a user disabled while their token is valid is 401 on the next request', async () => {
    const token = await api.login('taishang-admin');
    await api.db.dataSource.query(`UPDATE app_user SET disabled = true WHERE username = 'taishang-admin'`);
    try {
      const res = await post(api, { query: '{ org(code: "220582101") { name } }' }, { authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
    } finally {
      await api.db.dataSource.query(`UPDATE app_user SET disabled = false WHERE username = 'taishang-admin'`);
    }
    expect(await stuckConnections(api)).toEqual([]);
  });

  it('a database failure while checking access is a masked internal error, not FORBIDDEN, and leaks nothing', async () => {
    await api.gqlAs('jian-admin', '{ org(code: "220582") { code } }'); // log in while the database works
    await api.db.dataSource.query(`REVOKE EXECUTE ON FUNCTION ggw_apply_scopes(uuid, int) FROM ggw_app`);
    try {
      for (let i = 0; i < 3 * POOL; i++) {
        const res = await api.gqlAs('jian-admin', '{ org(code: "220582") { code } }');
        expect(res.status).toBe(500);
        expect(res.body.errors).toEqual([{ message: expect.stringContaining('x-request-id'), extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
        expect(JSON.stringify(res.body)).not.toMatch(/permission|function|ggw_/);
      }
    } finally {
      await api.db.dataSource.query(`GRANT EXECUTE ON FUNCTION ggw_apply_scopes(uuid, int) TO ggw_app`);
    }
    expect(await stuckConnections(api)).toEqual([]);
    expect((await api.gqlAs('jian-admin', '{ org(code: "220582") { code } }')).body.data.org.code).toBe('220582');
  });

  it('the application role ends a transaction left idle, as a second line', async () => {
    const [{ setting }] = await api.db.dataSource.query(
      `SELECT unnest(setconfig) AS setting FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
        WHERE r.rolname = 'ggw_app' AND s.setdatabase = 0`,
    );
    expect(setting).toBe('idle_in_transaction_session_timeout=60s');
  });
});

describe('cursors are signed and checked before any SQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
  });
  afterAll(() => api.close());

  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const LISTS: Array<[string, (after: string) => string]> = [
    ['orgs', (a) => `{ orgs(first: 2, after: ${JSON.stringify(a)}) { nodes { code } } }`],
    ['descendants', (a) => `{ org(code: "220582") { descendants(first: 2, after: ${JSON.stringify(a)}) { nodes { code } } } }`],
    ['descendantRollups', (a) => `{ org(code: "220582") { descendantRollups(period: "2020", first: 2, after: ${JSON.stringify(a)}) { nodes { orgCount } } } }`],
    ['volunteers', (a) => `{ org(code: "220582") { volunteers(subtree: true, first: 2, after: ${JSON.stringify(a)}) { nodes { name } } } }`],
    ['activities', (a) => `{ org(code: "220582") { activities(subtree: true, first: 2, after: ${JSON.stringify(a)}) { nodes { title } } } }`],
    ['assessments', (a) => `{ org(code: "220582") { assessments(subtree: true, first: 2, after: ${JSON.stringify(a)}) { nodes { year } } } }`],
    ['exports', (a) => `{ exports(orgCode: "220582", first: 2, after: ${JSON.stringify(a)}) { nodes { id } } }`],
  ];
  const FORGED = [
    'WyJub3QgYSBwYXRoISJd', // the issue's ["not a path!"]
    b64(['220582.101']), b64(['2020-13-45', '00000000-0000-0000-0000-000000000000']), b64(['x', 'not-a-uuid']),
    b64([1e308, 'x']), b64(['220582', 'a', 'b']), 'x', '', '.', 'a.b', `${b64(['220582'])}.AAAAAAAAAAAAAAAAAAAAAA`,
    'A'.repeat(5000),
  ];

  it.each(LISTS)('%s: a cursor the server never made is BAD_USER_INPUT', async (_name, query) => {
    for (const cursor of FORGED) {
      const res = await api.gql(query(cursor));
      expect(res.body.errors?.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors?.[0].extensions?.field).toBe('after');
    }
  });

  it('a real cursor with one character changed, or used on another list, is BAD_USER_INPUT', async () => {
    const page = await api.gql('{ orgs(first: 2) { pageInfo { endCursor } } v: org(code: "220582") { volunteers(subtree: true, first: 1) { pageInfo { endCursor } } } }');
    const orgCursor: string = page.body.data.orgs.pageInfo.endCursor;
    const volCursor: string = page.body.data.v.volunteers.pageInfo.endCursor;
    expect((await api.gql(LISTS[0][1](orgCursor))).body.errors).toBeUndefined();
    expect((await api.gql(LISTS[3][1](volCursor))).body.errors).toBeUndefined();
    const flipped = orgCursor.slice(0, 3) + (orgCursor[3] === 'A' ? 'B' : 'A') + orgCursor.slice(4);
    for (const [query, cursor] of [[LISTS[0][1], flipped], [LISTS[3][1], orgCursor], [LISTS[6][1], volCursor], [LISTS[4][1], volCursor]] as const) {
      expect((await api.gql(query(cursor))).body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('control characters are refused at the edge', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
  });
  afterAll(() => api.close());

  const CASES: Array<[string, string, string]> = [
    ['search', 'query($v: String) { orgs(search: $v) { nodes { code } } }', 'search'],
    ['org code', 'query($v: String) { org(code: $v) { code } }', 'code'],
    ['exports orgCode', 'query($v: String!) { exports(orgCode: $v) { nodes { id } } }', 'orgCode'],
    ['idempotencyKey', 'mutation($v: String) { requestExport(orgCode: "220582", period: "2020", format: XLSX, idempotencyKey: $v) { id } }', 'idempotencyKey'],
    ['login username', 'mutation($v: String!) { login(username: $v, password: "demo") { token } }', 'username'],
    ['login password', 'mutation($v: String!) { login(username: "jian-admin", password: $v) { token } }', 'password'],
    ['period', 'query($v: Period!) { org(code: "220582") { rollup(period: $v) { orgCount } } }', 'period'],
  ];

  it.each(CASES)('%s: NUL and other controls are BAD_USER_INPUT naming the field, as variables and as literals', async (_name, query, field) => {
    for (const bad of ['220582\u0000', '\u0000', 'a\u0001b', '台上\u001f', 'x\u007f', 'a\nb', '\t']) {
      const asVariable = await api.gql(query, { v: bad });
      expect(asVariable.status).toBe(400);
      expect(asVariable.body.errors?.map((e: any) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
      const literal = query.replace(/query\(\$v: (String|Period)!?\)|mutation\(\$v: String!?\)/, (m) => (m.startsWith('query') ? 'query' : 'mutation')).replace('$v', JSON.stringify(bad));
      const asLiteral = await api.gql(literal);
      // a Period literal is refused by its scalar where the document is validated, before the edge looks
      const literalRefusal = field === 'period' ? { code: 'GRAPHQL_VALIDATION_FAILED' } : { code: 'BAD_USER_INPUT', field };
      expect(asLiteral.body.errors?.map((e: any) => e.extensions)).toEqual([expect.objectContaining(literalRefusal)]);
    }
  });

  it('a refused mutation writes nothing', async () => {
    const before = await writtenRows(api);
    await api.gql('mutation($k: String) { requestExport(orgCode: "220582", period: "2020", format: XLSX, idempotencyKey: $k) { id } }', { k: 'a\u0000b' });
    await api.gql(`mutation($c: String!) { createExportSchedule(input: { orgCode: "220582", cron: $c, periodRule: YEAR_TO_DATE, formats: [XLSX] }) { id } }`, { c: '0 2 1 * *\u0001' });
    expect(await writtenRows(api)).toEqual(before);
  });

  it('ordinary Chinese text, punctuation and emoji pass', async () => {
    const res = await api.gql('query($v: String) { orgs(search: $v) { nodes { name } } }', { v: '台上' });
    expect(res.body.data.orgs.nodes.map((o: any) => o.name)).toContain('台上镇');
    expect((await api.gql('query($v: String) { orgs(search: $v) { nodes { name } } }', { v: '《镇》😀' })).body.errors).toBeUndefined();
  });
});

describe('cost with variables, time budget and size cap', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin', limits: { timeBudgetMs: 400, maxResponseBytes: 8 * 1024 } });
  });
  afterAll(() => api.close());

  const aliased = (first: string) =>
    Array.from({ length: 20 }, (_v, i) => `a${i}: org(code: "220582") { descendantRollups(period: "2020", first: ${first}) { nodes { figures { key value } } } }`).join(' ');

  it('a query refused with a literal first is refused the same with first in a variable', async () => {
    const literal = await api.gql(`{ ${aliased('200')} }`);
    const variable = await api.gql(`query($n: Int) { ${aliased('$n')} }`, { n: 200 });
    for (const res of [literal, variable]) {
      expect(res.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'COST_LIMIT_EXCEEDED' }) })]);
      expect(res.status).toBe(400);
      // only the user's check (the scopes, a message of their own): the roll-ups never ran
      expect(res.statements).toBe(1);
    }
    expect(variable.body.errors?.[0].extensions?.cost).toBe(literal.body.errors?.[0].extensions?.cost);
  });

  it('a document seen before is judged again: refused for its cost or its text every time, its variables checked on every request', async () => {
    // the edge remembers what it worked out of a parsed document (its cost without variables,
    // its literals checked): a remembered document must be refused exactly as the first time
    for (let i = 0; i < 3; i++) {
      expect((await api.gql(`{ ${aliased('200')} }`)).body.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
      expect((await api.gql('{ orgs(search: "台上\u0000") { nodes { name } } }')).body.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'search' }));
    }
    const search = 'query($v: String) { orgs(search: $v) { nodes { name } } }';
    for (const [v, code] of [['台上', undefined], ['台上\u0000', 'BAD_USER_INPUT'], ['台上', undefined], ['a\nb', 'BAD_USER_INPUT']] as const) {
      expect((await api.gql(search, { v })).body.errors?.[0].extensions?.code).toBe(code);
    }
  });

  it('the cost grows with first whether literal or variable; small pages pass', async () => {
    const small = await api.gql('query($n: Int) { org(code: "220582") { descendantRollups(period: "2020", first: $n) { nodes { orgCount } } } }', { n: 3 });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.org.descendantRollups.nodes).toHaveLength(3);
    const six = Array.from({ length: 6 }, (_v, i) => `a${i}: org(code: "220582") { descendantRollups(period: "2020", first: $n) { nodes { figures { key label value } } } }`).join(' ');
    expect((await api.gql(`query($n: Int) { ${six} }`, { n: 200 })).body.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
  });

  it('a statement that would run past the time budget is cancelled by the database: TIMEOUT, nothing leaked', async () => {
    // the owner holds a lock the request's statement must wait for: the wait is what the budget cuts
    const owner = api.db.dataSource.createQueryRunner();
    await owner.connect();
    await owner.startTransaction();
    await owner.query('LOCK TABLE volunteer IN ACCESS EXCLUSIVE MODE');
    try {
      const started = Date.now();
      const res = await api.gql('{ org(code: "220582") { volunteers(subtree: true, first: 5) { nodes { name } } } }');
      expect(res.body.errors?.map((e: any) => e.extensions.code)).toEqual(['TIMEOUT']);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await owner.rollbackTransaction();
      await owner.release();
    }
    expect(await stuckConnections(api)).toEqual([]);
    expect((await api.gql('{ org(code: "220582") { volunteers(first: 1) { totalCount } } }')).body.errors).toBeUndefined();
  });

  it('a client that goes away mid-request leaves no connection behind, and the next request is served', async () => {
    const owner = api.db.dataSource.createQueryRunner();
    await owner.connect();
    await owner.startTransaction();
    await owner.query('LOCK TABLE activity IN ACCESS EXCLUSIVE MODE');
    const gone = new AbortController();
    const request = fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await api.login('jian-admin')}` },
      body: JSON.stringify({ query: '{ org(code: "220582") { activities(subtree: true, first: 5) { nodes { title } } volunteers(first: 1) { totalCount } } }' }),
      signal: gone.signal,
    });
    await new Promise((r) => setTimeout(r, 100));
    gone.abort();
    await expect(request).rejects.toThrow();
    await owner.rollbackTransaction();
    await owner.release();
    expect(await stuckConnections(api)).toEqual([]);
    expect((await api.gql('{ org(code: "220582") { activities(first: 1) { totalCount } } }')).body.errors).toBeUndefined();
  });

  it('an answer larger than the cap is RESPONSE_TOO_LARGE, not sent', async () => {
    const res = await api.gql('{ orgs(first: 200) { nodes { code name level type parent { name } } } }');
    expect(res.body).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: 8 * 1024 } })] });
  });

  it('a mutation whose answer is too large to send is rolled back: nothing stays', async () => {
    const before = await writtenRows(api);
    const res = await api.gql('mutation { requestExport(orgCode: "220582", period: "2020", format: CSV) { id org { descendants(first: 200) { nodes { code name } } } } }');
    expect(res.body.errors?.[0].extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(await writtenRows(api)).toEqual(before);
    // the same request answered small is written
    const small = await api.gql('mutation { requestExport(orgCode: "220582", period: "2020", format: CSV) { id } }');
    expect(small.body.errors).toBeUndefined();
    expect((await writtenRows(api)).jobs).toBe(before.jobs + 1);
  });

  it('a mutation refused for its cost writes nothing', async () => {
    const before = await writtenRows(api);
    const res = await api.gql(`mutation { requestExport(orgCode: "220582", period: "2020", format: DOCX) { id org { descendantRollups(period: "2020", first: 200) { nodes { figures { key label value } } } } } }`);
    expect(res.body.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect(await writtenRows(api)).toEqual(before);
  });
});

describe('names of people are masked outside the owning level, in every field', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true });
  });
  afterAll(() => api.close());

  const FAYUAN = '{ orgs(search: "法院") { nodes { code } } }';
  const records = (code: string) => `{ org(code: "${code}") {
    donations(first: 200) { nodes { donorKind donorName } }
    activities(first: 200) { nodes { title } }
    volunteers(first: 200) { nodes { name } } } }`;

  it('a city viewer sees 张凤林 of 法院 masked as volunteer, donor and inside an activity title; the county sees it in full', async () => {
    const code = (await api.gqlAs('jian-admin', FAYUAN)).body.data.orgs.nodes[0].code;
    const city = (await api.gqlAs('tonghua-viewer', records(code))).body.data.org;
    const county = (await api.gqlAs('jian-admin', records(code))).body.data.org;
    expect(JSON.stringify(city)).not.toContain('张凤林');
    expect(city.volunteers.nodes.map((v: any) => v.name)).toContain('张*林');
    expect(city.donations.nodes.map((d: any) => d.donorName)).toContain('张*林');
    expect(city.activities.nodes.map((a: any) => a.title)).toContain('张*林宣讲《民法典》');
    expect(county.activities.nodes.map((a: any) => a.title)).toContain('张凤林宣讲《民法典》');
    expect(county.donations.nodes.map((d: any) => d.donorName)).toContain('张凤林');
  });

  it('no individual donor of either county reaches the city viewer in full below the counties; enterprises keep their names', async () => {
    const stored = new Map<string, { kind: string; name: string; level: string }>(
      (await api.db.dataSource.query(
        `SELECT d.id, d.donor_kind AS kind, d.donor_name AS name, o.level FROM donation d JOIN org o ON o.tenant_id = d.tenant_id AND o.id = d.org_id`,
      )).map((r: any) => [r.id, r]),
    );
    let masked = 0;
    for (const county of ['220582', '220521']) {
      for (let after: string | null = null, more = true; more; ) {
        const res: any = await api.gqlAs('tonghua-viewer', `query($after: String) { org(code: "${county}") {
          donations(subtree: true, first: 200, after: $after) { nodes { id donorKind donorName } pageInfo { hasNextPage endCursor } } } }`, { after });
        const page = res.body.data.org.donations;
        for (const d of page.nodes) {
          const row = stored.get(d.id)!;
          // the city is directly above a county: a county's own donations it may see in full
          if (row.kind === 'ENTERPRISE' || row.level === 'COUNTY') expect(d.donorName).toBe(row.name);
          else if ([...row.name].length > 1) {
            expect(d.donorName).not.toBe(row.name);
            masked++;
          }
        }
        [more, after] = [page.pageInfo.hasNextPage, page.pageInfo.endCursor];
      }
    }
    expect(masked).toBeGreaterThan(30);
  });
});

describe('login throttling', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, limits: { login: { perUserAndAddress: 5, perUser: 20, perAddress: 8, windowMs: 60_000 } } });
  });
  afterAll(() => api.close());

  const login = (username: string, password: string) =>
    post(api, { query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: password } });

  it('five failures of one user lock that user (from that address), not a colleague behind the same address', async () => {
    for (let i = 0; i < 5; i++) expect((await login('taishang-admin', 'wrong')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await login('taishang-admin', 'demo')).body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await login('jian-admin', 'demo')).body.data.login.token).toEqual(expect.any(String));
  });

  it('an address has a ceiling of its own, higher than a user’s', async () => {
    // 5 failures above, and 3 more for other names reach the address's 8
    for (const name of ['nobody-1', 'nobody-2', 'nobody-3']) expect((await login(name, 'x')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await login('shihu-editor', 'demo')).body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  });
});

describe('request rate per user', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, limits: { ratePerMinute: 60, rateBurst: 5 } });
  });
  afterAll(() => api.close());

  it('past the burst a user gets 429 with Retry-After, and another user is still served', async () => {
    const jian = await api.login('jian-admin');
    const ask = (token: string) => post(api, { query: '{ org(code: "220582") { code } }' }, { authorization: `Bearer ${token}` });
    for (let i = 0; i < 5; i++) expect((await ask(jian)).status).toBe(200);
    const limited = await ask(jian);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    const other = await ask(await api.login('tonghuaxian-admin'));
    expect(other.status).toBe(200);
  });
});

describe('requests in flight per user', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, poolSize: POOL, limits: { maxConcurrent: 2 } });
  });
  afterAll(() => api.close());

  it('a user with as many requests in flight as allowed gets 429 for the next; another county is served meanwhile', async () => {
    const jian = await api.login('jian-admin');
    const owner = api.db.dataSource.createQueryRunner();
    await owner.connect();
    await owner.startTransaction();
    await owner.query('LOCK TABLE volunteer IN ACCESS EXCLUSIVE MODE');
    const slow = () => post(api, { query: '{ org(code: "220582") { volunteers(subtree: true, first: 1) { totalCount } } }' }, { authorization: `Bearer ${jian}` });
    const held = [slow(), slow()];
    try {
      await new Promise((r) => setTimeout(r, 200)); // both are waiting on the lock, each on a connection
      const third = await post(api, { query: '{ org(code: "220582") { name } }' }, { authorization: `Bearer ${jian}` });
      expect(third.status).toBe(429);
      expect(third.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
      const canary = await api.gqlAs('tonghuaxian-admin', CANARY);
      expect(canary.body.data.org.name).toBe('通化县');
    } finally {
      await owner.rollbackTransaction();
      await owner.release();
    }
    for (const r of await Promise.all(held)) expect(r.status).toBe(200);
    expect((await post(api, { query: '{ org(code: "220582") { name } }' }, { authorization: `Bearer ${jian}` })).status).toBe(200);
  });
});

describe('logs and response headers', () => {
  const lines: string[] = [];
  let api: TestApi;
  beforeAll(async () => {
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    api = await startTestApi({ reference: true, as: 'jian-admin', logger: pino({ level: 'info' }, sink) });
  });
  afterAll(() => api.close());

  it('a download link’s token never reaches a log line', async () => {
    const secret = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJlLXNlY3JldA';
    const res = await fetch(`${api.url}/exports/00000000-0000-4000-8000-000000000000/file?token=${secret}&x=1`);
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    const log = lines.join('');
    expect(log).toContain('/exports/00000000-0000-4000-8000-000000000000/file?token=[REDACTED]&x=1');
    expect(log).not.toContain('c2VjcmV0LXBheWxvYWQ');
  });

  it('GraphQL answers and downloads carry the protective headers', async () => {
    const graphql = await api.gql('{ org(code: "220582") { name } }');
    const download = await fetch(`${api.url}/exports/00000000-0000-4000-8000-000000000000/file`);
    for (const headers of [graphql.headers, download.headers]) {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    expect(graphql.headers.get('cache-control')).toBe('no-store');
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});
