import { startTestApi, TestApi } from '@ggw/testing';

describe('org queries over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
  });
  afterAll(() => api.close());

  const count = async (sql: string, params: unknown[] = []) => (await api.db.dataSource.query(sql, params))[0].n as number;

  it('answers the README query: 集安市 with its townships and departments', async () => {
    const res = await api.gql(`{ org(code: "220582") { name level children { code name level type } } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const org = res.body.data.org;
    expect(org).toMatchObject({ name: '集安市', level: 'COUNTY' });
    const names = org.children.map((c: { name: string }) => c.name);
    for (const n of ['台上镇', '财源镇', '清河镇', '大路镇', '团结街道', '教育局', '公安局', '司法局', '民政局', '法院', '检察院']) {
      expect(names).toContain(n);
    }
    expect(org.children.every((c: { level: string }) => c.level === 'TOWNSHIP')).toBe(true);
    expect(org.children.find((c: { name: string }) => c.name === '教育局').type).toBe('DEPARTMENT');
    expect(org.children).toHaveLength(await count(`SELECT count(*)::int AS n FROM org WHERE parent_id = (SELECT id FROM org WHERE code = '220582')`));
  });

  it('finds an org by id as by code, and walks ancestors back to the root', async () => {
    const byCode = await api.gql(`{ org(code: "220582106201") { id name parent { name } } }`);
    const { id, name, parent } = byCode.body.data.org;
    expect([name, parent.name]).toEqual(['石湖村', '青石镇']);
    const byId = await api.gql(`query($id: ID!) { org(id: $id) { code ancestors { code name level } } }`, { id });
    expect(byId.body.data.org.code).toBe('220582106201');
    expect(byId.body.data.org.ancestors.map((a: { name: string }) => a.name)).toEqual(['吉林省', '通化市', '集安市', '青石镇']);
  });

  it('drills down from the county to every village, each level in the path order PostgreSQL gives', async () => {
    const res = await api.gql(`{ org(code: "220582") { children { code children { code level } } } }`);
    const villages = res.body.data.org.children.flatMap((t: { children: unknown[] }) => t.children);
    expect(villages.length).toBe(await count(`SELECT count(*)::int AS n FROM org WHERE level = 'VILLAGE' AND path <@ '220000.220500.220582'`));
    // siblings are sorted by the API (by code); their order is the database's path order, departments' lettered codes included
    const inPathOrder = (await api.db.dataSource.query(`SELECT code FROM org WHERE path <@ '220000.220500.220582' AND nlevel(path) > 3 ORDER BY path`)).map((r: { code: string }) => r.code);
    const answered = res.body.data.org.children.flatMap((t: { code: string; children: Array<{ code: string }> }) => [t.code, ...t.children.map((v) => v.code)]);
    expect(answered).toEqual(inPathOrder);
    expect(answered.some((c: string) => /[A-Z]/.test(c))).toBe(true);
  });

  it('pages through all descendants without gaps or repeats, with a total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const res: any = await api.gql(
        `query($after: String) { org(code: "220582") { descendants(first: 50, after: $after) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      const d = res.body.data.org.descendants;
      total = d.totalCount;
      seen.push(...d.nodes.map((n: { code: string }) => n.code));
      if (!d.pageInfo.hasNextPage) break;
      after = d.pageInfo.endCursor;
    }
    const expected = await count(`SELECT count(*)::int AS n FROM org WHERE path <@ '220000.220500.220582' AND code <> '220582'`);
    expect(total).toBe(expected);
    expect(seen).toHaveLength(expected);
    expect(new Set(seen).size).toBe(expected);
  });

  it('filters descendants by level and type', async () => {
    const res = await api.gql(`{ org(code: "220582") { descendants(level: TOWNSHIP, type: DEPARTMENT, first: 100) { totalCount nodes { name type level } } } }`);
    const d = res.body.data.org.descendants;
    expect(d.totalCount).toBe(6);
    expect(d.nodes.every((n: { type: string; level: string }) => n.type === 'DEPARTMENT' && n.level === 'TOWNSHIP')).toBe(true);
  });

  it('searches orgs by name or code prefix, paginated', async () => {
    const byName = await api.gql(`{ orgs(search: "台上") { totalCount nodes { name } } }`);
    expect(byName.body.data.orgs.nodes.map((n: { name: string }) => n.name)).toContain('台上镇');
    const byCode = await api.gql(`{ orgs(search: "2205821", level: TOWNSHIP, first: 3) { totalCount nodes { code } pageInfo { hasNextPage } } }`);
    expect(byCode.body.data.orgs.nodes).toHaveLength(3);
    expect(byCode.body.data.orgs.pageInfo.hasNextPage).toBe(true);
    expect(byCode.body.data.orgs.nodes.every((n: { code: string }) => n.code.startsWith('2205821'))).toBe(true);
    expect(byCode.body.data.orgs.totalCount).toBe(await count(`SELECT count(*)::int AS n FROM org WHERE code LIKE '2205821%' AND level = 'TOWNSHIP'`));
    const literal = await api.gql(`{ orgs(search: "%") { totalCount } }`);
    expect(literal.body.data.orgs.totalCount).toBe(0);
  });

  it.each([
    ['an unknown code', 'NOT_FOUND', `{ org(code: "999999") { name } }`],
    ['an unknown id', 'NOT_FOUND', `{ org(id: "00000000-0000-4000-8000-000000000000") { name } }`],
    ['an id that is not a UUID', 'BAD_USER_INPUT', `{ org(id: "abc") { name } }`],
    ['both id and code', 'BAD_USER_INPUT', `{ org(id: "00000000-0000-4000-8000-000000000000", code: "220582") { name } }`],
    ['neither id nor code', 'BAD_USER_INPUT', `{ org { name } }`],
    ['a page size of 0', 'BAD_USER_INPUT', `{ orgs(first: 0) { totalCount } }`],
    ['a page size over 200', 'BAD_USER_INPUT', `{ orgs(first: 201) { totalCount } }`],
    ['a forged cursor', 'BAD_USER_INPUT', `{ orgs(after: "bm90LWEtY3Vyc29y") { totalCount } }`],
    ['an empty search', 'BAD_USER_INPUT', `{ orgs(search: " ") { totalCount } }`],
    ['an unknown level', 'GRAPHQL_VALIDATION_FAILED', `{ orgs(level: PLANET) { totalCount } }`],
  ])('answers %s with %s', async (_case, code, query) => {
    const res = await api.gql(query);
    expect(res.body.errors?.[0].extensions?.code).toBe(code);
    expect(res.body.data?.org ?? res.body.data?.orgs ?? null).toBeNull();
  });
});
