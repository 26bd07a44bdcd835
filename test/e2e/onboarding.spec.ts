import ExcelJS from 'exceljs';
import { importKind, inputToCell } from '@ggw/api';
import { METRICS } from '@ggw/rollup';
import { startTestApi, TestApi } from '@ggw/testing';

/**
 * Onboarding a county from workbooks, over HTTP: 集安市's reference data is written out as an
 * org-tree workbook and one import workbook per kind of record, with every code moved from
 * 220582 to 220599; a platform admin creates the county from the tree (with its first admin),
 * the admin activates the account and imports the records, and the new county's roll-ups equal
 * 集安市's figure for figure, in every year.
 */
const JIAN = '220582';
const NEW = '220599';
const CITY = '220500';
const moved = (code: string) => (code.startsWith(JIAN) ? NEW + code.slice(JIAN.length) : code);
const TYPE_LABELS: Record<string, string> = {
  COUNTY: '县(市、区)', XIANG: '乡', TOWN: '镇', SUBDISTRICT: '街道', DEPARTMENT: '部门', SCHOOL: '学校', ENTERPRISE: '企业', VILLAGE: '村', COMMUNITY: '社区',
};
/** Every figure computed from records (the reporting cycle's own figures are about reports, which are not imported). */
const FIGURES = METRICS.filter((m) => !/report/i.test(m.key)).map((m) => m.key);

async function book(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('onboarding a county from workbooks', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true });
  });
  afterAll(() => api.close());

  /** `as`: a demo user, or `{ token }` of a user with another password */
  const post = async (path: string, file: Buffer, as: string | { token: string }, name = 'book.xlsx') => {
    const form = new FormData();
    form.append('file', new Blob([file]), name);
    const token = typeof as === 'string' ? await api.login(as) : as.token;
    const res = await fetch(`${api.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  };
  const onboard = (file: Buffer, as: string, dryRun: boolean, parent = CITY) => post(`/onboarding?parentCode=${parent}&dryRun=${dryRun}`, file, as);

  /** 集安市's tree as the 组织 sheet, under new codes, and one admin at the county. */
  const treeBook = async (edit: (rows: unknown[][], admins: unknown[][]) => void = () => undefined) => {
    const orgs: Array<{ code: string; name: string; type: string; parent: string; founded_on: string }> = await api.db.dataSource.query(
      `SELECT o.code, o.name, o.type, p.code AS parent, o.founded_on::text FROM org o JOIN org p ON p.id = o.parent_id
        WHERE o.path <@ (SELECT path FROM org WHERE code = $1) ORDER BY o.path DESC`, [JIAN]);
    // children before parents on purpose: the order of the rows does not matter
    const rows: unknown[][] = orgs.map((o) => [moved(o.code), o.code === JIAN ? '新安市' : o.name, TYPE_LABELS[o.type], moved(o.parent), o.founded_on]);
    const admins: unknown[][] = [['xinan-admin', '新安市关工委管理员', '13900000000', NEW]];
    edit(rows, admins);
    return book({ 组织: [['代码', '名称', '类型', '上级代码', '成立日期'], ...rows], 管理员: [['用户名', '姓名', '手机号', '组织代码'], ...admins] });
  };

  it('lets only a platform admin or an admin of the city onboard below it; a dry run writes nothing', async () => {
    const file = await treeBook();
    const before = (await api.db.dataSource.query(`SELECT count(*)::int AS n FROM org`))[0].n;
    expect(await onboard(file, 'taishang-admin', true)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await onboard(file, 'jian-admin', true)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await onboard(file, 'tonghua-viewer', true)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await onboard(file, 'tonghua-admin', true, JIAN)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    for (const as of ['tonghua-admin', 'platform-admin']) {
      const res = await onboard(file, as, true);
      expect(res.body).toMatchObject({ status: 'CHECKED', county: { code: NEW, name: '新安市' }, admins: 1, problems: [], activations: [] });
      expect(res.body.orgs.COUNTY + res.body.orgs.TOWNSHIP + res.body.orgs.VILLAGE).toBe(218);
    }
    expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM org`))[0].n).toBe(before);
  });

  it('reports every problem of the tree and the admins at once, where it is, and writes nothing', async () => {
    const file = await treeBook((rows, admins) => {
      const find = (code: string) => rows.find((r) => r[0] === code)!;
      find('220599101')[0] = '220599106'; // a duplicate of 青石镇's code
      find('220599102')[2] = '村'; // a village type at the township level
      find('220599103')[0] = '22059910'; // not a 9-digit code
      find('220599104201')[3] = '220599999'; // a parent nowhere
      find('220599105')[3] = '220599105201'; // a cycle: 头道镇 under its own village
      find('220599107')[4] = '2019年13月1日';
      admins[0][3] = '220599101201'; // no admin at the county
      admins.push(['Bad Name', '', 'abc', '220599106201']);
      admins.push(['jian-admin', '重名', null, '220599106201']);
    });
    const res = await onboard(file, 'platform-admin', true);
    expect(res.body.status).toBe('REJECTED');
    const said = res.body.problems.map((p: any) => `${p.sheet}!${p.row ?? ''}${p.column ?? ''}`);
    const problem = (sheet: string, text: string) => res.body.problems.find((p: any) => p.sheet === sheet && p.message.includes(text));
    expect(problem('组织', '重复')).toMatchObject({ column: 'A', value: '220599106' });
    expect(problem('组织', '这一级的组织类型只能是')).toMatchObject({ column: 'C' });
    expect(problem('组织', '9 位统计用区划代码')).toMatchObject({ column: 'A', value: '22059910' });
    expect(problem('组织', '不在这个工作簿里')).toMatchObject({ column: 'D', value: '220599999' });
    expect(problem('组织', '成环')).toBeDefined();
    expect(problem('组织', '成立日期')).toMatchObject({ column: 'E' });
    expect(problem('管理员', '至少填写一位县级管理员')).toBeDefined();
    expect(problem('管理员', '用户名为')).toMatchObject({ column: 'A', value: 'bad name' });
    expect(problem('管理员', '已被使用')).toMatchObject({ column: 'A', value: 'jian-admin' });
    expect(problem('管理员', '手机号')).toMatchObject({ column: 'C' });
    expect(said.length).toBeGreaterThanOrEqual(11);
    // a real import of the same file is refused whole
    expect((await onboard(file, 'platform-admin', false)).body.status).toBe('REJECTED');
    expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM org WHERE code LIKE '220599%'`))[0].n).toBe(0);
    // a workbook that is not one, and one without the 组织 sheet
    const csv = await post(`/onboarding?parentCode=${CITY}`, Buffer.from('代码,名称\n1,2'), 'platform-admin', 'tree.csv');
    expect(csv.body.status).toBe('REJECTED');
    expect(csv.body.problems).toEqual([
      expect.objectContaining({ sheet: '管理员', row: null, message: expect.stringContaining('CSV') }),
      expect.objectContaining({ sheet: '组织', row: null, message: expect.stringContaining('CSV') }),
    ]);
    const none = await onboard(await book({ Sheet1: [['a']] }), 'platform-admin', true);
    expect(none.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: '组织', message: expect.stringContaining('没有名为“组织”的工作表') })]));
  });

  it('creates 集安市 again as 新安市 from its workbooks, and every figure of every year is the same', async () => {
    const created = await onboard(await treeBook(), 'platform-admin', false);
    expect(created.body).toMatchObject({ status: 'IMPORTED', county: { code: NEW }, admins: 1, problems: [] });
    const [activation] = created.body.activations;
    expect(activation).toMatchObject({ username: 'xinan-admin', orgCode: NEW });
    const activated = await api.gqlAs(null, `mutation($t: String!) { activateAccount(token: $t, password: "Xinan-guanxin-2026") { token } }`, { t: activation.token });
    expect(activated.body.errors).toBeUndefined();
    // isolated like every tenant: its admin sees it and nothing of 集安市, and the reverse
    const token = activated.body.data.activateAccount.token as string;
    const asNew = (query: string) => api.gql(query, undefined, { authorization: `Bearer ${token}` });
    expect((await asNew(`{ org(code: "${NEW}") { name rollup(period: "2020") { orgCount } } }`)).body.data.org).toEqual({ name: '新安市', rollup: { orgCount: 218 } });
    expect((await asNew(`{ org(code: "${JIAN}") { name } }`)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.gqlAs('jian-admin', `{ org(code: "${NEW}") { name } }`)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.gqlAs('tonghua-viewer', `{ org(code: "${NEW}") { name } }`)).body.data.org.name).toBe('新安市');

    // every record of 集安市, kind by kind, through POST /imports as the new admin
    const criteria = await api.db.dataSource.query(`SELECT key, name FROM assessment_criterion WHERE tenant_id = (SELECT id FROM org WHERE code = $1) ORDER BY position`, [JIAN]);
    const inJian = `org_id IN (SELECT id FROM org WHERE path <@ (SELECT path FROM org WHERE code = '${JIAN}'))`;
    const camel = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()), v]));
    const sources: Record<string, string> = {
      volunteers: `SELECT o.code AS org_code, t.* FROM volunteer t JOIN org o ON o.id = t.org_id WHERE t.${inJian}`,
      beneficiaries: `SELECT o.code AS org_code, t.* FROM beneficiary t JOIN org o ON o.id = t.org_id WHERE t.${inJian}`,
      pairs: `SELECT o.code AS org_code, v.name AS volunteer_name, v.id_number AS volunteer_id_number, b.name AS beneficiary_name, b.id_number AS beneficiary_id_number, t.*
                FROM assistance_pair t JOIN org o ON o.id = t.org_id JOIN volunteer v ON v.id = t.volunteer_id JOIN beneficiary b ON b.id = t.beneficiary_id WHERE t.${inJian}`,
      activities: `SELECT o.code AS org_code, t.* FROM activity t JOIN org o ON o.id = t.org_id WHERE t.${inJian}`,
      donations: `SELECT o.code AS org_code, t.* FROM donation t JOIN org o ON o.id = t.org_id WHERE t.${inJian}`,
      disbursements: `SELECT o.code AS org_code, t.* FROM disbursement t JOIN org o ON o.id = t.org_id WHERE t.${inJian}`,
      articles: `SELECT o.code AS org_code, t.* FROM article t JOIN org o ON o.id = t.org_id WHERE t.${inJian}`,
      guarantees: `SELECT o.code AS org_code, t.* FROM guarantee t JOIN org o ON o.id = t.org_id WHERE t.${inJian}`,
      'plan-targets': `SELECT o.code AS org_code, t.* FROM plan_target t JOIN org o ON o.id = t.org_id WHERE t.${inJian}`,
      assessments: `SELECT o.code AS org_code, t.year, jsonb_object_agg('met:' || t.criterion_key, t.met) AS met
                      FROM assessment t JOIN org o ON o.id = t.org_id WHERE t.${inJian} GROUP BY o.code, t.year`,
    };
    const counts: Record<string, number> = {};
    for (const [slug, sql] of Object.entries(sources)) {
      const kind = (await importKind(slug, async () => criteria))!;
      const rows = (await api.db.dataSource.query(sql)).map((r: Record<string, unknown>) => ({ ...camel(r), ...((r.met as object | undefined) ?? {}) }));
      counts[slug] = rows.length;
      if (!rows.length) continue;
      const cells = rows.map((r: Record<string, unknown>) => kind.columns.map((c) => (c.spec === null ? moved(String(r.orgCode)) : inputToCell(c.spec, r[c.field]))));
      const file = await book({ [kind.label]: [kind.columns.map((c) => c.header), ...cells] });
      const res = await post(`/imports?orgCode=${NEW}&kind=${slug}&dryRun=false`, file, { token }, `${slug}.xlsx`);
      expect({ slug, status: res.body.status, problems: res.body.problems?.slice(0, 3), created: res.body.created })
        .toEqual({ slug, status: 'IMPORTED', problems: [], created: rows.length });
    }
    expect(counts.volunteers).toBeGreaterThanOrEqual(2503);
    // an article's adoption is not the writer's to enter: the level above marks it, as in 集安市
    const adopted: Array<{ id: string; version: number; level: string; org_level: string }> = await api.db.dataSource.query(
      `SELECT n.id, n.version, a.adopted_level AS level, no.level AS org_level
         FROM article a JOIN org o ON o.id = a.org_id
         JOIN org no ON no.code = regexp_replace(o.code, '^${JIAN}', '${NEW}')
         JOIN article n ON n.org_id = no.id AND n.title = a.title AND n.submitted_on = a.submitted_on
        WHERE a.adopted AND a.${inJian}`);
    expect(adopted.length).toBeGreaterThan(80);
    for (const a of adopted) {
      const doc = `mutation { setArticleAdoption(id: "${a.id}", expectedVersion: ${a.version}, level: ${a.level ?? 'COUNTY'}) { article { adopted } } }`;
      const res = a.org_level === 'COUNTY' ? await api.gqlAs('tonghua-admin', doc) : await asNew(doc);
      expect(res.body.errors).toBeUndefined();
    }

    const figures = async (code: string, period: string, as: string | null) => {
      const query = `{ org(code: "${code}") { rollup(period: "${period}") { ${FIGURES.join(' ')} } } }`;
      const res = as ? await api.gqlAs(as, query) : await asNew(query);
      expect(res.body.errors).toBeUndefined();
      return res.body.data.org.rollup;
    };
    for (const period of ['2019', '2020', '2021', '2020Q3', '2021-06']) {
      expect({ period, figures: await figures(NEW, period, null) }).toEqual({ period, figures: await figures(JIAN, period, 'jian-admin') });
    }
    const y2020 = await figures(NEW, '2020', null);
    expect(y2020).toMatchObject({ orgCount: 218, fiveGoodCount: 176, volunteerCount: 2503, coreVolunteerCount: 802, donationTotal: '356000.00' });
    expect(y2020.fiveGoodRate).toBeCloseTo(176 / 218, 12);
    // township by township too
    const children = async (code: string, as: string | null) => {
      const query = `{ org(code: "${code}") { childRollups(period: "2020") { rows { org { code } orgCount volunteerCount fiveGoodCount activityCount donationTotal } } } }`;
      const res = as ? await api.gqlAs(as, query) : await asNew(query);
      return res.body.data.org.childRollups.rows.map((r: any) => ({ ...r, org: { code: moved(r.org.code) } }));
    };
    expect(await children(NEW, null)).toEqual(await children(JIAN, 'jian-admin'));
  }, 300_000);
});
