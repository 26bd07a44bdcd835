import ExcelJS from 'exceljs';
import { startTestApi, TestApi } from '@ggw/testing';

/**
 * Excel in, over HTTP, with real workbooks written by exceljs and read back: the template, a
 * dry run that points at each bad cell, an all-or-nothing import, a re-import that changes
 * nothing, and files refused as a whole.
 */
const TAISHANG = '220582101';
const HEADERS = ['组织代码', '姓名', '五老类别', '是否骨干', '加入日期', '手机号', '身份证号'];

async function workbook(rows: unknown[][], headers = HEADERS, tweak?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('五老志愿者');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  tweak?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importing from Excel', () => {
  let api: TestApi;
  let villages: string[];
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'taishang-admin' });
    // villages whose 2021 is still open (the reference data has some of 台上镇's submitted)
    villages = (await api.db.dataSource.query(`SELECT code FROM org o WHERE parent_id = (SELECT id FROM org WHERE code = $1) AND level = 'VILLAGE'
      AND NOT EXISTS (SELECT 1 FROM report r WHERE r.org_id = o.id AND r.period = '2021' AND r.status IN ('SUBMITTED', 'APPROVED')) ORDER BY code LIMIT 3`, [TAISHANG]))
      .map((r: { code: string }) => r.code);
  });
  afterAll(() => api.close());

  const upload = async (file: Buffer, opts: { kind?: string; dryRun?: boolean; as?: string | null; name?: string; org?: string } = {}) => {
    const form = new FormData();
    form.append('file', new Blob([file]), opts.name ?? '志愿者.xlsx');
    const headers: Record<string, string> = {};
    if (opts.as !== null) headers.authorization = `Bearer ${await api.login(opts.as ?? 'taishang-admin')}`;
    const res = await fetch(`${api.url}/imports?orgCode=${opts.org ?? TAISHANG}&kind=${opts.kind ?? 'volunteers'}&dryRun=${opts.dryRun ?? true}`, { method: 'POST', headers, body: form });
    return { status: res.status, body: (await res.json()) as any };
  };
  const volunteersAt = async (codes: string[]) => (await api.db.dataSource.query(
    `SELECT count(*)::int AS n FROM volunteer v JOIN org o ON o.id = v.org_id WHERE o.code = ANY($1)`, [codes]))[0].n as number;
  const good = () => [
    [villages[0], '张桂兰', '老教师', '是', '2021年3月1日', '13904351234', null],
    [villages[1], '李德福', '老党员', '否', '2021.3.5', null, null],
    [villages[2], '王振山', '老战士', null, new Date(Date.UTC(2021, 3, 9)), null, null],
  ];

  it('gives a template with Chinese headers, drop-downs, formats, the org codes one may write to, and 填表说明', async () => {
    const res = await fetch(`${api.url}/templates/volunteers.xlsx`, { headers: { authorization: `Bearer ${await api.login('taishang-admin')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['五老志愿者', '组织代码', '填表说明']);
    const sheet = wb.getWorksheet('五老志愿者')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADERS, '退出日期']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['"老干部,老党员,老战士,老教师,老模范"'] });
    expect(sheet.getCell('A2').dataValidation.formulae?.[0]).toMatch(/组织代码/);
    expect(sheet.getColumn(5).numFmt).toBe('yyyy-mm-dd');
    const codes = wb.getWorksheet('组织代码')!.getColumn(1).values.slice(2) as string[];
    expect(codes[0]).toBe(TAISHANG);
    expect(codes).toEqual(expect.arrayContaining(villages));
    expect(codes).not.toContain('220582106201'); // 石湖村 is not 台上镇's
    expect(JSON.stringify(wb.getWorksheet('填表说明')!.getSheetValues())).toContain('身份证');
    expect((await fetch(`${api.url}/templates/volunteers.xlsx`)).status).toBe(401);
    expect((await fetch(`${api.url}/templates/nothing.xlsx`, { headers: { authorization: `Bearer ${await api.login('taishang-admin')}` } })).status).toBe(404);
  });

  it('answers a dry run with every problem at once, by row and column, and writes nothing', async () => {
    const before = await volunteersAt(villages);
    const file = await workbook([
      ...good(),
      [villages[0], '赵大明', '老教师1', '否', '2021-03-01', null, null], // row 5: a category that does not exist
      ['220582106201', '钱小红', '老干部', '否', '2021-03-01', null, null], // row 6: another township's village
      [villages[0], '孙立', '老干部', '否', '2099-01-01', '123', null], // row 7: the future, a bad phone
      [villages[0], '张桂兰', '老教师', '是', '2021-03-01', null, null], // row 8: row 2 again
    ]);
    const res = await upload(file);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'CHECKED', dryRun: true, rowCount: 7, created: 3, updated: 0, unchanged: 0, problemCount: 5 });
    expect(res.body.problems).toEqual([
      { row: 5, column: 'C', header: '五老类别', value: '老教师1', message: '五老类别必须是 老干部/老党员/老战士/老教师/老模范 之一' },
      { row: 6, column: 'A', header: '组织代码', value: '220582106201', message: expect.stringContaining('不是台上镇或其下级单位') },
      { row: 7, column: 'E', header: '加入日期', value: '2099-01-01', message: expect.stringContaining('不能晚于今天') },
      { row: 7, column: 'F', header: '手机号', value: '123', message: expect.stringContaining('手机号') },
      { row: 8, column: null, header: null, value: null, message: '与第 2 行是同一条记录,请删去重复的一行' },
    ]);
    expect(await volunteersAt(villages)).toBe(before);
    // the file comes back with a 错误 column and its bad cells filled red
    const back = await fetch(`${api.url}${res.body.errorFileUrl}`, { headers: { authorization: `Bearer ${await api.login('taishang-admin')}` } });
    expect(back.status).toBe(200);
    const marked = new ExcelJS.Workbook();
    await marked.xlsx.load(Buffer.from(await back.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = marked.getWorksheet('五老志愿者')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADERS, '退出日期', '错误']);
    expect(sheet.getCell('C5').value).toBe('老教师1');
    expect(sheet.getCell('I5').value).toBe('C列:五老类别必须是 老干部/老党员/老战士/老教师/老模范 之一');
    expect(sheet.getCell('C5').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFC7CE' } });
    expect(sheet.getCell('I2').value).toBeNull();
    expect(marked.getWorksheet('问题')!.rowCount).toBe(6);
    expect((await fetch(`${api.url}${res.body.errorFileUrl}`, { headers: { authorization: `Bearer ${await api.login('shihu-editor')}` } })).status).toBe(404);
    // and a real import of the same file changes nothing either
    const rejected = await upload(file, { dryRun: false });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', created: 0, problemCount: 5 });
    expect(await volunteersAt(villages)).toBe(before);
  });

  it('imports a clean file in one go, with the import in the audit trail; the same file again changes nothing', async () => {
    const before = await volunteersAt(villages);
    const county = async () => (await api.gqlAs('jian-admin', `{ org(code: "220582") { rollup(period: "2021-06") { volunteerCount } } }`)).body.data.org.rollup.volunteerCount;
    const countyBefore = await county();
    const file = await workbook(good());
    const res = await upload(file, { dryRun: false });
    expect(res.body).toMatchObject({ status: 'IMPORTED', created: 3, updated: 0, unchanged: 0, problemCount: 0 });
    expect(await volunteersAt(villages)).toBe(before + 3);
    expect(await county()).toBe(countyBefore + 3);
    const [{ n }] = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE request_id = $1 AND record_kind = 'volunteer' AND operation = 'INSERT'`, [res.body.id]);
    expect(n).toBe(3);
    const stored = await api.db.dataSource.query(`SELECT name, category, is_core, joined_on::text FROM volunteer WHERE name IN ('张桂兰', '李德福', '王振山') ORDER BY name`);
    expect(stored).toEqual([
      { name: '张桂兰', category: 'TEACHER', is_core: true, joined_on: '2021-03-01' },
      { name: '李德福', category: 'PARTY_MEMBER', is_core: false, joined_on: '2021-03-05' },
      { name: '王振山', category: 'SOLDIER', is_core: false, joined_on: '2021-04-09' },
    ].sort((a, b) => a.name.localeCompare(b.name)));

    const again = await upload(file, { dryRun: false });
    expect(again.body).toMatchObject({ status: 'IMPORTED', created: 0, updated: 0, unchanged: 3 });
    expect(await volunteersAt(villages)).toBe(before + 3);
    // a ledger without the optional columns (手机号, 身份证号) clears nothing
    const narrow = await workbook(good().map((r) => r.slice(0, 5)), HEADERS.slice(0, 5));
    expect((await upload(narrow, { dryRun: false })).body).toMatchObject({ status: 'IMPORTED', created: 0, updated: 0, unchanged: 3 });
    expect((await api.db.dataSource.query(`SELECT phone FROM volunteer WHERE name = '张桂兰'`))[0].phone).toBe('13904351234');
    const changed = good();
    changed[1][3] = '是';
    expect((await upload(await workbook(changed), { dryRun: false })).body).toMatchObject({ status: 'IMPORTED', created: 0, updated: 1, unchanged: 2 });

    const listed = await api.gql(`{ imports(orgCode: "${TAISHANG}") { id kind fileName sha256 status created updated unchanged userName dryRun } }`);
    expect(listed.body.data.imports[0]).toMatchObject({ kind: 'volunteers', fileName: '志愿者.xlsx', status: 'IMPORTED', updated: 1, userName: '台上镇关工委管理员', dryRun: false });
    expect(listed.body.data.imports[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes a span\'s end (退出日期) where the ledger has it, after its start', async () => {
    const headers = [...HEADERS, '退出日期'];
    const res = await upload(await workbook([
      [villages[0], '周德胜', '老干部', '否', '2021-03-01', null, null, '2021-09-30'],
      [villages[0], '吴长林', '老干部', '否', '2021-03-01', null, null, '2021-02-01'],
    ], headers));
    expect(res.body).toMatchObject({ status: 'CHECKED', created: 1, problemCount: 1 });
    expect(res.body.problems[0]).toMatchObject({ row: 3, column: 'H', header: '退出日期', message: '退出日期应晚于加入日期(2021-03-01)' });
  });

  it('refuses a whole file for what it is, saying why, and writes nothing', async () => {
    const before = await volunteersAt(villages);
    const csvAsXlsx = await upload(Buffer.from('组织代码,姓名\n1,2\n'), { dryRun: false });
    expect(csvAsXlsx).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', reason: 'NOT_A_SPREADSHEET' } });
    const hidden = await upload(await workbook(good(), HEADERS, (wb) => { wb.addWorksheet('底稿', { state: 'hidden' }); }), { dryRun: false });
    expect(hidden).toMatchObject({ status: 400, body: { reason: 'HIDDEN_SHEET' } });
    const missing = await upload(await workbook([], HEADERS.slice(0, 4)), { dryRun: false });
    expect(missing.body).toMatchObject({ reason: 'MISSING_COLUMNS' });
    expect(missing.body.message).toContain('加入日期');
    expect((await upload(await workbook(good()), { as: null })).status).toBe(401);
    expect((await upload(await workbook(good()), { as: 'shihu-editor' })).body.code).toBe('NOT_FOUND');
    expect((await upload(await workbook(good()), { as: 'tonghua-viewer', org: '220582' })).body.code).toBe('FORBIDDEN');
    expect((await upload(await workbook(good()), { kind: 'nothing' })).body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect(await volunteersAt(villages)).toBe(before);
  });

  it('imports pairs naming their volunteer and beneficiary by 身份证号 or name', async () => {
    const category = ((await api.gql(`{ labels { beneficiaryCategory { label } } }`)).body.data.labels.beneficiaryCategory as Array<{ label: string }>)[0].label;
    const people = await workbook([[villages[0], '刘小明', category, null], [villages[0], '刘小红', category, null]], ['组织代码', '姓名', '帮扶对象类别', '身份证号']);
    expect((await upload(people, { kind: 'beneficiaries', dryRun: false })).body).toMatchObject({ status: 'IMPORTED', created: 2 });
    const headers = ['组织代码', '五老志愿者姓名', '五老志愿者身份证号', '帮扶对象姓名', '帮扶对象身份证号', '结对日期'];
    const pairs = await workbook([
      [villages[0], '张桂兰', null, '刘小明', null, '2021-06-01'],
      [villages[0], '无此人', null, '刘小红', null, '2021-06-01'],
    ], headers);
    const checked = await upload(pairs, { kind: 'pairs' });
    expect(checked.body).toMatchObject({ status: 'CHECKED', created: 1, problemCount: 1 });
    expect(checked.body.problems[0]).toMatchObject({ row: 3, column: 'B', header: '五老志愿者姓名', value: '无此人' });
    expect(checked.body.problems[0].message).toContain('没有名为“无此人”的五老志愿者');
    const good = await workbook([[villages[0], '张桂兰', null, '刘小明', null, '2021-06-01']], headers);
    expect((await upload(good, { kind: 'pairs', dryRun: false })).body).toMatchObject({ status: 'IMPORTED', created: 1 });
    expect((await upload(good, { kind: 'pairs', dryRun: false })).body).toMatchObject({ status: 'IMPORTED', created: 0, unchanged: 1 });
  });

  it('imports 五好 assessments with one 是/否 column per criterion of the county, and the figures follow', async () => {
    const criteria: Array<{ name: string }> = await api.db.dataSource.query(
      `SELECT name FROM assessment_criterion WHERE tenant_id = (SELECT tenant_id FROM org WHERE code = $1) ORDER BY position`, [TAISHANG]);
    const res = await fetch(`${api.url}/templates/assessments.xlsx?orgCode=${TAISHANG}`, { headers: { authorization: `Bearer ${await api.login('taishang-admin')}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const headers = ['组织代码', '评定年度', ...criteria.map((c) => c.name)];
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    const file = await workbook([
      [villages[0], 2021, ...criteria.map(() => '是')],
      [villages[1], 2021, ...criteria.map((_c, i) => (i === 0 ? '否' : '是'))],
    ], headers);
    const fiveGood = async () => (await api.gql(`{ org(code: "${TAISHANG}") { rollup(period: "2021") { fiveGoodCount } } }`)).body.data.org.rollup.fiveGoodCount as number;
    const before = await fiveGood();
    expect((await upload(file, { kind: 'assessments', dryRun: false })).body).toMatchObject({ status: 'IMPORTED', created: 2, problemCount: 0 });
    expect(await fiveGood()).toBe(before + 1);
    expect((await upload(file, { kind: 'assessments', dryRun: false })).body).toMatchObject({ status: 'IMPORTED', created: 0, updated: 0, unchanged: 2 });
    // a city's subtree spans counties with different criteria
    expect((await upload(file, { kind: 'assessments', as: 'tonghua-admin', org: '220500' })).body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orgCode' });
  });

  it('accepts CSV (the reader\'s own tests cover GB18030), and refuses rows in a period whose report is approved', async () => {
    const header = '组织代码,活动日期,活动主题,活动名称,场次,参加人数,受教育青少年人次';
    const theme = ((await api.gql(`{ labels { activityTheme { label } } }`)).body.data.labels.activityTheme as Array<{ label: string }>)[0].label;
    // 2020 is approved everywhere in 集安市: the whole file is refused, with the reason
    const locked = await upload(Buffer.from(`\ufeff${header}\r\n${villages[0]},2020-05-04,${theme},五四宣讲,1,30,20\r\n`, 'utf8'), { kind: 'activities', dryRun: false, name: '活动.csv' });
    expect(locked.body).toMatchObject({ status: 'REJECTED', created: 0 });
    expect(locked.body.problems[0]).toMatchObject({ row: 2, column: 'B', header: '活动日期', value: '2020-05-04', message: '2020 的报表已审核,这一期的数据已锁定;如需修改,请上级退回或重开报表' });
    // a dry run says so too, before anyone tries
    expect((await upload(Buffer.from(`${header}\r\n${villages[0]},2020-05-04,${theme},五四宣讲,1,30,20\r\n`, 'utf8'), { kind: 'activities', name: '活动.csv' })).body)
      .toMatchObject({ status: 'CHECKED', created: 0, problemCount: 1 });
    const ok = await upload(Buffer.from(`${header}\r\n${villages[0]},2021-05-04,${theme},五四宣讲,1,30,20\r\n`, 'utf8'), { kind: 'activities', dryRun: false, name: '活动.csv' });
    expect(ok.body).toMatchObject({ status: 'IMPORTED', created: 1 });
  });
});
