import { startTestApi, TestApi } from '@ggw/testing';

/**
 * Relations are batched per request (DataLoader), so listing orgs with their parents,
 * children and ancestors costs a fixed number of statements, however many orgs are listed.
 */
describe('statements per request', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
  });
  afterAll(() => api.close());

  const listing = (first: number) =>
    api.gql(`{ orgs(first: ${first}) { nodes { name parent { name } children { name } ancestors { code } } } }`);

  it('lists 200 orgs with their parents, children and ancestors in a constant number of statements', async () => {
    const big = await listing(200);
    expect(big.body.errors).toBeUndefined();
    expect(big.body.data.orgs.nodes).toHaveLength(200);
    // round trips: the viewer's scopes and the page in one message, parents, children,
    // ancestors (each message of a read is a READ ONLY transaction of its own: no COMMIT)
    expect(big.statements).toBe(4);
    const small = await listing(5);
    expect(small.statements).toBe(big.statements);
  });

  it('lists the records of 200 orgs in one statement per list', async () => {
    const res = await api.gql(`{ orgs(first: 200) { nodes { volunteers(first: 2) { nodes { category } } activities(first: 2, period: "2020") { totalCount } } } }`);
    expect(res.body.errors).toBeUndefined();
    // the scopes and the page, volunteers, activities, activity counts (the volunteers'
    // orgs, for masking, are the page's own)
    expect(res.statements).toBe(4);
  });

  it('reads an org and its tree asked by code in one round trip, answering exactly what the tree read level by level answers', async () => {
    const tree = 'code name level children { code name parent { code } children { code name children(level: VILLAGE) { code } } }';
    const ahead = await api.gql(`{ org(code: "220582") { ${tree} } }`);
    // a fragment is not looked into ahead: the same tree, one statement per level
    const byLevel = await api.gql(`{ org(code: "220582") { ...T } } fragment T on Org { ${tree} }`);
    expect(ahead.body.errors).toBeUndefined();
    expect(ahead.body.data).toEqual(byLevel.body.data);
    const villages = ahead.body.data.org.children.flatMap((t: any) => t.children);
    expect(villages.length).toBeGreaterThan(150);
    // the scopes, the org and the three levels below it (the villages' none)
    expect(ahead.statements).toBe(1);
    expect(byLevel.statements).toBe(4);
    // read by path (a subtree that ends within the levels asked) and walked level by level (a
    // city's counties and townships, not its villages): the same trees as level by level
    for (const [as, code, tree] of [['jian-admin', '220582101', 'code children { code }'], ['jian-admin', '220582101', 'code children { code children { code } }'],
      ['tonghua-viewer', '220500', 'code children { code name children { code } }'], ['tonghua-viewer', '220500', 'code children { children { children { code } } }']]) {
      const read = await api.gqlAs(as, `{ org(code: "${code}") { ${tree} } }`);
      const walked = await api.gqlAs(as, `{ org(code: "${code}") { ...T } } fragment T on Org { ${tree} }`);
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data).toEqual(walked.body.data);
      expect(JSON.stringify(read.body.data)).toMatch(/"2205\d{5}/);
      expect(read.statements).toBe(1);
    }
    // one level, under an alias, with a filter (applied to what was read)
    const one = await api.gql('{ org(code: "220582") { towns: children(level: TOWNSHIP) { code } } }');
    expect(one.body.data.org.towns.length).toBeGreaterThan(10);
    expect(one.statements).toBe(1);
  });

  it('reads nothing ahead into the answer for an org the viewer cannot see', async () => {
    const res = await api.gql('{ org(code: "220521") { code children { code name children { code name } } } }');
    expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(res.body.data).toBeNull();
    // an ancestor the database lets the viewer read (for breadcrumbs) is still NOT_FOUND, tree and all
    const above = await api.gql('{ org(code: "220500") { code children { code name } } }');
    expect(above.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(above.body)).not.toContain('220582');
  });

  it('masks the names of a subtree\'s people without reading their orgs again', async () => {
    const res = await api.gql(`{ org(code: "220582") { volunteers(subtree: true, first: 50) { nodes { name } } } }`);
    expect(res.body.errors).toBeUndefined();
    const names: string[] = res.body.data.org.volunteers.nodes.map((v: { name: string }) => v.name);
    // the county admin sees the villages' people masked (钱*杰), its own level's in full
    expect(names.some((n) => n.includes('*'))).toBe(true);
    // the scopes, the county and the list (each row with its org's parent, for masking)
    expect(res.statements).toBe(1);
  });

  it('reads record lists asked by code with the org, answering exactly what they answer asked after it', async () => {
    const lists = (code: string) => `volunteers(subtree: true, first: 5) { totalCount nodes { name category } }
      own: activities(period: "2020", first: 3) { nodes { title } } donations(subtree: true, period: "2020") { nodes { amountYuan donorName } }`;
    for (const code of ['220582', '220582101']) {
      const ahead = await api.gql(`{ org(code: "${code}") { name ${lists(code)} } }`);
      const after = await api.gql(`{ org(code: "${code}") { ...L } } fragment L on Org { name ${lists(code)} }`);
      expect(ahead.body.errors).toBeUndefined();
      expect(ahead.body.data).toEqual(after.body.data);
      expect(ahead.body.data.org.volunteers.nodes.length).toBeGreaterThan(0);
      // a county's lists are read with it, then the volunteers' count; a township's subtree lists
      // are read as a county's would be, found not to be one, and read again after it, one
      // statement each (its own list still travels with it)
      expect(ahead.statements).toBe(code === '220582' ? 2 : 4);
      // asked after the org (a fragment is not looked into): the org, each list, the count
      expect(after.statements).toBe(5);
    }
  });
});
