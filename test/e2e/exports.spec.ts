import { createHash } from 'node:crypto';
import { createDataSource } from '@ggw/db';
import { stableId } from '@ggw/domain';
import { fullWidthPunctuation, TABLE_METRICS } from '@ggw/exports';
import { Metric, METRICS } from '@ggw/rollup';
import { startTestApi, startTestScheduler, TestApi, TestScheduler } from '@ggw/testing';
import { docxParagraphs, download, EXPORT_FIELDS, exportsOf, numberFormats, readWorkbook, waitUntil } from './export-files';

const JIAN = '220582';
const TAISHANG = '220582101';
const MONTHLY = stableId('export_schedule', JIAN, 'monthly');
const YEAR_END = stableId('export_schedule', JIAN, 'year-end');

/** A table figure's column header; money has a second column in 万元 (one decimal shown) before the exact 元. */
const unitHeader = (m: Metric) => `${m.label}(${m.unit === '比率' ? '%' : m.unit})`;
const TABLE_HEADER = TABLE_METRICS.flatMap((m) => (m.unit === '元' ? [`${m.label}(万元)`, unitHeader(m)] : [unitHeader(m)]));

/** Each table figure of a row, read from its column (and for money, its 万元 column, which must be the 元 ÷ 10000). */
function tableFigures(row: unknown[], first: number): Map<string, number | null> {
  const figures = new Map<string, number | null>();
  for (const m of TABLE_METRICS) {
    const value = (row[first + TABLE_HEADER.indexOf(unitHeader(m))] ?? null) as number | null;
    if (m.unit === '元') expect([m.key, row[first + TABLE_HEADER.indexOf(`${m.label}(万元)`)] ?? null]).toEqual([m.key, value === null ? null : value / 10000]);
    figures.set(m.key, value);
  }
  return figures;
}

/**
 * Exports end to end: the real API over HTTP and the real scheduler (pg-boss in the same
 * database) on one test database with the reference data. Files are downloaded over HTTP and
 * read back with exceljs (and as a zip for Word), and their figures compared with the
 * GraphQL roll-ups of the same org and period.
 */
describe('roll-up exports', () => {
  let api: TestApi;
  let scheduler: TestScheduler;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
    scheduler = await startTestScheduler(api.db);
  });
  afterAll(async () => {
    await scheduler.close();
    await api.close();
  });

  const owner = (sql: string, params: unknown[] = []) => api.db.dataSource.query(sql, params);
  const figuresOf = async (code: string, period: string) => {
    const res = await api.gql(`{ org(code: "${code}") { rollup(period: "${period}") { figures { key value previousValue change } } } }`);
    return new Map<string, { value: number | null; previousValue: number | null; change: number | null }>(
      res.body.data.org.rollup.figures.map((f: { key: string }) => [f.key, f]));
  };
  const done = async (user: string, org: string, id: string) =>
    (await waitUntil(() => exportsOf(api, user, org), (list) => ['DONE', 'FAILED'].includes(list.find((e) => e.id === id)?.status))).find((e) => e.id === id)!;

  it('fires a due schedule: the workbook is made, downloaded over HTTP, and every figure in it equals the GraphQL roll-up', async () => {
    // the monthly run due on 1 January 2021, 02:00 Beijing time, covers the year 2020
    await owner(`UPDATE export_schedule SET next_run_at = '2021-01-01T02:00:00+08:00' WHERE id = $1`, [MONTHLY]);
    await scheduler.tickNow();
    const [job] = await waitUntil(() => exportsOf(api, 'jian-admin', JIAN), (list) => list.some((e) => e.scheduled && e.status === 'DONE'));
    expect(job).toMatchObject({ period: '2020', format: 'XLSX', status: 'DONE', progress: 100, scheduled: true, error: null, attempts: 1 });
    const [schedule] = await owner(`SELECT last_run_at, next_run_at > now() AS moved FROM export_schedule WHERE id = $1`, [MONTHLY]);
    expect(schedule).toEqual({ last_run_at: new Date('2021-01-01T02:00:00+08:00'), moved: true });

    const file = await download(api, job.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    expect(file.headers.get('etag')).toBe(`"${job.sha256}"`);
    expect(file.body.length).toBe(job.sizeBytes);
    expect(createHash('sha256').update(file.body).digest('hex')).toBe(job.sha256);
    const sheets = await readWorkbook(file.body);
    expect([...sheets.keys()]).toEqual(['汇总', '下级单位', '村社区', '说明']);

    // 汇总: every figure of the catalogue, last year, and the change
    const county = await figuresOf(JIAN, '2020');
    const summary = sheets.get('汇总')!;
    expect(summary[2]).toEqual(['指标', '单位', '2020年', '2020年(万元)', '上年同期(2019年)', '比上年', '变化单位', '指标代码']);
    const summaryRows = summary.slice(3);
    expect(summaryRows.map((r) => r[7])).toEqual(METRICS.map((m) => m.key));
    for (const [label, unit, value, wan, previous, change, , key] of summaryRows) {
      const f = county.get(key as string)!;
      // money also in 万元, beside the exact 元
      const inWan = unit === '元' && f.value !== null ? f.value / 10000 : null;
      expect({ key, label, value: value ?? null, wan: wan ?? null, previous: previous ?? null, change: change ?? null })
        .toEqual({ key, label: METRICS.find((m) => m.key === key)!.label, value: f.value, wan: inWan, previous: f.previousValue, change: f.change });
    }
    expect(summaryRows.find((r) => r[7] === 'orgCount')![2]).toBe(218);
    const rateRow = summaryRows.findIndex((r) => r[7] === 'fiveGoodRate') + 4;
    expect((await numberFormats(file.body, '汇总', rateRow)).slice(2, 6)).toEqual(['0.0%', '', '0.0%', '+0.0;-0.0;0.0']);
    const moneyRow = summaryRows.findIndex((r) => r[7] === 'donationTotal') + 4;
    expect((await numberFormats(file.body, '汇总', moneyRow)).slice(2, 6)).toEqual(['#,##0.00', '#,##0.0', '#,##0.00', '+#,##0.00;-#,##0.00;0.00']);

    // 下级单位: the county's total, then each township and department side by side
    const children = sheets.get('下级单位')!;
    expect(children[1]).toEqual(['代码', '名称', '类型', ...TABLE_HEADER]);
    const table = await api.gql(`{ org(code: "${JIAN}") { childRollups(period: "2020") { rows { org { code } figures { key value } } } } }`);
    const childFigures = new Map<string, Map<string, number | null>>(table.body.data.org.childRollups.rows.map((r: any) => [r.org.code, new Map(r.figures.map((f: any) => [f.key, f.value]))]));
    childFigures.set(JIAN, new Map([...county].map(([k, f]) => [k, f.value])));
    expect(children.slice(2).map((r) => r[0])).toEqual([JIAN, ...table.body.data.org.childRollups.rows.map((r: any) => r.org.code)]);
    for (const row of children.slice(2)) {
      const figures = tableFigures(row, 3);
      TABLE_METRICS.forEach((m) => expect([row[0], m.key, figures.get(m.key)]).toEqual([row[0], m.key, childFigures.get(row[0] as string)!.get(m.key)]));
    }

    // 村社区: every village of the county, paged through GraphQL to compare
    const villages = sheets.get('村社区')!.slice(2);
    const expected = new Map<string, Map<string, number | null>>();
    let after: string | null = null;
    do {
      const res: any = await api.gql(`query($a: String) { org(code: "${JIAN}") { descendantRollups(period: "2020", level: VILLAGE, first: 100, after: $a) {
        nodes { org { code } figures { key value } } pageInfo { hasNextPage endCursor } } } }`, { a: after });
      const page = res.body.data.org.descendantRollups;
      for (const n of page.nodes) expected.set(n.org.code, new Map(n.figures.map((f: any) => [f.key, f.value])));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(villages.map((r) => r[0])).toEqual([...expected.keys()]);
    for (const row of villages) {
      const figures = tableFigures(row, 4);
      TABLE_METRICS.forEach((m) => expect([row[0], m.key, figures.get(m.key)]).toEqual([row[0], m.key, expected.get(row[0] as string)!.get(m.key)]));
    }
    expect(villages.find((r) => r[0] === '220582106201')![3]).toBe('青石镇');

    // 说明: each figure's definition from the catalogue
    expect(sheets.get('说明')!.slice(3).map((r) => [r[0], r[3]])).toEqual(METRICS.map((m) => [m.key, m.definition]));
  });

  it('makes the year-end summary as a Word document holding the summary text', async () => {
    await owner(`UPDATE export_schedule SET next_run_at = '2021-01-01T03:00:00+08:00' WHERE id = $1`, [YEAR_END]);
    await scheduler.tickNow();
    const list = await waitUntil(() => exportsOf(api, 'jian-admin', JIAN), (l) => l.filter((e) => e.scheduled && e.status === 'DONE').length >= 3);
    const docx = list.find((e) => e.format === 'DOCX')!;
    expect(docx).toMatchObject({ period: '2020', fileName: '集安市_2020_工作总结.docx' });
    const file = await download(api, docx.downloadUrl);
    expect(file.headers.get('content-type')).toContain('wordprocessingml');
    const paragraphs = await docxParagraphs(file.body);
    const summary: string = (await api.gql(`{ org(code: "${JIAN}") { summary(period: "2020") } }`)).body.data.org.summary;
    // printed Chinese: full-width punctuation (the summary text is written with ASCII), then the 落款
    expect(paragraphs[0]).toBe('集安市关工委2020年工作总结（数据部分）');
    expect(paragraphs.slice(2, -2)).toEqual(summary.split('\n').map(fullWidthPunctuation));
    expect(paragraphs.join('')).toContain('全市关工委组织218个，其中达到“五好”标准的176个，占总数的80.7%，比上年提高8个百分点');
    expect(paragraphs.slice(-2)).toEqual(['集安市关心下一代工作委员会', expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/)]);
    // what the county publishes for the year is what each level approved, and the files say so
    expect(paragraphs[1]).toContain('口径：审核数');
    const workbook = list.find((e) => e.format === 'XLSX' && e.figureState === 'APPROVED')!;
    const sheets = await readWorkbook((await download(api, workbook.downloadUrl)).body);
    expect(String(sheets.get('汇总')![1][0])).toContain('口径:审核数');
    expect(String(sheets.get('说明')![1][0])).toContain('只计已审核的报表');
  });

  it('exports the APPROVED figures on request: 2021, in progress, counts only what has been approved', async () => {
    const res = await api.gql(`mutation { requestExport(orgCode: "${JIAN}", period: "2021", format: XLSX, figureState: APPROVED) { id figureState } }`);
    expect(res.body.data.requestExport.figureState).toBe('APPROVED');
    const job = await done('jian-admin', JIAN, res.body.data.requestExport.id);
    const rows = (await readWorkbook((await download(api, job.downloadUrl)).body)).get('汇总')!.slice(3);
    const approved = (await api.gql(`{ org(code: "${JIAN}") { rollup(period: "2021", state: APPROVED) { figures { key value } } live: rollup(period: "2021") { orgCount } } }`)).body.data.org;
    const want = new Map<string, number | null>(approved.rollup.figures.map((f: { key: string; value: number | null }) => [f.key, f.value]));
    for (const r of rows) expect([r[7], r[2] ?? null]).toEqual([r[7], want.get(r[7] as string)]);
    const orgCount = rows.find((r) => r[7] === 'orgCount')![2] as number;
    expect(orgCount).toBeGreaterThan(0);
    expect(orgCount).toBeLessThan(approved.live.orgCount);
  });

  it('lets an admin export its subtree now as CSV (UTF-8 with BOM), watch it to DONE, and download it with its token', async () => {
    const res = await api.gqlAs('taishang-admin', `mutation { requestExport(orgCode: "${TAISHANG}", period: "2020", format: CSV) { id status progress scheduled } }`);
    expect(res.body.data.requestExport).toMatchObject({ status: 'QUEUED', progress: 0, scheduled: false });
    const job = await done('taishang-admin', TAISHANG, res.body.data.requestExport.id);
    expect(job).toMatchObject({ status: 'DONE', fileName: '台上镇_2020_关工委汇总.csv' });
    const file = await download(api, `/exports/${job.id}/file`, { authorization: `Bearer ${await api.login('taishang-admin')}` });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.body.toString('utf8').slice(1).trim().split('\r\n').map((l) => l.split(','));
    const [{ n }] = await owner(`SELECT count(*)::int AS n FROM org WHERE path <@ (SELECT path FROM org WHERE code = $1)`, [TAISHANG]);
    expect(lines.length).toBe(1 + n);
    const township = await figuresOf(TAISHANG, '2020');
    const [, code, name, , ...values] = lines[1];
    expect([code, name]).toEqual([TAISHANG, '台上镇']);
    TABLE_METRICS.forEach((m, i) => {
      const v = township.get(m.key)!.value;
      expect([m.key, values[i]]).toEqual([m.key, v === null ? '' : m.unit === '比率' ? `${(v * 100).toFixed(1)}%` : String(v)]);
    });
    // counts only: not one volunteer's or beneficiary's name is in the file
    const names: Array<{ name: string }> = await owner(`SELECT v.name FROM volunteer v JOIN org o ON o.id = v.org_id WHERE o.path <@ (SELECT path FROM org WHERE code = $1)
      UNION SELECT b.name FROM beneficiary b JOIN org o ON o.id = b.org_id WHERE o.path <@ (SELECT path FROM org WHERE code = $1)`, [TAISHANG]);
    expect(names.length).toBeGreaterThan(10);
    const text = file.body.toString('utf8');
    expect(names.filter(({ name }) => text.includes(name))).toEqual([]);
    // a repeated download may use the checksum
    const again = await download(api, job.downloadUrl, { 'if-none-match': `"${job.sha256}"` });
    expect(again.status).toBe(304);
  });

  it('returns the existing job for the same request within a minute, or for the same idempotency key', async () => {
    const ask = (key?: string, org = TAISHANG) => api.gqlAs('taishang-admin',
      `mutation($k: String, $o: String!) { requestExport(orgCode: $o, period: "2019", format: XLSX, idempotencyKey: $k) { id } }`, { k: key ?? null, o: org });
    const [a, b] = await Promise.all([ask(), ask()]);
    expect(a.body.data.requestExport.id).toBe(b.body.data.requestExport.id);
    const keyed = await ask('report-2019');
    expect(keyed.body.data.requestExport.id).not.toBe(a.body.data.requestExport.id);
    expect((await ask('report-2019')).body.data.requestExport.id).toBe(keyed.body.data.requestExport.id);
    const misuse = await ask('report-2019', '220582101201');
    expect(misuse.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    const [{ n }] = await owner(`SELECT count(*)::int AS n FROM export_job WHERE period = '2019' AND requested_by = $1`, [stableId('user', 'taishang-admin')]);
    expect(n).toBe(2);
  });

  it("lets nobody export, list or download another subtree's files, and only admins export", async () => {
    const county = await waitUntil(() => exportsOf(api, 'jian-admin', JIAN), (l) => l.some((e) => e.status === 'DONE'));
    const countyFile = county.find((e) => e.status === 'DONE')!;
    const taishangToken = await api.login('taishang-admin');
    // a township admin: the county is not there for it
    const request = await api.gqlAs('taishang-admin', `mutation { requestExport(orgCode: "${JIAN}", period: "2020", format: XLSX) { id } }`);
    expect(request.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const list = await api.gqlAs('taishang-admin', `{ exports(orgCode: "${JIAN}") { nodes { id } } }`);
    expect(list.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await download(api, `/exports/${countyFile.id}/file`, { authorization: `Bearer ${taishangToken}` })).status).toBe(404);
    // the county admin's signed link opens that one file only
    const otherId = (await exportsOf(api, 'jian-admin', TAISHANG)).find((e) => e.status === 'DONE')!.id;
    const token = new URL(countyFile.downloadUrl, api.url).searchParams.get('token');
    expect((await download(api, `/exports/${otherId}/file?token=${token}`)).status).toBe(401);
    expect((await download(api, `/exports/${countyFile.id}/file`)).status).toBe(401);
    // a viewer and an editor may not export; the viewer may list and download
    for (const [user, org] of [['tonghua-viewer', JIAN], ['shihu-editor', '220582106201']]) {
      const res = await api.gqlAs(user, `mutation { requestExport(orgCode: "${org}", period: "2020", format: CSV) { id } }`);
      expect([user, res.body.errors?.[0].extensions?.code]).toEqual([user, 'FORBIDDEN']);
    }
    const viewerList = await exportsOf(api, 'tonghua-viewer', JIAN);
    expect(viewerList.map((e) => e.id)).toContain(countyFile.id);
    expect((await download(api, viewerList.find((e) => e.id === countyFile.id)!.downloadUrl)).status).toBe(200);
    // another county's admin sees nothing of 集安市
    const other = await api.gqlAs('tonghuaxian-admin', `{ exports(orgCode: "${JIAN}") { nodes { id } } }`);
    expect(other.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lets admins manage schedules: create (with clear errors), list, pause, resume and delete', async () => {
    const create = (input: string, user = 'jian-admin') => api.gqlAs(user, `mutation { createExportSchedule(input: { ${input} }) { id cron timeZone periodRule formats paused nextRunAt createdByName org { code } } }`);
    const bad = await create(`orgCode: "${JIAN}", cron: "0 2 1 *", periodRule: PREVIOUS_MONTH, formats: [CSV]`);
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cron' });
    expect(bad.body.errors?.[0].message).toContain('0 2 1 * *');
    const zone = await create(`orgCode: "${JIAN}", cron: "0 2 1 * *", timeZone: "Beijing", periodRule: PREVIOUS_MONTH, formats: [CSV]`);
    expect(zone.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect((await create(`orgCode: "${JIAN}", cron: "0 2 1 * *", periodRule: PREVIOUS_MONTH, formats: [CSV]`, 'tonghua-viewer')).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const made = await create(`orgCode: "${JIAN}", cron: "30 6 * * 1", periodRule: PREVIOUS_MONTH, formats: [CSV, CSV, XLSX]`);
    const s = made.body.data.createExportSchedule;
    expect(s).toMatchObject({ cron: '30 6 * * 1', timeZone: 'Asia/Shanghai', periodRule: 'PREVIOUS_MONTH', formats: ['CSV', 'XLSX'], paused: false, createdByName: '集安市关工委管理员', org: { code: JIAN } });
    // every Monday at 06:30 in Beijing is 22:30 UTC on Sunday
    expect(new Date(s.nextRunAt).getUTCDay()).toBe(0);
    expect(new Date(s.nextRunAt).getUTCHours()).toBe(22);

    const listed = await api.gql(`{ exportSchedules(orgCode: "${JIAN}") { id cron } }`);
    expect(listed.body.data.exportSchedules.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([MONTHLY, YEAR_END, s.id]));
    expect((await api.gqlAs('taishang-admin', `{ exportSchedules(orgCode: "${JIAN}") { id } }`)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await api.gqlAs('tonghua-viewer', `{ exportSchedules(orgCode: "${JIAN}") { id } }`)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const pause = (id: string, paused: boolean, user = 'jian-admin') => api.gqlAs(user, `mutation { pauseExportSchedule(id: "${id}", paused: ${paused}) { paused nextRunAt } }`);
    expect((await pause(s.id, true)).body.data.pauseExportSchedule.paused).toBe(true);
    expect((await pause(s.id, true, 'taishang-admin')).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const resumed = (await pause(s.id, false)).body.data.pauseExportSchedule;
    expect(resumed.paused).toBe(false);
    expect(new Date(resumed.nextRunAt).getTime()).toBeGreaterThan(Date.now());
    expect((await api.gqlAs('taishang-admin', `mutation { deleteExportSchedule(id: "${s.id}") }`)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await api.gql(`mutation { deleteExportSchedule(id: "${s.id}") }`)).body.data.deleteExportSchedule).toBe(true);
    expect((await api.gql(`mutation { deleteExportSchedule(id: "${s.id}") }`)).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('ends a job that keeps failing FAILED with its error, visible in exports', async () => {
    // an admin of 台上镇 asks, then loses the role before the export runs: every attempt fails
    const userId = stableId('user', 'temp-admin');
    await owner(`INSERT INTO app_user (id, username, password_hash, display_name) SELECT $1, 'temp-admin', password_hash, '临时管理员' FROM app_user WHERE username = 'jian-admin'`, [userId]);
    await owner(`INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role) SELECT $1, tenant_id, id, 'ADMIN' FROM org WHERE code = $2`, [userId, TAISHANG]);
    await scheduler.close(); // nothing runs it until the role is gone
    const res = await api.gqlAs('temp-admin', `mutation { requestExport(orgCode: "${TAISHANG}", period: "2020Q2", format: XLSX) { id } }`);
    const id = res.body.data.requestExport.id;
    await owner(`DELETE FROM role_assignment WHERE user_id = $1`, [userId]);
    scheduler = await startTestScheduler(api.db);
    const job = await done('taishang-admin', TAISHANG, id);
    expect(job).toMatchObject({ status: 'FAILED', error: '导出任务不存在,或请求者已无权访问该组织', downloadUrl: null });
    expect(job.expiresAt).not.toBeNull();
    const [{ n }] = await owner(`SELECT count(*)::int AS n FROM export_file WHERE export_id = $1`, [id]);
    expect(n).toBe(0);
  });

  it("pauses a schedule whose creator is no longer an admin, saying why", async () => {
    await owner(`UPDATE export_schedule SET next_run_at = now() - interval '1 minute', paused = false WHERE id = $1`, [MONTHLY]);
    await owner(`UPDATE role_assignment SET role = 'VIEWER' WHERE user_id = $1`, [stableId('user', 'jian-admin')]);
    try {
      await scheduler.tickNow();
      const [s] = await waitUntil(() => owner(`SELECT paused, last_error FROM export_schedule WHERE id = $1`, [MONTHLY]), ([row]) => row.paused);
      expect(s.last_error).toContain('已不是该组织的管理员');
    } finally {
      await owner(`UPDATE role_assignment SET role = 'ADMIN' WHERE user_id = $1`, [stableId('user', 'jian-admin')]);
    }
  });

  it('deletes exports and their files once past their retention', async () => {
    const before = await exportsOf(api, 'jian-admin', JIAN);
    const victim = before.find((e) => e.status === 'DONE')!;
    await owner(`UPDATE export_job SET expires_at = now() - interval '1 day' WHERE id = $1`, [victim.id]);
    // what the daily retention job runs, as the application role
    const app = createDataSource({ url: api.db.appUrl, poolSize: 1 });
    await app.initialize();
    const [{ deleted }] = await app.query(`SELECT ggw_delete_expired_exports() AS deleted`);
    await app.destroy();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect((await exportsOf(api, 'jian-admin', JIAN)).map((e) => e.id)).not.toContain(victim.id);
    const [{ n }] = await owner(`SELECT count(*)::int AS n FROM export_file WHERE export_id = $1`, [victim.id]);
    expect(n).toBe(0);
  });

  it('lists exports newest first with their fields, paginated', async () => {
    const res = await api.gql(`{ exports(orgCode: "${JIAN}", first: 1) { totalCount nodes { ${EXPORT_FIELDS} } pageInfo { hasNextPage endCursor } } }`);
    const page = res.body.data.exports;
    expect(page.totalCount).toBeGreaterThan(1);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await api.gql(`query($a: String) { exports(orgCode: "${JIAN}", first: 50, after: $a) { nodes { id createdAt } } }`, { a: page.pageInfo.endCursor });
    expect(next.body.data.exports.nodes.length).toBe(page.totalCount - 1);
    expect(next.body.data.exports.nodes.every((n: { createdAt: string }) => n.createdAt <= page.nodes[0].createdAt)).toBe(true);
  });
});
