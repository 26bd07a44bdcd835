import { firstError, startTestApi, TestApi } from '@ggw/testing';

const TEN = 'orgCount fiveGoodCount fiveGoodRate volunteerCount coreVolunteerCount coreVolunteerShare donationTotal articleCount pairCount activityCount';

/**
 * The county with every township and every village, ten figures each, 2020 against 2019: the
 * statements do not depend on how many orgs there are.
 */
describe('statements of a roll-up request', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
  });
  afterAll(() => api.close());

  const countyQuery = (code: string) => `{ org(code: "${code}") {
    rollup(period: "2020") { ${TEN} change { ${TEN} } }
    childRollups(period: "2020") { rows { org { name } ${TEN} change { ${TEN} } } }
    descendantRollups(period: "2020", level: VILLAGE, first: 200) { nodes { org { name } ${TEN} previousYear { ${TEN} } } }
  } }`;

  it('answers the README query in one round trip: the org and its roll-up travel with the BEGIN', async () => {
    const res = await api.gql('{ org(code: "220582") { name rollup(period: "2020") { orgCount fiveGoodCount fiveGoodRate volunteerCount coreVolunteerCount } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.org).toEqual({ name: '集安市', rollup: { orgCount: 218, fiveGoodCount: 176, fiveGoodRate: 176 / 218, volunteerCount: 2503, coreVolunteerCount: 802 } });
    expect(res.statements).toBe(1);
    // a period in a variable, two periods (two statements, each prepared in the message), the
    // APPROVED figures, and the same field asked twice under one alias (its figures merged)
    const more = await api.gql(
      `query($p: Period!) { org(code: "220582") { a: rollup(period: $p) { orgCount } b: rollup(period: "2019") { volunteerCount }
         c: rollup(period: "2020", state: APPROVED) { orgCount } a: rollup(period: $p) { volunteerCount } } }`,
      { p: '2020' },
    );
    expect(more.body.errors).toBeUndefined();
    expect(more.body.data.org.a).toEqual({ orgCount: 218, volunteerCount: 2503 });
    expect(more.body.data.org.b.volunteerCount).toBeGreaterThan(0);
    expect(more.body.data.org.c.orgCount).toBeGreaterThanOrEqual(0);
    expect(more.statements).toBe(1);
  });

  it('answers a table of children, a summary and a first page of villages with the org in one round trip, as they answer asked after the org', async () => {
    for (const args of ['period: "2020", sortBy: fiveGoodRate', 'period: "2019"', 'period: "2020", state: APPROVED', 'period: "2020Q3", sortBy: pairCount, descending: false']) {
      const table = `childRollups(${args}) { total { orgCount } rows { org { code name } orgCount fiveGoodRate previousYear { orgCount } change { fiveGoodRate } } }`;
      const ahead = await api.gql(`{ org(code: "220582") { code ${table} } }`);
      const after = await api.gql(`{ org(code: "220582") { code ...T } } fragment T on Org { ${table} }`);
      expect(ahead.body.errors).toBeUndefined();
      expect(ahead.body.data).toEqual(after.body.data);
      expect(ahead.body.data.org.childRollups.rows.length).toBeGreaterThan(15);
      expect(ahead.statements).toBe(1);
      expect(after.statements).toBe(2);
    }
    // the county's figures with its summary paragraph (the province bench's county request)
    const summary = 'rollup(period: "2020") { orgCount fiveGoodCount fiveGoodRate volunteerCount coreVolunteerCount } summary(period: "2020")';
    const ahead = await api.gql(`{ org(code: "220582") { ${summary} } }`);
    const after = await api.gql(`{ org(code: "220582") { ...S } } fragment S on Org { ${summary} }`);
    expect(ahead.body.data).toEqual(after.body.data);
    expect(ahead.body.data.org.summary).toContain('全市关工委组织218个');
    expect([ahead.statements, after.statements]).toEqual([1, 2]);
    // the first page of the villages' roll-ups (a later page, by its cursor, asks for itself)
    const page = (after: string) => `descendantRollups(period: "2020", level: VILLAGE, first: 40${after}) { nodes { org { code name } orgCount fiveGoodRate } pageInfo { hasNextPage endCursor } }`;
    const first = await api.gql(`{ org(code: "220582") { ${page('')} } }`);
    const firstAfter = await api.gql(`{ org(code: "220582") { ...P } } fragment P on Org { ${page('')} }`);
    expect(first.body.data).toEqual(firstAfter.body.data);
    expect(first.body.data.org.descendantRollups.nodes).toHaveLength(40);
    expect([first.statements, firstAfter.statements]).toEqual([1, 2]);
    const cursor = `, after: "${first.body.data.org.descendantRollups.pageInfo.endCursor}"`;
    const second = await api.gql(`{ org(code: "220582") { ${page(cursor)} } }`);
    expect(second.body.data.org.descendantRollups.nodes[0].org.code > first.body.data.org.descendantRollups.nodes[39].org.code).toBe(true);
    expect(second.statements).toBe(2);
    // a figure that is not one fails as it does without the look-ahead
    const bad = await api.gql('query($s: FigureKey) { org(code: "220582") { childRollups(period: "2020", sortBy: $s) { total { orgCount } } } }', { s: 'nope' });
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('asks nothing ahead for an org the viewer cannot see: NOT_FOUND, as without', async () => {
    // another county, and the city above (whose row the database lets the viewer read, for breadcrumbs)
    for (const code of ['220521', '220500']) {
      const res = await api.gql(`{ org(code: "${code}") { name rollup(period: "2020") { orgCount volunteerCount }
        childRollups(period: "2020") { total { orgCount } rows { org { code name } orgCount } } } }`);
      expect(firstError(res).code).toBe('NOT_FOUND');
      expect(JSON.stringify(res.body)).not.toMatch(/orgCount|volunteerCount|通化|集安|220582/);
      expect(res.body.data).toBeNull();
    }
  });

  it('costs 1 round trip for the county, its townships and its villages', async () => {
    const res = await api.gql(countyQuery('220582'));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.org.childRollups.rows.length).toBeGreaterThan(15);
    expect(res.body.data.org.descendantRollups.nodes.length).toBeGreaterThan(150);
    // the viewer's scopes, the org, its roll-up, its table and its villages' first page in one
    // message (each message of a read is a READ ONLY transaction of its own: no COMMIT)
    expect(res.statements).toBe(1);
    const small = await api.gqlAs('tonghuaxian-admin', countyQuery('220521'));
    expect(small.statements).toBe(res.statements);
  });
});
