import { TestApi, fen, startTestApi } from '@ggw/testing';
import { RECORD_KINDS } from './records.loaders';

describe('record lists of an org', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
  });
  afterAll(() => api.close());

  const count = async (sql: string, params: unknown[] = []) => (await api.db.dataSource.query(sql, params))[0].n as number;
  const own = `org_id = (SELECT id FROM org WHERE code = $1)`;
  const subtree = `org_id IN (SELECT id FROM org WHERE path <@ (SELECT path FROM org WHERE code = $1))`;

  it('lists volunteers in the team during a period, masked', async () => {
    const res = await api.gql(`{ org(code: "220582106201") { volunteers(period: "2020", first: 200) { totalCount nodes { name phone category isCore joinedOn leftOn } } } }`);
    const v = res.body.data.org.volunteers;
    const expected = await count(`SELECT count(*)::int AS n FROM volunteer WHERE ${own} AND joined_on < '2021-01-01' AND (left_on IS NULL OR left_on > '2020-01-01')`, ['220582106201']);
    expect(v.totalCount).toBe(expected);
    expect(v.nodes).toHaveLength(expected);
    const names: string[] = (await api.db.dataSource.query(`SELECT name FROM volunteer WHERE ${own}`, ['220582106201'])).map((r: { name: string }) => r.name);
    for (const node of v.nodes) {
      expect(node.name).toContain('*');
      expect(names).not.toContain(node.name);
      if (node.phone) expect(node.phone).toMatch(/^\d{3}\*+\d{4}$/);
    }
  });

  it('gives Relay edges: the same records as nodes, masked alike, each with a cursor that pages on from it', async () => {
    const q = `query($after: String) { org(code: "220582106201") { volunteers(first: 5, after: $after) {
      nodes { id name } edges { cursor node { id name } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } } }`;
    const page = (await api.gql(q)).body.data.org.volunteers;
    expect(page.edges.map((e: { node: unknown }) => e.node)).toEqual(page.nodes);
    for (const e of page.edges) expect(e.node.name).toContain('*');
    // edges alone are masked too
    const edgesOnly = (await api.gql(`{ org(code: "220582106201") { volunteers(first: 5) { edges { node { name } } } } }`)).body.data.org.volunteers;
    for (const e of edgesOnly.edges) expect(e.node.name).toContain('*');
    expect(page.pageInfo).toMatchObject({ startCursor: page.edges[0].cursor, endCursor: page.edges[4].cursor, hasPreviousPage: false });
    const fromSecond = (await api.gql(q, { after: page.edges[1].cursor })).body.data.org.volunteers;
    expect(fromSecond.nodes.slice(0, 3)).toEqual(page.nodes.slice(2));
  });

  it('pages a county\'s whole subtree in list order (through its tenant\'s index), the same records as the org tree gives', async () => {
    for (const [field, table, column] of [['volunteers', 'volunteer', 'joined_on'], ['activities', 'activity', 'held_on']] as const) {
      const q = `query($after: String) { org(code: "220582") { ${field}(subtree: true, first: 50, after: $after) { nodes { id } pageInfo { endCursor } } } }`;
      const first = (await api.gql(q)).body.data.org[field];
      const second = (await api.gql(q, { after: first.pageInfo.endCursor })).body.data.org[field];
      const expected: string[] = (await api.db.dataSource.query(
        `SELECT id FROM ${table} WHERE ${subtree} ORDER BY ${column} DESC, id DESC LIMIT 100`, ['220582'])).map((r: { id: string }) => r.id);
      expect(expected).toHaveLength(100);
      expect([...first.nodes, ...second.nodes].map((n: { id: string }) => n.id)).toEqual(expected);
    }
    // every list that sorts by a column of its own has the index a county's page walks
    const indexes: string[] = (await api.db.dataSource.query(`SELECT indexdef FROM pg_indexes WHERE indexname LIKE '%_tenant_order'`)).map((r: { indexdef: string }) => r.indexdef);
    for (const kind of Object.values(RECORD_KINDS).filter((k) => k.sortColumn !== 'id')) {
      expect(indexes).toContainEqual(expect.stringContaining(`ON public.${kind.table} USING btree (tenant_id, ${kind.sortColumn} DESC, id DESC)`));
    }
  });

  it('counts the subtree when asked, and pages newest first without repeats', async () => {
    const res = await api.gql(`{ org(code: "220582101") { activities(period: "2020", subtree: true, first: 7) { totalCount nodes { id heldOn } pageInfo { endCursor hasNextPage } } } }`);
    const a = res.body.data.org.activities;
    expect(a.totalCount).toBe(await count(`SELECT count(*)::int AS n FROM activity WHERE ${subtree} AND held_on >= '2020-01-01' AND held_on < '2021-01-01'`, ['220582101']));
    const dates = a.nodes.map((n: { heldOn: string }) => n.heldOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    const next = await api.gql(`query($after: String) { org(code: "220582101") { activities(period: "2020", subtree: true, first: 7, after: $after) { nodes { id } } } }`, { after: a.pageInfo.endCursor });
    const ids = new Set(a.nodes.map((n: { id: string }) => n.id));
    expect(next.body.data.org.activities.nodes.some((n: { id: string }) => ids.has(n.id))).toBe(false);
  });

  it('filters by quarter and month', async () => {
    for (const [period, start, end] of [['2020Q2', '2020-04-01', '2020-07-01'], ['2020-06', '2020-06-01', '2020-07-01']]) {
      const res = await api.gql(`{ org(code: "220582") { articles(period: "${period}", subtree: true) { totalCount } } }`);
      expect(res.body.data.org.articles.totalCount).toBe(
        await count(`SELECT count(*)::int AS n FROM article WHERE ${subtree} AND submitted_on >= $2 AND submitted_on < $3`, ['220582', start, end]),
      );
    }
  });

  it('lists 清河镇 pairs, donations in 元 and a year of assessments', async () => {
    const res = await api.gql(`{
      qh: org(code: "220582103") { pairs(subtree: true, period: "2020") { totalCount } }
      jian: org(code: "220582") { donations(subtree: true, period: "2020", first: 200) { totalCount nodes { amountYuan donorKind } }
                                  assessments(period: "2020") { totalCount nodes { year criterionName met } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.qh.pairs.totalCount).toBe(30);
    const total = res.body.data.jian.donations.nodes.reduce((s: number, d: { amountYuan: string }) => s + fen(d.amountYuan), 0);
    expect(total).toBe(35_600_000);
    const a = res.body.data.jian.assessments;
    expect(a.totalCount).toBe(5);
    expect(a.nodes.every((n: { year: number }) => n.year === 2020)).toBe(true);
  });

  it('shows names in full only at the owning org and the org directly above it', async () => {
    const q = `{ org(code: "220582106201") { volunteers(first: 200) { nodes { name phone } } pairs(first: 200) { nodes { volunteerName beneficiaryName } } } }`;
    const real: string[] = (await api.db.dataSource.query(`SELECT name FROM volunteer WHERE ${own}`, ['220582106201'])).map((r: { name: string }) => r.name);
    const names = (res: any) => [...res.body.data.org.volunteers.nodes.map((n: { name: string }) => n.name),
      ...res.body.data.org.pairs.nodes.flatMap((p: { volunteerName: string; beneficiaryName: string }) => [p.volunteerName, p.beneficiaryName])];
    // 石湖村's own editor sees them; so does nobody above 青石镇
    const editor = names(await api.gqlAs('shihu-editor', q));
    expect(editor.filter((n: string) => n.includes('*'))).toEqual([]);
    expect(editor).toEqual(expect.arrayContaining(real));
    const county = names(await api.gqlAs('jian-admin', q));
    expect(county.length).toBe(editor.length);
    expect(county.every((n: string) => n.includes('*'))).toBe(true);
    const city = names(await api.gqlAs('tonghua-viewer', q));
    expect(city.every((n: string) => n.includes('*'))).toBe(true);
  });

  it('rejects a bad period with what is accepted: in the document before anything runs, or as a variable', async () => {
    const res = await api.gql(`{ org(code: "220582") { volunteers(period: "2020Q5") { totalCount } } }`);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(res.body.errors?.[0].message).toContain('2020Q3');
    const asVariable = await api.gql(`query($p: Period) { org(code: "220582") { volunteers(period: $p) { totalCount } } }`, { p: '2020-13' });
    expect(asVariable.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(asVariable.body.errors?.[0].message).toContain('2020Q3');
  });
});
