import { TestApi, fen, startTestApi } from '@ggw/testing';

/** DOMAIN.md's reference table, through the GraphQL API: 2020 and the change from 2019. */
describe('roll-ups over GraphQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
  });
  afterAll(() => api.close());

  const rollup = async (code: string, period: string, fields: string, as = 'jian-admin') => {
    const res = await api.gqlAs(as, `{ org(code: "${code}") { rollup(period: "${period}") { ${fields} } } }`);
    expect(res.body.errors).toBeUndefined();
    return res.body.data.org.rollup;
  };

  it('gives 集安市 2020 every figure of its annual summary, and the change from 2019', async () => {
    const r = await rollup('220582', '2020', `orgCount fiveGoodCount fiveGoodRate volunteerCount coreVolunteerCount coreVolunteerShare
      donationTotal donationSocial donationVeteran articleCount
      previousYear { orgCount fiveGoodCount fiveGoodRate volunteerCount }
      change { fiveGoodRate volunteerCount orgCount }`);
    expect(r).toMatchObject({ orgCount: 218, fiveGoodCount: 176, volunteerCount: 2503, coreVolunteerCount: 802,
      donationTotal: '356000.00', donationSocial: '204000.00', donationVeteran: '152000.00', articleCount: 171 });
    expect(r.fiveGoodRate).toBeCloseTo(176 / 218, 12);
    expect((r.fiveGoodRate * 100).toFixed(1)).toBe('80.7');
    expect(r.coreVolunteerShare).toBeCloseTo(802 / 2503, 12);
    expect(r.previousYear).toMatchObject({ orgCount: 198, fiveGoodCount: 144, volunteerCount: 2368 });
    expect((r.previousYear.fiveGoodRate * 100).toFixed(1)).toBe('72.7');
    expect(Math.round(r.change.fiveGoodRate)).toBe(8);
    expect(r.change.fiveGoodRate).toBeCloseTo((176 / 218 - 144 / 198) * 100, 9);
    expect(r.change).toMatchObject({ volunteerCount: 135, orgCount: 20 });
  });

  it('computes the year before whichever field reads it, through fragments too, and the year alone gives the same figures', async () => {
    const year = await rollup('220582', '2020', 'orgCount volunteerCount');
    expect(year).toEqual({ orgCount: 218, volunteerCount: 2503 });
    // each field that reads 2019 alone: the statement then computes 2019 too
    expect(await rollup('220582', '2020', 'orgCount previousYear { orgCount }')).toEqual({ orgCount: 218, previousYear: { orgCount: 198 } });
    expect(await rollup('220582', '2020', 'change { orgCount }')).toEqual({ change: { orgCount: 20 } });
    expect(await rollup('220582', '2020', 'figures(keys: [orgCount]) { value previousValue }')).toEqual({ figures: [{ value: 218, previousValue: 198 }] });
    expect(await rollup('220582', '2020', 'figures(keys: [volunteerCount]) { change }')).toEqual({ figures: [{ change: 135 }] });
    const viaFragment = await api.gql(`{ org(code: "220582") { childRollups(period: "2020") { total { ...lastYear } rows { ...lastYear } } } }
      fragment lastYear on Rollup { orgCount ... on Rollup { previousYear { orgCount } } }`);
    expect(viaFragment.body.errors).toBeUndefined();
    expect(viaFragment.body.data.org.childRollups.total).toEqual({ orgCount: 218, previousYear: { orgCount: 198 } });
    // the same rows' year, asked without anything that reads the year before
    const rows = await api.gql('{ org(code: "220582") { childRollups(period: "2020") { rows { orgCount } } } }');
    expect(rows.body.data.org.childRollups.rows.map((r: { orgCount: number }) => r.orgCount))
      .toEqual(viaFragment.body.data.org.childRollups.rows.map((r: { orgCount: number }) => r.orgCount));
  });

  it('writes the summary paragraph from the data', async () => {
    const res = await api.gql(`{ org(code: "220582") { summary(period: "2020") } }`);
    const text: string = res.body.data.org.summary;
    for (const phrase of ['全市关工委组织218个,其中达到“五好”标准的176个,占总数的80.7%,比上年提高8个百分点', '五老志愿者队伍达2503人,比上年增加135人,五老骨干有802人',
      '捐款捐物35.6万元,其中协调社会力量捐款20.4万元,五老捐款捐物15.2万元', '宣传稿件171篇']) {
      expect(text).toContain(phrase);
    }
  });

  it('gives a township, a village and the city their own subtree', async () => {
    expect(await rollup('220582101', '2020', 'articleCount articleAdoptedCount')).toEqual({ articleCount: 25, articleAdoptedCount: 19 });
    expect((await rollup('220582103', '2020', 'pairCount')).pairCount).toBe(30);
    expect((await rollup('220582104', '2020', 'pairCount')).pairCount).toBe(38);
    expect((await rollup('220582106201', '2020', 'orgCount')).orgCount).toBe(1);
    const city = await rollup('220500', '2020', 'orgCount volunteerCount donationTotal', 'tonghua-viewer');
    const jian = await rollup('220582', '2020', 'orgCount volunteerCount donationTotal', 'tonghua-viewer');
    const county2 = await rollup('220521', '2020', 'orgCount volunteerCount donationTotal', 'tonghua-viewer');
    expect(city).toEqual({ orgCount: jian.orgCount + county2.orgCount + 1, volunteerCount: jian.volunteerCount + county2.volunteerCount, donationTotal: ((fen(jian.donationTotal) + fen(county2.donationTotal)) / 100).toFixed(2) });
  });

  it('puts townships side by side with the county total, sortable by any figure', async () => {
    const res = await api.gql(`{ org(code: "220582") { childRollups(period: "2020", sortBy: articleCount) {
      total { orgCount articleCount } rows { org { name } orgCount articleCount fiveGoodRate } } } }`);
    const { total, rows } = res.body.data.org.childRollups;
    expect(total).toEqual({ orgCount: 218, articleCount: 171 });
    expect(rows.reduce((s: number, r: { orgCount: number }) => s + r.orgCount, 0)).toBe(217);
    expect(rows[0].org.name).toBe('台上镇');
    const counts = rows.map((r: { articleCount: number }) => r.articleCount);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const bad = await api.gql(`{ org(code: "220582") { childRollups(period: "2020", sortBy: nope) { total { orgCount } } } }`);
    // a figure key is an enum value: a typo fails validation, before anything runs
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('computes and sends only the figures asked for (figures(keys:)), in the order asked', async () => {
    const all = await api.gql(`{ org(code: "220582") { descendantRollups(period: "2020", level: VILLAGE, first: 50) { nodes { figures { key label value previousValue change } } } } }`);
    const some = await api.gql(`query($keys: [FigureKey!]) { org(code: "220582") { descendantRollups(period: "2020", level: VILLAGE, first: 50) {
      nodes { figures(keys: $keys) { key label value previousValue change } } } } }`, { keys: ['volunteerCount', 'fiveGoodRate'] });
    const allNodes = all.body.data.org.descendantRollups.nodes;
    const someNodes = some.body.data.org.descendantRollups.nodes;
    expect(someNodes).toHaveLength(allNodes.length);
    someNodes.forEach((n: { figures: Array<{ key: string }> }, i: number) => {
      expect(n.figures.map((f) => f.key)).toEqual(['volunteerCount', 'fiveGoodRate']);
      expect(n.figures).toEqual(['volunteerCount', 'fiveGoodRate'].map((k) => allNodes[i].figures.find((f: { key: string }) => f.key === k)));
    });
  });

  it('pages through every village of the county with its figures', async () => {
    let after: string | null = null;
    const codes: string[] = [];
    let total = 0;
    let villages = 0;
    do {
      const res: any = await api.gql(`query($after: String) { org(code: "220582") { descendantRollups(period: "2020", level: VILLAGE, first: 60, after: $after) {
        totalCount nodes { org { code level } orgCount } pageInfo { hasNextPage endCursor } } } }`, { after });
      const page = res.body.data.org.descendantRollups;
      total = page.totalCount;
      codes.push(...page.nodes.map((n: { org: { code: string } }) => n.org.code));
      villages += page.nodes.filter((n: { org: { level: string }; orgCount: number }) => n.org.level === 'VILLAGE' && n.orgCount === 1).length;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(codes).size).toBe(total);
    expect(villages).toBe(total);
    expect(total).toBeGreaterThan(150);
  });

  it('lists published figures that disagree with the data: 五老骨干 29% against 32.0%', async () => {
    const res = await api.gql(`{ org(code: "220582") { discrepancies(period: "2020") { metricKey reportedValue computedValue source } } }`);
    expect(res.body.data.org.discrepancies).toEqual([
      { metricKey: 'coreVolunteerShare', reportedValue: '0.29', computedValue: 802 / 2503, source: '集安市关工委2020年工作总结' },
    ]);
  });

  it('reports plan targets with actuals and completion', async () => {
    const res = await api.gql(`{ org(code: "220582") { planProgress(year: 2020) { metricKey target actual completion } } }`);
    expect(res.body.data.org.planProgress).toContainEqual({ metricKey: 'volunteerCount', target: 2500, actual: 2503, completion: 2503 / 2500 });
  });

  it('works for quarters and months, and rejects other periods saying what is accepted', async () => {
    const q = await rollup('220582', '2020Q2', 'articleCount volunteerCount');
    const [{ n }] = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM article a JOIN org o ON o.id = a.org_id
      WHERE o.path <@ '220000.220500.220582' AND a.submitted_on >= '2020-04-01' AND a.submitted_on < '2020-07-01'`);
    expect(q.articleCount).toBe(n);
    expect((await rollup('220582', '2020-06', 'orgCount')).orgCount).toBeGreaterThan(190);
    const bad = await api.gql(`{ org(code: "220582") { rollup(period: "2020H1") { orgCount } } }`);
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(bad.body.errors?.[0].message).toContain('2020Q3');
  });

  it('is live: a record written at a village is in the county roll-up on the next query', async () => {
    const before = await rollup('220582', '2020', 'volunteerCount');
    const [village] = await api.db.dataSource.query(`SELECT tenant_id, id FROM org WHERE code = '220582106201'`);
    await api.db.dataSource.query(`INSERT INTO volunteer (tenant_id, id, org_id, name, category, is_core, joined_on)
      VALUES ($1, gen_random_uuid(), $2, '测试', 'TEACHER', false, '2020-05-01')`, [village.tenant_id, village.id]);
    expect((await rollup('220582', '2020', 'volunteerCount')).volunteerCount).toBe(before.volunteerCount + 1);
    expect((await rollup('220582106', '2020', 'volunteerCount')).volunteerCount).toBeGreaterThan(0);
  });
});
