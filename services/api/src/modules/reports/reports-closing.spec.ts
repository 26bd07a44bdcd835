import { firstError, startTestApi, startTestScheduler, TestApi } from '@ggw/testing';

/**
 * The end of the cycle over HTTP: frozen figures and APPROVED roll-ups, closing a county's year
 * and reopening it, the chain up to the city, on-time completeness, and the daily reminders.
 */
const TONGHUAXIAN = '220521';
const FIVE = 'orgCount volunteerCount coreVolunteerCount fiveGoodCount fiveGoodRate donationTotal activityCount';

type Row = { org: { code: string; level: string }; state: string };

describe('closing the reporting cycle', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
  });
  afterAll(() => api.close());

  const rollup = async (as: string, code: string, period: string, state: 'LIVE' | 'APPROVED', fields = FIVE) =>
    (await api.gqlAs(as, `{ org(code: "${code}") { rollup(period: "${period}", state: ${state}) { id ${fields} } } }`)).body.data.org.rollup;
  /** Rows where the kept APPROVED sums differ from the approved reports' frozen figures added up again: 0. */
  const approvedDrift = async () => (await api.db.dataSource.query(`
    WITH expected AS (
      SELECT a.tenant_id, a.id AS org_id, r.period, kv.key, sum(kv.value::numeric) AS v
        FROM report r JOIN org o ON o.tenant_id = r.tenant_id AND o.id = r.org_id JOIN org a ON a.path @> o.path
        CROSS JOIN LATERAL jsonb_each_text(r.frozen) kv
       WHERE r.status = 'APPROVED' GROUP BY 1, 2, 3, 4),
    actual AS (SELECT tenant_id, org_id, period, kv.key, kv.value::numeric AS v FROM approved_subtree, jsonb_each_text(sums) kv)
    SELECT count(*)::int AS n FROM expected e FULL JOIN actual x USING (tenant_id, org_id, period, key)
     WHERE coalesce(e.v, 0) <> coalesce(x.v, 0)`))[0].n as number;
  const act = (as: string, mutation: string, code: string, period: string, extra = '') =>
    api.gqlAs(as, `mutation { ${mutation}(orgCode: "${code}", period: "${period}"${extra}) { __typename } }`);

  it('gives 集安市 the same 2020 figures LIVE and APPROVED: every 2020 report is approved', async () => {
    const live = await rollup('jian-admin', '220582', '2020', 'LIVE');
    const approved = await rollup('jian-admin', '220582', '2020', 'APPROVED');
    expect({ ...approved, id: null }).toEqual({ ...live, id: null });
    expect(approved).toMatchObject({ orgCount: 218, fiveGoodCount: 176, volunteerCount: 2503, coreVolunteerCount: 802, donationTotal: '356000.00' });
    expect(approved.fiveGoodRate).toBeCloseTo(176 / 218, 12);
    // a client caches the two apart
    expect(approved.id).not.toBe(live.id);
  });

  it('freezes a village\'s own figures at submission: APPROVED sums them for approved reports only, whatever is entered later', async () => {
    // a 台上镇 village that has not started its 2021 report
    const board = (await api.gqlAs('taishang-admin', `{ org(code: "220582101") { reportBoard(period: "2021") { org { code level } state } } }`)).body.data.org.reportBoard as Row[];
    const village = board.find((r) => r.org.level === 'VILLAGE' && r.state === 'NOT_STARTED')!.org.code;
    const volunteer = (day: string) => api.gqlAs('jian-admin', `mutation { createVolunteer(input: { orgCode: "${village}", name: "冻结测试", category: TEACHER, joinedOn: "${day}" }) { volunteer { id } } }`);
    expect((await volunteer('2021-03-01')).body.errors).toBeUndefined();
    const own = await rollup('jian-admin', village, '2021', 'LIVE');
    const countyBefore = await rollup('jian-admin', '220582', '2021', 'APPROVED');

    expect((await act('jian-admin', 'submitReport', village, '2021', ', forceWithReason: "核对无误"')).body.errors).toBeUndefined();
    expect((await act('taishang-admin', 'approveReport', village, '2021')).body.errors).toBeUndefined();
    const approvedOwn = await rollup('jian-admin', village, '2021', 'APPROVED');
    expect({ ...approvedOwn, id: null }).toEqual({ ...own, id: null });
    const countyAfter = await rollup('jian-admin', '220582', '2021', 'APPROVED');
    expect(countyAfter.volunteerCount - countyBefore.volunteerCount).toBe(own.volunteerCount);
    expect(countyAfter.orgCount - countyBefore.orgCount).toBe(1);

    // reopened, corrected and approved again: APPROVED follows the approvals, LIVE the records
    expect((await act('taishang-admin', 'reopenReport', village, '2021', ', reason: "补录一名志愿者"')).body.errors).toBeUndefined();
    expect((await rollup('jian-admin', '220582', '2021', 'APPROVED')).volunteerCount).toBe(countyBefore.volunteerCount);
    expect((await volunteer('2021-04-01')).body.errors).toBeUndefined();
    expect((await rollup('jian-admin', village, '2021', 'LIVE')).volunteerCount).toBe(own.volunteerCount + 1);
    expect((await rollup('jian-admin', village, '2021', 'APPROVED')).volunteerCount).toBe(0);
    expect((await act('jian-admin', 'submitReport', village, '2021', ', forceWithReason: "已补录"')).body.errors).toBeUndefined();
    expect((await act('taishang-admin', 'approveReport', village, '2021')).body.errors).toBeUndefined();
    expect((await rollup('jian-admin', '220582', '2021', 'APPROVED')).volunteerCount).toBe(countyBefore.volunteerCount + own.volunteerCount + 1);

    // the county's APPROVED figure is the approved reports' own figures added up, as stored
    const [{ sum, n }] = await api.db.dataSource.query(
      `SELECT sum((r.frozen ->> 'volunteerCount')::int)::int AS sum, count(*)::int AS n FROM report r JOIN org o ON o.id = r.org_id
        WHERE r.period = '2021' AND r.status = 'APPROVED' AND o.path <@ '220000.220500.220582'`);
    expect(await rollup('jian-admin', '220582', '2021', 'APPROVED', 'volunteerCount orgCount reportSubmittedCount')).toMatchObject({ volunteerCount: sum, orgCount: n, reportSubmittedCount: n });
    expect(await approvedDrift()).toBe(0);
  });

  it('counts completeness from the cycle: on time by the first submission, late after the calendar\'s deadline', async () => {
    const f = await rollup('jian-admin', '220582', '2020', 'LIVE', 'orgCount reportSubmittedCount reportOnTimeCount reportLateCount reportCompleteness reportOnTimeRate');
    expect(f).toMatchObject({ orgCount: 218, reportSubmittedCount: 218, reportOnTimeCount: 214, reportLateCount: 4, reportCompleteness: 1 });
    expect(f.reportOnTimeRate).toBeCloseTo(214 / 218, 12);
    // the calendar is data: a county admin moves the villages' deadline to 10 December, and the four are on time
    const set = await api.gqlAs('jian-admin', `mutation { setReportDeadline(orgCode: "220582", periodKind: YEAR, level: VILLAGE, dueOffsetDays: -22) { periodKind level dueOffsetDays } }`);
    expect(set.body.data.setReportDeadline).toContainEqual({ periodKind: 'YEAR', level: 'VILLAGE', dueOffsetDays: -22 });
    expect(await rollup('jian-admin', '220582', '2020', 'LIVE', 'reportOnTimeCount reportLateCount')).toMatchObject({ reportOnTimeCount: 218, reportLateCount: 0 });
    expect((await api.gqlAs('jian-admin', `{ org(code: "220582") { overdueReports(period: "2020") { org { code } } } }`)).body.data.org.overdueReports).toEqual([]);
    // only a county's admins set it, at the county
    expect(firstError(await api.gqlAs('taishang-admin', `mutation { setReportDeadline(orgCode: "220582101", periodKind: YEAR, level: VILLAGE, dueOffsetDays: -5) { level } }`)).code).toBe('FORBIDDEN');
    expect(firstError(await api.gqlAs('shihu-editor', `mutation { setReportDeadline(orgCode: "220582", periodKind: YEAR, level: VILLAGE, dueOffsetDays: -5) { level } }`)).code).toBe('NOT_FOUND');
    expect(firstError(await api.gqlAs('jian-admin', `mutation { setReportDeadline(orgCode: "220582", periodKind: YEAR, level: VILLAGE, dueOffsetDays: 400) { level } }`)).code).toBe('BAD_USER_INPUT');
    await api.gqlAs('jian-admin', `mutation { setReportDeadline(orgCode: "220582", periodKind: YEAR, level: VILLAGE, dueOffsetDays: -31) { level } }`);
  });

  it('closes 通化县\'s 2020 once every report below is approved, holds it until reopened, and runs the chain up to the city', async () => {
    const as = 'tonghuaxian-admin';
    const board = async () => (await api.gqlAs(as, `{ org(code: "${TONGHUAXIAN}") { reportBoard(period: "2020") { org { code level } state } } }`)).body.data.org.reportBoard as Row[];
    const refused = await act(as, 'closePeriod', TONGHUAXIAN, '2020');
    expect(firstError(refused)).toMatchObject({ code: 'INVALID_STATE', extensions: { waitingFor: expect.any(Array) } });

    // villages first, then townships: submit what is not, approve everything (the county admin decides both levels)
    for (const level of ['VILLAGE', 'TOWNSHIP']) {
      for (const r of (await board()).filter((x) => x.org.level === level)) {
        if (r.state !== 'SUBMITTED' && r.state !== 'APPROVED') expect((await act(as, 'submitReport', r.org.code, '2020', ', forceWithReason: "年终补报"')).body.errors).toBeUndefined();
        if (r.state !== 'APPROVED') expect((await act(as, 'approveReport', r.org.code, '2020')).body.errors).toBeUndefined();
      }
    }
    expect(firstError(await act('tonghua-viewer', 'closePeriod', TONGHUAXIAN, '2020')).code).toBe('FORBIDDEN');
    expect(firstError(await act(as, 'closePeriod', '220521101', '2020')).code).toBe('FORBIDDEN'); // a township does not close
    const closed = await api.gqlAs(as, `mutation { closePeriod(orgCode: "${TONGHUAXIAN}", period: "2020") { period closedByName reopenedAt } }`);
    expect(closed.body.data.closePeriod).toEqual({ period: '2020', closedByName: '通化县关工委管理员', reopenedAt: null });
    expect(firstError(await act(as, 'closePeriod', TONGHUAXIAN, '2020')).code).toBe('CONFLICT');
    const village = (await board()).find((r) => r.org.level === 'VILLAGE')!.org.code;
    expect((await api.gqlAs('tonghua-viewer', `{ org(code: "${village}") { periodClosure(period: "2020") { closedByName } } }`)).body.data.org.periodClosure).toEqual({ closedByName: '通化县关工委管理员' });

    // closed: the county's own records are read-only too (its own report is still open), in the API and the database
    const donation = () => api.gqlAs(as, `mutation { createDonation(input: { orgCode: "${TONGHUAXIAN}", receivedOn: "2020-06-01", donorKind: ENTERPRISE, donorName: "结账测试", form: MONEY, amountYuan: "1.00" }) { donation { id } } }`);
    expect(firstError(await donation())).toMatchObject({ code: 'REPORT_LOCKED', extensions: { status: 'CLOSED', period: '2020' } });
    // and no report below can be reopened before the period is
    expect(firstError(await act(as, 'reopenReport', village, '2020', ', reason: "发现错报"'))).toMatchObject({ code: 'INVALID_STATE', extensions: { allowed: ['reopenPeriod'] } });

    // up the chain: the county reports to the city, whose admin approves it
    const own = (await api.gqlAs(as, `{ org(code: "${TONGHUAXIAN}") { report(period: "2020") { status } } }`)).body.data.org.report;
    if (own?.status !== 'SUBMITTED' && own?.status !== 'APPROVED') expect((await act(as, 'submitReport', TONGHUAXIAN, '2020', ', forceWithReason: "全县汇总"')).body.errors).toBeUndefined();
    expect(firstError(await act(as, 'approveReport', TONGHUAXIAN, '2020')).code).toBe('FORBIDDEN'); // never one's own
    if (own?.status !== 'APPROVED') expect((await act('tonghua-admin', 'approveReport', TONGHUAXIAN, '2020')).body.errors).toBeUndefined();
    const city = (await api.gqlAs('tonghua-admin', `{ org(code: "220500") { reportBoard(period: "2020") { org { code } state } } }`)).body.data.org.reportBoard as Row[];
    expect(city.find((r) => r.org.code === TONGHUAXIAN)?.state).toBe('APPROVED');
    expect(city.find((r) => r.org.code === '220582')?.state).toBe('APPROVED');
    expect(city.length).toBeGreaterThan(200); // both counties' every org, across the tenants
    // all approved: the county's APPROVED figures are its LIVE ones
    const live = await rollup('tonghua-admin', TONGHUAXIAN, '2020', 'LIVE');
    const approved = await rollup('tonghua-admin', TONGHUAXIAN, '2020', 'APPROVED');
    expect({ ...approved, id: null }).toEqual({ ...live, id: null });

    // back down the chain with reasons: the period, then the county's report (by the city), then a township's, then the village's
    expect(firstError(await act(as, 'reopenPeriod', TONGHUAXIAN, '2020', ', reason: "x"')).code).toBe('BAD_USER_INPUT');
    const reopened = await api.gqlAs(as, `mutation { reopenPeriod(orgCode: "${TONGHUAXIAN}", period: "2020", reason: "村报发现错报") { reopenedByName reopenReason } }`);
    expect(reopened.body.data.reopenPeriod).toEqual({ reopenedByName: '通化县关工委管理员', reopenReason: '村报发现错报' });
    expect(firstError(await act(as, 'reopenPeriod', TONGHUAXIAN, '2020', ', reason: "再开一次"')).code).toBe('INVALID_STATE');
    const township = village.slice(0, 9);
    expect(firstError(await act(as, 'reopenReport', township, '2020', ', reason: "村报错报"')).code).toBe('INVALID_STATE'); // the city approved the county
    expect((await act('tonghua-admin', 'reopenReport', TONGHUAXIAN, '2020', ', reason: "村报错报"')).body.errors).toBeUndefined();
    expect((await act(as, 'reopenReport', township, '2020', ', reason: "村报错报"')).body.errors).toBeUndefined();
    expect((await act(as, 'reopenReport', village, '2020', ', reason: "村报错报"')).body.errors).toBeUndefined();
    const after = await rollup('tonghua-admin', TONGHUAXIAN, '2020', 'APPROVED', 'orgCount');
    expect(after.orgCount).toBe(live.orgCount - 3);
    const history = (await api.gqlAs(as, `{ org(code: "${TONGHUAXIAN}") { periodClosures(period: "2020") { closedByName reopenedByName reopenReason } } }`)).body.data.org.periodClosures;
    expect(history).toEqual([{ closedByName: '通化县关工委管理员', reopenedByName: '通化县关工委管理员', reopenReason: '村报发现错报' }]);
    // the audit trail has the closing and the reopening
    const trail = await api.db.dataSource.query(`SELECT operation, after ->> 'reopen_reason' AS reason FROM audit_event WHERE record_kind = 'period_close' ORDER BY id`);
    expect(trail).toEqual([{ operation: 'INSERT', reason: null }, { operation: 'UPDATE', reason: '村报发现错报' }]);
    expect(await approvedDrift()).toBe(0);
  });

  it('reminds the editors and admins of each overdue org once a day, in their own inbox only', async () => {
    const scheduler = await startTestScheduler(api.db);
    try {
      const unread = async (as: string) => (await api.gqlAs(as, `{ unreadNotificationCount }`)).body.data.unreadNotificationCount as number;
      await scheduler.remindNow();
      for (let i = 0; i < 100 && (await unread('shihu-editor')) === 0; i++) await new Promise((r) => setTimeout(r, 100));
      // 石湖村 has not submitted 2021 (due 1 December 2021)
      const inbox = (await api.gqlAs('shihu-editor', `{ notifications { id kind period title body readAt org { code } } }`)).body.data.notifications;
      expect(inbox).toEqual([expect.objectContaining({ kind: 'REPORT_OVERDUE', period: '2021', readAt: null, org: { code: '220582106201' } })]);
      expect(inbox[0].title).toBe('催报:石湖村 2021 报表已逾期');
      expect(inbox[0].body).toContain('应于 2021-12-01(北京时间)前上报');
      // the county's admin is reminded of the county's own report, not the villages'
      const county = (await api.gqlAs('jian-admin', `{ notifications(first: 100) { org { code } } }`)).body.data.notifications;
      expect(county.map((n: { org: { code: string } }) => n.org.code)).toEqual(['220582']);

      // once a day: a second run the same day sends nothing
      const [{ n: sent }] = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM notification`);
      await scheduler.remindNow();
      await new Promise((r) => setTimeout(r, 1500));
      expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM notification`))[0].n).toBe(sent);

      // read: one's own only; someone else's id changes nothing
      expect((await api.gqlAs('jian-admin', `mutation { markNotificationsRead(ids: ["${inbox[0].id}"]) }`)).body.data.markNotificationsRead).toEqual([]);
      expect((await api.gqlAs('shihu-editor', `mutation { markNotificationsRead(ids: ["${inbox[0].id}"]) }`)).body.data.markNotificationsRead).toEqual([inbox[0].id]);
      expect(await unread('shihu-editor')).toBe(0);
      expect((await api.gqlAs('shihu-editor', `{ notifications(unreadOnly: true) { id } }`)).body.data.notifications).toEqual([]);
      expect(firstError(await api.gqlAs('shihu-editor', `mutation { markNotificationsRead(ids: ["x"]) }`)).code).toBe('BAD_USER_INPUT');
      // the database keeps the inbox private, whatever the query
      const app = await api.db.appDataSource();
      const [{ id: jianAdmin }] = await api.db.dataSource.query(`SELECT id FROM app_user WHERE username = 'jian-admin'`);
      const seen = await app.transaction(async (m) => {
        await m.query(`SELECT set_config('ggw.actor', $1, true)`, [jianAdmin]);
        return m.query(`SELECT DISTINCT user_id FROM notification`);
      });
      expect(seen).toEqual([{ user_id: jianAdmin }]);
      await expect(app.query(`INSERT INTO notification (tenant_id, user_id, org_id, kind, period, day, title, body) SELECT tenant_id, $1, id, 'REPORT_OVERDUE', '2021', current_date, 'x', 'x' FROM org LIMIT 1`,
        [inbox[0].id])).rejects.toThrow();
    } finally {
      await scheduler.close();
    }
  });
});
