import { firstError, startTestApi, TestApi } from '@ggw/testing';

/** The rule catalogue at work: hard rules refuse a write (and keep nothing), soft ones warn, ruleViolations lists both. */
const SHIHU = '220582106201';

describe('rules across records', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'shihu-editor' });
  });
  afterAll(() => api.close());

  const counts = async () => (await api.db.dataSource.query(
    `SELECT (SELECT count(*) FROM volunteer)::int AS v, (SELECT count(*) FROM assistance_pair)::int AS p, (SELECT count(*) FROM disbursement)::int AS d,
            (SELECT count(*) FROM audit_event)::int AS a, (SELECT md5(string_agg(v::text, ',' ORDER BY org_id, source, channel, bucket)) FROM rollup_subtree) AS sums`))[0];

  it('专款专用: a restricted payment beyond what the fund received is refused, and nothing of it stays', async () => {
    await api.gql(`mutation { createDonation(input: { orgCode: "${SHIHU}", receivedOn: "2021-01-10", donorKind: ENTERPRISE, donorName: "某企业", form: MONEY, amountYuan: "1000.00", restrictedPurpose: SCHOLARSHIP }) { donation { id } } }`);
    const pay = (amount: string) => api.gql(`mutation { createDisbursement(input: { orgCode: "${SHIHU}", paidOn: "2021-02-01", amountYuan: "${amount}", restrictedPurpose: SCHOLARSHIP, recipientName: "李同学" }) { disbursement { id } } }`);
    const before = await counts();
    const refused = await pay('1000.01');
    expect(firstError(refused)).toMatchObject({ code: 'RULE_VIOLATED', extensions: { rule: 'fund.restrictedBalance' } });
    expect(firstError(refused).message).toContain('专款专用');
    expect(await counts()).toEqual(before);
    expect((await pay('1000.00')).body.errors).toBeUndefined();
    expect(firstError(await pay('0.01')).code).toBe('RULE_VIOLATED');
  });

  it('a pair must start while its volunteer is in the team', async () => {
    const v = await api.gql(`mutation { createVolunteer(input: { orgCode: "${SHIHU}", name: "周正", category: TEACHER, joinedOn: "2021-05-01" }) { volunteer { id } } }`);
    const b = await api.gql(`mutation { createBeneficiary(input: { orgCode: "${SHIHU}", name: "周小", category: LEFT_BEHIND_CHILD }) { beneficiary { id } } }`);
    const ids = `volunteerId: "${v.body.data.createVolunteer.volunteer.id}", beneficiaryId: "${b.body.data.createBeneficiary.beneficiary.id}"`;
    const before = await counts();
    const early = await api.gql(`mutation { createPair(input: { orgCode: "${SHIHU}", ${ids}, startedOn: "2021-04-01" }) { pair { id } } }`);
    expect(firstError(early)).toMatchObject({ code: 'RULE_VIOLATED', extensions: { rule: 'pair.membersOfOrg' } });
    expect(await counts()).toEqual(before);
    expect((await api.gql(`mutation { createPair(input: { orgCode: "${SHIHU}", ${ids}, startedOn: "2021-05-01" }) { pair { id } } }`)).body.errors).toBeUndefined();
    // a volunteer of another org is not offered at all
    const [other] = await api.db.dataSource.query(`SELECT v.id FROM volunteer v JOIN org o ON o.id = v.org_id WHERE o.code <> $1 LIMIT 1`, [SHIHU]);
    const foreign = await api.gql(`mutation { createPair(input: { orgCode: "${SHIHU}", volunteerId: "${other.id}", beneficiaryId: "${b.body.data.createBeneficiary.beneficiary.id}", startedOn: "2021-05-01" }) { pair { id } } }`);
    expect(firstError(foreign).extensions.fieldErrors).toEqual([{ field: 'volunteerId', message: expect.stringContaining('不是本组织登记的记录') }]);
  });

  it('an ID number registered anywhere in the county is refused again, though the editor cannot see the other village', async () => {
    const [{ id_number: taken }] = await api.db.dataSource.query(
      `SELECT v.id_number FROM volunteer v JOIN org o ON o.tenant_id = v.tenant_id AND o.id = v.org_id WHERE o.code <> $1 AND o.path <@ '220000.220500.220582' AND v.id_number IS NOT NULL LIMIT 1`, [SHIHU]);
    const res = await api.gql(`mutation { createVolunteer(input: { orgCode: "${SHIHU}", name: "吴重", category: CADRE, joinedOn: "2021-01-01", idNumber: "${taken}" }) { volunteer { id } } }`);
    expect(firstError(res)).toMatchObject({ code: 'RULE_VIOLATED', extensions: { rule: 'person.uniqueIdNumber' } });
    expect(firstError(res).message).not.toContain(taken);
  });

  it('a soft rule lets the write through with a warning, and ruleViolations lists it for the county', async () => {
    const res = await api.gql(`mutation { createActivity(input: { orgCode: "${SHIHU}", heldOn: "2021-06-01", theme: LECTURE, title: "暑期宣讲", participants: 3, youthReached: 200 }) { activity { id } warnings { rule severity text detail } } }`);
    expect(res.body.errors).toBeUndefined();
    const { id } = res.body.data.createActivity.activity;
    expect(res.body.data.createActivity.warnings).toEqual([{ rule: 'activity.youthReach', severity: 'SOFT', text: expect.stringContaining('十倍'), detail: '受教育青少年 200 人次,参加人数 3 人' }]);
    const listed = await api.gqlAs('jian-admin', `{ org(code: "220582") { ruleViolations(period: "2021") { rule severity recordId orgId } } }`);
    expect(listed.body.data.org.ruleViolations).toContainEqual(expect.objectContaining({ rule: 'activity.youthReach', recordId: id }));
    const other = await api.gqlAs('jian-admin', `{ org(code: "220582") { ruleViolations(period: "2020") { recordId } } }`);
    expect(other.body.data.org.ruleViolations.map((v: { recordId: string }) => v.recordId)).not.toContain(id);
  });
});
