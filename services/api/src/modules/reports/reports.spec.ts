import { firstError, startTestApi, TestApi } from '@ggw/testing';

/** The reporting cycle for 2021, village → township → county, over HTTP. */
const SHIHU = '220582106201';
const QINGSHI = '220582106';
const REPORT = 'id status submittedAt approvedAt returnReason forceReason history { from to reason forceReason actorName }';

describe('the reporting cycle', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'shihu-editor' });
  });
  afterAll(() => api.close());

  const submit = (as: string, code: string, force?: string) =>
    api.gqlAs(as, `mutation($f: String) { submitReport(orgCode: "${code}", period: "2021", forceWithReason: $f) { ${REPORT} } }`, { f: force ?? null });
  const decide = (as: string, action: 'approveReport' | 'returnReport' | 'reopenReport', code: string, reason?: string) =>
    api.gqlAs(as, `mutation { ${action}(orgCode: "${code}", period: "2021"${reason ? `, reason: "${reason}"` : ''}) { ${REPORT} } }`);

  it('submits (a soft warning needs a written explanation), returns with a reason, resubmits, approves and reopens, with the history of each', async () => {
    // a soft rule broken in 2021: the submission lists it and asks for an explanation
    await api.gql(`mutation { createActivity(input: { orgCode: "${SHIHU}", heldOn: "2021-06-01", theme: LECTURE, title: "宣讲", participants: 2, youthReached: 100 }) { activity { id } } }`);
    const warned = await submit('shihu-editor', SHIHU);
    expect(firstError(warned)).toMatchObject({ code: 'RULE_VIOLATED', extensions: { forceable: true, violations: [expect.objectContaining({ rule: 'activity.youthReach' })] } });
    const forced = await submit('shihu-editor', SHIHU, '暑期宣讲面向全校学生,人次属实');
    expect(forced.body.data.submitReport).toMatchObject({ status: 'SUBMITTED', forceReason: '暑期宣讲面向全校学生,人次属实' });

    // the editor cannot decide; an admin elsewhere does not even see it
    expect(firstError(await decide('shihu-editor', 'approveReport', SHIHU)).code).toBe('FORBIDDEN');
    expect(firstError(await decide('taishang-admin', 'approveReport', SHIHU)).code).toBe('NOT_FOUND');

    const returned = await decide('jian-admin', 'returnReport', SHIHU, '活动人次与台账不符');
    expect(returned.body.data.returnReport).toMatchObject({ status: 'RETURNED', returnReason: '活动人次与台账不符' });
    expect((await submit('shihu-editor', SHIHU, '已核对台账,人次无误')).body.data.submitReport.status).toBe('SUBMITTED');
    const approved = await decide('jian-admin', 'approveReport', SHIHU);
    expect(approved.body.data.approveReport.status).toBe('APPROVED');
    // a transition the state does not allow says what is allowed
    expect(firstError(await submit('shihu-editor', SHIHU, '再报一次'))).toMatchObject({ code: 'INVALID_STATE', extensions: { status: 'APPROVED', allowed: ['reopenReport'] } });

    // the township waits for all its villages
    expect((await submit('jian-admin', QINGSHI, '乡镇汇总说明')).body.errors).toBeUndefined();
    expect(firstError(await decide('jian-admin', 'approveReport', QINGSHI))).toMatchObject({ code: 'INVALID_STATE', extensions: { waitingFor: expect.any(Array) } });

    const reopened = await decide('jian-admin', 'reopenReport', SHIHU, '发现漏报一次活动');
    expect(reopened.body.data.reopenReport).toMatchObject({ status: 'RETURNED', returnReason: '发现漏报一次活动' });
    expect(reopened.body.data.reopenReport.history).toEqual([
      { from: null, to: 'SUBMITTED', reason: null, forceReason: '暑期宣讲面向全校学生,人次属实', actorName: '石湖村关工小组录入员' },
      { from: 'SUBMITTED', to: 'RETURNED', reason: '活动人次与台账不符', forceReason: null, actorName: '集安市关工委管理员' },
      { from: 'RETURNED', to: 'SUBMITTED', reason: null, forceReason: '已核对台账,人次无误', actorName: '石湖村关工小组录入员' },
      { from: 'SUBMITTED', to: 'APPROVED', reason: null, forceReason: null, actorName: '集安市关工委管理员' },
      { from: 'APPROVED', to: 'RETURNED', reason: '发现漏报一次活动', forceReason: null, actorName: '集安市关工委管理员' },
    ]);
  });

  it('locks the records of a submitted or approved period, in the API and in the database, until the report is returned', async () => {
    const village = '220582106203';
    const activity = (day: string) => api.gqlAs('jian-admin', `mutation { createActivity(input: { orgCode: "${village}", heldOn: "${day}", theme: LECTURE, title: "宣讲", participants: 20 }) { activity { id } } }`);
    const created = await activity('2021-03-01');
    const id = created.body.data.createActivity.activity.id;
    const later = (await activity('2022-01-05')).body.data.createActivity.activity.id;
    expect((await submit('jian-admin', village, '说明')).body.errors).toBeUndefined();
    const count = async () => (await api.db.dataSource.query(
      `SELECT count(*)::int AS n, max(held_on)::text AS last FROM activity WHERE org_id = (SELECT id FROM org WHERE code = $1)`, [village]))[0];
    const before = await count();
    expect(firstError(await activity('2021-05-01'))).toMatchObject({ code: 'REPORT_LOCKED', extensions: { period: '2021', status: 'SUBMITTED' } });
    expect(firstError(await api.gqlAs('jian-admin', `mutation { deleteActivity(id: "${id}", expectedVersion: 1, reason: "测试删除") { deletedId } }`)).code).toBe('REPORT_LOCKED');
    // moving a record into the locked period is a write to it too
    expect(firstError(await api.gqlAs('jian-admin', `mutation { updateActivity(id: "${later}", expectedVersion: 1, patch: { heldOn: "2021-12-31" }) { activity { id } } }`)).code).toBe('REPORT_LOCKED');
    expect(await count()).toEqual(before);
    // the database holds the application role to it, whatever the path
    const app = await api.db.appDataSource();
    const runner = app.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SELECT * FROM ggw_apply_scopes($1)`, [(await api.db.dataSource.query(`SELECT id FROM app_user WHERE username = 'jian-admin'`))[0].id]);
      await expect(runner.query(`UPDATE activity SET title = '改' WHERE id = $1`, [id])).rejects.toThrow(/read-only/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect((await decide('jian-admin', 'returnReport', village, '请补充活动')).body.errors).toBeUndefined();
    expect((await activity('2021-05-01')).body.errors).toBeUndefined();
  });

  it('holds the application role to the cycle in the database too: no skipped step, no approving one\'s own report, no deleting', async () => {
    const app = await api.db.appDataSource();
    const as = async (username: string, sql: string) => app.transaction(async (m) => {
      await m.query(`SELECT * FROM ggw_apply_scopes($1)`, [(await api.db.dataSource.query(`SELECT id FROM app_user WHERE username = $1`, [username]))[0].id]);
      return m.query(sql);
    });
    const county = `(SELECT id FROM org WHERE code = '220582')`;
    // the county's own 2019 report (approved): its admin may not decide it, nor anyone delete it
    await expect(as('jian-admin', `UPDATE report SET status = 'RETURNED', return_reason = 'x' WHERE org_id = ${county} AND period = '2019'`)).rejects.toThrow(/not a move of the cycle/);
    await expect(as('jian-admin', `DELETE FROM report WHERE org_id = ${county} AND period = '2019'`)).rejects.toThrow(/never deleted/);
    // an editor cannot approve, and nobody jumps from nothing to approved
    await expect(as('shihu-editor', `INSERT INTO report (tenant_id, id, org_id, period, status) SELECT tenant_id, gen_random_uuid(), id, '2018', 'APPROVED' FROM org WHERE code = '${SHIHU}'`)).rejects.toThrow(/not a move of the cycle/);
    // frozen figures change only with a submission
    await expect(as('jian-admin', `UPDATE report SET frozen = '{}' WHERE org_id = (SELECT id FROM org WHERE code = '220582101') AND period = '2020'`)).rejects.toThrow(/frozen figures/);
  });

  it('lets one of two approvers at once win; the other is told CONFLICT', async () => {
    const village = '220582106202';
    expect((await submit('jian-admin', village, '说明')).body.errors).toBeUndefined();
    const results = await Promise.all([decide('jian-admin', 'approveReport', village), decide('jian-admin', 'approveReport', village)]);
    const codes = results.map((r) => r.body.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
  });

  it('shows the township every org below it and where each report stands (未填报 included)', async () => {
    const board = await api.gqlAs('jian-admin', `{ org(code: "${QINGSHI}") { reportBoard(period: "2021") { org { code } state report { status } } } }`);
    const rows: Array<{ org: { code: string }; state: string }> = board.body.data.org.reportBoard;
    const children = await api.db.dataSource.query(`SELECT code FROM org WHERE path <@ (SELECT path FROM org WHERE code = $1) AND code <> $1 ORDER BY path`, [QINGSHI]);
    expect(rows.map((r) => r.org.code)).toEqual(children.map((c: { code: string }) => c.code));
    expect(rows.find((r) => r.org.code === SHIHU)?.state).toBe('RETURNED');
    expect(rows.find((r) => r.org.code === '220582106202')?.state).toBe('APPROVED');
    // 220582106203 was submitted and returned by the lock test
    expect(rows.find((r) => r.org.code === '220582106203')?.state).toBe('RETURNED');
    expect(rows.filter((r) => r.state === 'NOT_STARTED').length).toBe(rows.length - 3);
  });

  it('costs the same statements for the county board with five figures this year and last as for a township', async () => {
    const q = (code: string) => `{ org(code: "${code}") { reportBoard(period: "2020") { state report { submittedAt }
      org { name rollup(period: "2020") { orgCount volunteerCount fiveGoodRate activityCount donationTotal previousYear { orgCount volunteerCount fiveGoodRate activityCount donationTotal } } } } } }`;
    const county = await api.gqlAs('jian-admin', q('220582'));
    const township = await api.gqlAs('jian-admin', q('220582101'));
    expect(county.body.data.org.reportBoard).toHaveLength(217);
    expect(township.body.data.org.reportBoard.length).toBeLessThan(30);
    expect(county.statements).toBe(township.statements);
    expect(county.statements).toBe(3);
  });

  it('lists who missed the calendar: not submitted when the deadline passed, or submitted after it, by how many days', async () => {
    const calendar = await api.gqlAs('jian-admin', `{ org(code: "220582") { reportCalendar { periodKind level dueOffsetDays } } }`);
    expect(calendar.body.data.org.reportCalendar).toEqual([
      { periodKind: 'YEAR', level: 'VILLAGE', dueOffsetDays: -31 },
      { periodKind: 'YEAR', level: 'TOWNSHIP', dueOffsetDays: -22 },
      { periodKind: 'YEAR', level: 'COUNTY', dueOffsetDays: -12 },
    ]);
    const overdue = async (period: string) => (await api.gqlAs('jian-admin',
      `{ org(code: "220582") { overdueReports(period: "${period}") { org { code level } dueAt state submittedAt daysLate } } }`)).body.data.org.overdueReports as
      Array<{ org: { code: string; level: string }; dueAt: string; state: string; submittedAt: string | null; daysLate: number }>;
    // 2020: four villages handed in on 4 December, two days after their deadline (the end of 1 December, Beijing time)
    const late2020 = await overdue('2020');
    expect(late2020).toHaveLength(4);
    for (const r of late2020) expect(r).toMatchObject({ org: { level: 'VILLAGE' }, dueAt: '2020-12-01T16:00:00.000Z', state: 'APPROVED', submittedAt: '2020-12-04T01:00:00.000Z', daysLate: 2 });
    // 2021 (in progress): whoever has not submitted by now is late, by the days since the deadline; late submissions too
    const rows = await overdue('2021');
    const county = rows.find((r) => r.org.code === '220582')!;
    expect(county).toMatchObject({ dueAt: '2021-12-20T16:00:00.000Z', state: 'NOT_STARTED', submittedAt: null });
    expect(county.daysLate).toBeGreaterThan(365);
    // (青石镇's were submitted by the tests above, today)
    const reference = rows.filter((r) => !r.org.code.startsWith('220582106'));
    expect(reference.filter((r) => r.state === 'SUBMITTED' || r.state === 'APPROVED').every((r) => r.daysLate === 4 && r.submittedAt === '2021-12-06T01:00:00.000Z')).toBe(true);
    expect(reference.some((r) => r.state === 'SUBMITTED')).toBe(true);
    const [{ n }] = await api.db.dataSource.query(
      `SELECT count(*)::int AS n FROM org o LEFT JOIN report r ON r.org_id = o.id AND r.period = '2021'
        WHERE o.path <@ '220000.220500.220582' AND o.level IN ('VILLAGE', 'TOWNSHIP', 'COUNTY')
          AND (r.status IS NULL OR r.status NOT IN ('SUBMITTED', 'APPROVED') OR r.first_submitted_at > '2021-12-02T00:00:00+08:00')`);
    expect(rows).toHaveLength(n);
  });
});
