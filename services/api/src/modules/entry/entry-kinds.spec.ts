import { firstError, startTestApi, TestApi } from '@ggw/testing';

/**
 * Every writable kind, end to end over HTTP as 石湖村's editor: the write is in 集安市's
 * roll-up on the very next query, and deleting it (the undo) takes it out again.
 */
const SHIHU = '220582106201';
const COUNTY = '220582';

describe('data entry: every kind is live in the county roll-up', () => {
  let api: TestApi;
  let volunteerId: string;
  let beneficiaryId: string;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'shihu-editor' });
    const v = await api.gql(`mutation { createVolunteer(input: { orgCode: "${SHIHU}", name: "赵文", category: CADRE, joinedOn: "2021-01-05" }) { volunteer { id } } }`);
    volunteerId = v.body.data.createVolunteer.volunteer.id;
    const b = await api.gql(`mutation { createBeneficiary(input: { orgCode: "${SHIHU}", name: "赵小芳", category: LEFT_BEHIND_CHILD }) { beneficiary { id } } }`);
    beneficiaryId = b.body.data.createBeneficiary.beneficiary.id;
  });
  afterAll(() => api.close());

  // a count (a number) or money (a decimal string), as a number to compare
  const figure = async (key: string) => Number((await api.gqlAs('jian-admin', `{ org(code: "${COUNTY}") { rollup(period: "2021") { ${key} } } }`)).body.data.org.rollup[key]);

  const cases: Array<{ kind: string; field: string; figure: string; delta: number; input: () => string }> = [
    { kind: 'Volunteer', field: 'volunteer', figure: 'volunteerCount', delta: 1, input: () => `name: "钱进", category: SOLDIER, joinedOn: "2021-02-01"` },
    { kind: 'Pair', field: 'pair', figure: 'pairCount', delta: 1, input: () => `volunteerId: "${volunteerId}", beneficiaryId: "${beneficiaryId}", startedOn: "2021-03-01"` },
    { kind: 'Activity', field: 'activity', figure: 'activityCount', delta: 1, input: () => `heldOn: "2021-04-02", theme: LECTURE, title: "法治宣讲", participants: 30, youthReached: 60` },
    { kind: 'Donation', field: 'donation', figure: 'donationTotal', delta: 1500.5, input: () => `receivedOn: "2021-05-01", donorKind: ENTERPRISE, donorName: "某公司", form: MONEY, amountYuan: "1500.50", restrictedPurpose: STUDENT_AID` },
    { kind: 'Disbursement', field: 'disbursement', figure: 'disbursementTotal', delta: 800, input: () => `paidOn: "2021-06-01", amountYuan: "800", recipientName: "赵小芳", beneficiaryId: "${beneficiaryId}"` },
    { kind: 'Article', field: 'article', figure: 'articleCount', delta: 1, input: () => `title: "石湖村关工小组开展宣讲", submittedOn: "2021-07-01"` },
  ];

  it.each(cases)('$kind: created, counted on the next query, deleted, gone again', async ({ kind, field, figure: key, delta, input }) => {
    const before = await figure(key);
    const res = await api.gql(`mutation { create${kind}(input: { orgCode: "${SHIHU}", ${input()} }) { ${field} { id version } warnings { rule } } }`);
    expect(res.body.errors).toBeUndefined();
    const { id, version } = res.body.data[`create${kind}`][field];
    expect(version).toBe(1);
    expect(await figure(key)).toBeCloseTo(before + delta, 2);
    const del = await api.gql(`mutation { delete${kind}(id: "${id}", expectedVersion: 1, reason: "测试撤销") { deletedId } }`);
    expect(del.body.data[`delete${kind}`].deletedId).toBe(id);
    expect(await figure(key)).toBeCloseTo(before, 2);
  });

  it('Beneficiary: created and listed, then deleted (no figure counts a beneficiary alone)', async () => {
    const list = async () => (await api.gql(`{ org(code: "${SHIHU}") { beneficiaries(first: 1) { totalCount } } }`)).body.data.org.beneficiaries.totalCount as number;
    const before = await list();
    const res = await api.gql(`mutation { createBeneficiary(input: { orgCode: "${SHIHU}", name: "孙小明", category: POOR_STUDENT }) { beneficiary { id } } }`);
    expect(await list()).toBe(before + 1);
    await api.gql(`mutation { deleteBeneficiary(id: "${res.body.data.createBeneficiary.beneficiary.id}", expectedVersion: 1, reason: "测试撤销") { deletedId } }`);
    expect(await list()).toBe(before);
  });

  it('refuses to delete a volunteer a pair still names (CONFLICT), keeping both', async () => {
    const pair = await api.gql(`mutation { createPair(input: { orgCode: "${SHIHU}", volunteerId: "${volunteerId}", beneficiaryId: "${beneficiaryId}", startedOn: "2021-03-01" }) { pair { id } } }`);
    expect(pair.body.errors).toBeUndefined();
    const del = await api.gql(`mutation { deleteVolunteer(id: "${volunteerId}", expectedVersion: 1, reason: "测试删除") { deletedId } }`);
    expect(firstError(del).code).toBe('CONFLICT');
    expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM volunteer WHERE id = $1`, [volunteerId]))[0].n).toBe(1);
    const ended = await api.gql(`mutation { endPair(id: "${pair.body.data.createPair.pair.id}", endedOn: "2021-02-01", expectedVersion: 1) { pair { endedOn } } }`);
    expect(firstError(ended).extensions.fieldErrors).toEqual([{ field: 'endedOn', message: expect.stringContaining('应晚于结对日期') }]);
  });
});

describe('data entry: yearly records, assessments and adoption', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'shihu-editor' });
  });
  afterAll(() => api.close());

  const figure = async (key: string, period = '2021') => Number((await api.gqlAs('jian-admin', `{ org(code: "${COUNTY}") { rollup(period: "${period}") { ${key} } } }`)).body.data.org.rollup[key]);

  it('a 五好 assessment names every criterion at once; complete and all met, it counts as 五好; deleted, it is gone', async () => {
    const criteria: Array<{ key: string }> = await api.db.dataSource.query(`SELECT key FROM assessment_criterion WHERE tenant_id = (SELECT tenant_id FROM org WHERE code = $1) ORDER BY position`, [SHIHU]);
    const results = (met: boolean[]) => `[${criteria.map((c, i) => `{ criterionKey: "${c.key}", met: ${met[i] ?? true} }`).join(', ')}]`;
    const set = (r: string, version = '') => api.gql(`mutation { setAssessment(input: { orgCode: "${SHIHU}", year: 2021, results: ${r} ${version} }) { year version results { criterionKey met version } warnings { rule } } }`);
    const before = await figure('fiveGoodCount');
    const partial = await set(`[{ criterionKey: "${criteria[0].key}", met: true }]`);
    expect(firstError(partial)).toMatchObject({ code: 'RULE_VIOLATED', extensions: { rule: 'assessment.complete' } });
    const unknown = await set(`[{ criterionKey: "NO_SUCH", met: true }]`);
    expect(firstError(unknown).extensions.fieldErrors[0].field).toBe('results[0].criterionKey');
    const first = await set(results([]));
    expect(first.body.data.setAssessment).toMatchObject({ year: 2021, version: 1 });
    expect(await figure('fiveGoodCount')).toBe(before + 1);
    expect(firstError(await set(results([false]))).extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    // an empty list would have emptied the year without a reason: refused, nothing changes
    expect(firstError(await set('[]', 'expectedVersion: 1')).extensions.fieldErrors).toEqual([{ field: 'results', message: expect.stringContaining('项评定标准的结果') }]);
    expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM assessment WHERE year = 2021 AND org_id = (SELECT id FROM org WHERE code = $1)`, [SHIHU]))[0].n).toBe(criteria.length);
    const second = await set(results([false]), 'expectedVersion: 1');
    expect(second.body.data.setAssessment.version).toBe(2);
    expect(await figure('fiveGoodCount')).toBe(before);
    const del = await api.gql(`mutation { deleteAssessment(orgCode: "${SHIHU}", year: 2021, expectedVersion: 2, reason: "评定录错") }`);
    expect(del.body.data.deleteAssessment).toBe(true);
    expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM assessment WHERE year = 2021 AND org_id = (SELECT id FROM org WHERE code = $1)`, [SHIHU]))[0].n).toBe(0);
  });

  it('a 四有 guarantee is one per org and year (a second is CONFLICT); plan targets and published figures check their keys', async () => {
    const g = `year: 2021, hasStaff: true, hasOffice: true, hasEquipment: false, hasFunding: true, budgetYuan: "5000"`;
    const budget = await figure('budgetYuan');
    const first = await api.gql(`mutation { createGuarantee(input: { orgCode: "${SHIHU}", ${g} }) { guarantee { id year budgetYuan } } }`);
    expect(first.body.data.createGuarantee.guarantee).toMatchObject({ year: 2021, budgetYuan: '5000.00' });
    expect(await figure('budgetYuan')).toBeCloseTo(budget + 5000, 2);
    // a field with a default cannot be cleared (the column would refuse a null)
    const cleared = await api.gql(`mutation { updateGuarantee(id: "${first.body.data.createGuarantee.guarantee.id}", expectedVersion: 1, patch: { budgetYuan: null }) { guarantee { id } } }`);
    expect(firstError(cleared).extensions.fieldErrors).toEqual([{ field: 'budgetYuan', message: '年度预算(元)不能清空;不填时为 0' }]);
    expect(firstError(await api.gql(`mutation { createGuarantee(input: { orgCode: "${SHIHU}", ${g.replace('2021', '2999')} }) { guarantee { id } } }`)).extensions.fieldErrors[0].field).toBe('year');
    expect(firstError(await api.gql(`mutation { createGuarantee(input: { orgCode: "${SHIHU}", ${g} }) { guarantee { id } } }`)).code).toBe('CONFLICT');
    const badTarget = await api.gql(`mutation { createPlanTarget(input: { orgCode: "${SHIHU}", year: 2021, metricKey: "noSuchFigure", targetValue: "10", description: "目标" }) { planTarget { id } } }`);
    expect(firstError(badTarget).extensions.fieldErrors[0]).toMatchObject({ field: 'metricKey', message: expect.stringContaining('未知的指标') });
    const target = await api.gql(`mutation { createPlanTarget(input: { orgCode: "${SHIHU}", year: 2021, metricKey: "activityCount", targetValue: "12", description: "全年开展活动 12 次" }) { planTarget { id targetValue } } }`);
    expect(target.body.data.createPlanTarget.planTarget.targetValue).toBe('12.00');
    const figureRes = await api.gql(`mutation { createReportedFigure(input: { orgCode: "${SHIHU}", period: "2021Q5", metricKey: "coreVolunteerShare", reportedValue: "0.29", source: "总结" }) { reportedFigure { id } } }`);
    expect(firstError(figureRes).extensions.fieldErrors[0].field).toBe('period');
  });

  it('an article is marked adopted by the level above, not by the village that wrote it', async () => {
    const a = await api.gql(`mutation { createArticle(input: { orgCode: "${SHIHU}", title: "石湖村五老宣讲团", submittedOn: "2021-08-01" }) { article { id } } }`);
    const id = a.body.data.createArticle.article.id;
    const own = await api.gql(`mutation { setArticleAdoption(id: "${id}", expectedVersion: 1, level: COUNTY) { article { adopted } } }`);
    expect(firstError(own).code).toBe('FORBIDDEN');
    const before = await figure('articleAdoptedCount');
    const county = await api.gqlAs('jian-admin', `mutation { setArticleAdoption(id: "${id}", expectedVersion: 1, level: CITY) { article { adopted adoptedLevel version } } }`);
    expect(county.body.data.setArticleAdoption.article).toEqual({ adopted: true, adoptedLevel: 'CITY', version: 2 });
    expect(await figure('articleAdoptedCount')).toBe(before + 1);
  });
});
