import { firstError, startTestApi, TestApi } from '@ggw/testing';

/**
 * A hierarchy with dates, over HTTP: 撤乡并镇 and a village moving between townships change
 * the figures from their day on only; earlier periods keep the tree they had, the county's own
 * figures never change because of a move inside it, and last year is compared like for like.
 */
const JIAN = '220582';
const FIGURES = 'orgCount volunteerCount coreVolunteerCount activityCount activitySessions donationTotal pairCount fiveGoodCount articleCount';

describe('a hierarchy that changes over time', () => {
  let api: TestApi;
  let a: string;
  let b: string;
  let c: string;
  beforeAll(async () => {
    api = await startTestApi({ reference: true });
    // three townships whose 2021 is open (no report of theirs or below is submitted)
    const open: Array<{ code: string }> = await api.db.dataSource.query(`
      SELECT t.code FROM org t WHERE t.parent_id = (SELECT id FROM org WHERE code = $1) AND t.type IN ('TOWN', 'XIANG')
         AND NOT EXISTS (SELECT 1 FROM report r JOIN org o ON o.id = r.org_id WHERE o.path <@ t.path AND r.period LIKE '2021%' AND r.status <> 'DRAFT')
       ORDER BY t.code`, [JIAN]);
    [a, b, c] = open.map((r) => r.code);
    expect(c).toBeDefined();
  });
  afterAll(() => api.close());

  const rollup = async (code: string, period: string, state = 'LIVE') => {
    const res = await api.gqlAs('jian-admin', `{ org(code: "${code}") { rollup(period: "${period}", state: ${state}) { ${FIGURES} previousYear { ${FIGURES} } } } }`);
    expect(res.body.errors).toBeUndefined();
    return res.body.data.org.rollup;
  };
  const children = async (code: string, period: string) => {
    const res = await api.gqlAs('jian-admin', `{ org(code: "${code}") { childRollups(period: "${period}") { rows { org { code } ${FIGURES} } } } }`);
    expect(res.body.errors).toBeUndefined();
    return Object.fromEntries(res.body.data.org.childRollups.rows.map((r: { org: { code: string } }) => [r.org.code, { ...r, org: undefined }]));
  };
  const villagesOf = async (code: string) =>
    (await api.db.dataSource.query(`SELECT code FROM org WHERE parent_id = (SELECT id FROM org WHERE code = $1) AND level = 'VILLAGE' AND dissolved_on IS NULL ORDER BY code`, [code]))
      .map((r: { code: string }) => r.code) as string[];

  it('merges two townships from 2021 on: 2019 and 2020 keep both, 2021 has the merged one, and the county does not change', async () => {
    const before = { y2019: await rollup(JIAN, '2019'), y2020: await rollup(JIAN, '2020'), y2021: await rollup(JIAN, '2021'), approved: await rollup(JIAN, '2020', 'APPROVED') };
    const kids2020 = await children(JIAN, '2020');
    const [aBefore, bBefore] = [await rollup(a, '2020'), await rollup(b, '2020')];
    const [aApproved, bApproved] = [await rollup(a, '2020', 'APPROVED'), await rollup(b, '2020', 'APPROVED')];
    const bVillages = await villagesOf(b);

    const merged = await api.gqlAs('jian-admin', `mutation { mergeOrgs(codes: ["${b}"], intoCode: "${a}", on: "2021-01-01", reason: "撤乡并镇") { code } }`);
    expect(merged.body.errors).toBeUndefined();
    // today's tree: b's villages are a's, b is dissolved
    expect(await villagesOf(b)).toEqual([]);
    expect(await villagesOf(a)).toEqual(expect.arrayContaining(bVillages));

    // the county: the same in every year, but for the township that no longer exists in 2021
    expect(await rollup(JIAN, '2019')).toEqual(before.y2019);
    expect(await rollup(JIAN, '2020')).toEqual(before.y2020);
    expect(await rollup(JIAN, '2020', 'APPROVED')).toEqual(before.approved);
    const y2021 = await rollup(JIAN, '2021');
    expect({ ...y2021, orgCount: 0, previousYear: { ...y2021.previousYear, orgCount: 0 } }).toEqual({ ...before.y2021, orgCount: 0, previousYear: { ...before.y2021.previousYear, orgCount: 0 } });
    expect(y2021.orgCount).toBe(before.y2021.orgCount - 1);

    // 2020: both townships as they were, LIVE and APPROVED
    expect(await children(JIAN, '2020')).toEqual(kids2020);
    expect(await rollup(a, '2020')).toEqual(aBefore);
    expect(await rollup(b, '2020')).toEqual(bBefore);
    expect(await rollup(a, '2020', 'APPROVED')).toEqual(aApproved);
    expect(await rollup(b, '2020', 'APPROVED')).toEqual(bApproved);

    // 2021: the merged township only; its previous year is the sum of its predecessors'
    const kids2021 = await children(JIAN, '2021');
    expect(Object.keys(kids2021)).toContain(a);
    expect(Object.keys(kids2021)).not.toContain(b);
    const a2021 = await rollup(a, '2021');
    for (const key of ['volunteerCount', 'activityCount', 'pairCount', 'articleCount', 'fiveGoodCount']) {
      expect({ key, value: a2021.previousYear[key] }).toEqual({ key, value: aBefore[key] + bBefore[key] });
    }
  });

  it('moves a village between townships from a day on: before it under the old one, after it under the new one', async () => {
    const [village] = await villagesOf(c);
    const act = (day: string, title: string) => api.gqlAs('jian-admin', `mutation { createActivity(input: { orgCode: "${village}", heldOn: "${day}", theme: LECTURE, title: "${title}", sessions: 1, participants: 10, youthReached: 5 }) { activity { id } } }`);
    expect((await act('2021-03-05', '迁移前的宣讲')).body.errors).toBeUndefined();
    expect((await act('2021-09-05', '迁移后的宣讲')).body.errors).toBeUndefined();
    const before = { county: await rollup(JIAN, '2021'), c: await rollup(c, '2021'), a: await rollup(a, '2021'), cQ1: await rollup(c, '2021Q1'), aQ3: await rollup(a, '2021Q3'), c2020: await rollup(c, '2020') };

    const moved = await api.gqlAs('jian-admin', `mutation { moveOrg(code: "${village}", newParentCode: "${a}", on: "2021-07-01", reason: "区划调整") { code parent { code } } }`);
    expect(moved.body).toEqual({ data: { moveOrg: { code: village, parent: { code: a } } } });

    expect(await rollup(JIAN, '2021')).toEqual(before.county);
    expect(await rollup(c, '2020')).toEqual(before.c2020);
    // the March activity stays with the old township, the September one goes with the village
    expect((await rollup(c, '2021Q1')).activityCount).toBe(before.cQ1.activityCount);
    expect((await rollup(a, '2021Q3')).activityCount).toBe(before.aQ3.activityCount + 1);
    expect((await rollup(c, '2021')).activityCount).toBe(before.c.activityCount - 1);
    expect((await rollup(a, '2021')).activityCount).toBe(before.a.activityCount + 1);
    // a headcount counts where the village is at the period's end
    const villageNow = await rollup(village, '2021');
    expect((await rollup(a, '2021')).volunteerCount).toBe(before.a.volunteerCount + villageNow.volunteerCount);
    expect((await rollup(c, '2021')).volunteerCount).toBe(before.c.volunteerCount - villageNow.volunteerCount);
    // the lists behind the figures hold what the figures count, the tree as it was
    for (const code of [a, c]) {
      for (const period of ['2021', '2021Q1', '2021Q3']) {
        const res = await api.gqlAs('jian-admin', `{ org(code: "${code}") { rollup(period: "${period}") { activityCount volunteerCount pairCount }
          activities(subtree: true, period: "${period}") { totalCount } volunteers(subtree: true, period: "${period}") { totalCount } pairs(subtree: true, period: "${period}") { totalCount } } }`);
        const o = res.body.data.org;
        expect({ code, period, lists: [o.activities.totalCount, o.volunteers.totalCount, o.pairs.totalCount] })
          .toEqual({ code, period, lists: [o.rollup.activityCount, o.rollup.volunteerCount, o.rollup.pairCount] });
      }
    }
    // the 2021 children of each township: the village in both, for its months in each
    expect(Object.keys(await children(c, '2021'))).toContain(village);
    expect(Object.keys(await children(a, '2021'))).toContain(village);
    expect(Object.keys(await children(c, '2022'))).not.toContain(village);
  });

  it('refuses what would rewrite history or reach outside one\'s county, with reasons', async () => {
    const [village] = await villagesOf(a);
    const move = (as: string, code: string, to: string, on: string) =>
      api.gqlAs(as, `mutation { moveOrg(code: "${code}", newParentCode: "${to}", on: "${on}") { code } }`);
    // into a closed, approved year
    expect(firstError(await move('jian-admin', village, c, '2020-06-01')).code).toBe('REPORT_LOCKED');
    // in the future, below a village, out of the county
    expect(firstError(await move('jian-admin', village, c, '2999-01-01'))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'on' } });
    expect(firstError(await move('jian-admin', village, '220582106201', '2021-08-01'))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'newParentCode' } });
    expect(firstError(await move('tonghua-admin', village, '220521101', '2021-08-01'))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'newParentCode' } });
    // only an admin of both townships
    expect(firstError(await move('taishang-admin', '220582101201', c, '2021-08-01')).code).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect(firstError(await move('shihu-editor', '220582106201', '220582106', '2021-08-01')).code).toMatch(/FORBIDDEN/);
    // a dissolved township with villages, a township with villages
    expect(firstError(await api.gqlAs('jian-admin', `mutation { dissolveOrg(code: "${a}", on: "2021-08-01") { code } }`)).code).toBe('INVALID_STATE');
  });

  it('renames from a day on: earlier periods keep the earlier name; every change is in the audit trail', async () => {
    const old = (await api.gqlAs('jian-admin', `{ org(code: "${a}") { name } }`)).body.data.org.name;
    const res = await api.gqlAs('jian-admin', `mutation { renameOrg(code: "${a}", name: "新合并镇", on: "2021-01-01") { name } }`);
    expect(res.body.data.renameOrg.name).toBe('新合并镇');
    const named = async (period: string) => (await api.gqlAs('jian-admin', `{ org(code: "${JIAN}") { childRollups(period: "${period}") { rows { org { code name } } } } }`))
      .body.data.org.childRollups.rows.find((r: { org: { code: string } }) => r.org.code === a).org.name;
    expect(await named('2020')).toBe(old);
    expect(await named('2021')).toBe('新合并镇');
    // in the same request, the org itself (its villages' parent) is still today's org, with today's name
    const same = await api.gqlAs('jian-admin', `{ org(code: "${a}") { name childRollups(period: "2020") { total { org { name } } } children { parent { name } } } }`);
    expect(same.body.errors).toBeUndefined();
    expect(same.body.data.org.childRollups.total.org.name).toBe(old);
    expect(same.body.data.org.name).toBe('新合并镇');
    expect(new Set(same.body.data.org.children.map((v: { parent: { name: string } }) => v.parent.name))).toEqual(new Set(['新合并镇']));
    expect(firstError(await api.gqlAs('jian-admin', `mutation { renameOrg(code: "${a}", name: "再改", on: "2020-06-01") { name } }`)).code).toBe('INVALID_STATE');
    const trail = (await api.gqlAs('jian-admin', `{ org(code: "${a}") { auditTrail(first: 20, kind: ORG) { nodes { operation reason before after } } } }`)).body.data.org.auditTrail.nodes;
    expect(trail.length).toBeGreaterThan(0);
  });
});
