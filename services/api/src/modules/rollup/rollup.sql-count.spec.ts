import { startTestApi, TestApi } from '@ggw/testing';

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

  it('costs 2 round trips for the county, its townships and its villages', async () => {
    const res = await api.gql(countyQuery('220582'));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.org.childRollups.rows.length).toBeGreaterThan(15);
    expect(res.body.data.org.descendantRollups.nodes.length).toBeGreaterThan(150);
    // BEGIN with the viewer's scopes and the org in one message, then one roll-up statement for
    // all three fields (a read's COMMIT travels while the answer is sent)
    expect(res.statements).toBe(2);
    const small = await api.gqlAs('tonghuaxian-admin', countyQuery('220521'));
    expect(small.statements).toBe(res.statements);
  });
});
