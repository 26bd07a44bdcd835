import { createTestDatabase, TestDatabase } from '@ggw/testing';
import { buildReferenceDataset, JIAN_CODE, loadReferenceData } from '@ggw/db';

/**
 * The published figures of 集安市's 2020 summary, counted straight from the rows (no roll-up
 * engine involved), so a change to the reference data that breaks a figure fails here.
 */
describe('reference data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ reference: true });
  });
  afterAll(() => db.drop());

  const one = async (sql: string, params: unknown[] = []) => Number(Object.values((await db.dataSource.query(sql, params))[0])[0]);
  const subtree = `(SELECT path FROM org WHERE code = $1)`;
  const activeOrgs = (end: string) => `founded_on < '${end}' AND (dissolved_on IS NULL OR dissolved_on >= '${end}')`;

  const orgCount = (code: string, year: number) =>
    one(`SELECT count(*) FROM org WHERE path <@ ${subtree} AND ${activeOrgs(`${year + 1}-01-01`)}`, [code]);
  const fiveGood = (code: string, year: number) => one(`
    SELECT count(*) FROM (
      SELECT a.org_id FROM assessment a JOIN org o ON o.tenant_id = a.tenant_id AND o.id = a.org_id
      WHERE o.path <@ ${subtree} AND a.year = $2
      GROUP BY a.tenant_id, a.org_id
      HAVING bool_and(a.met) AND count(*) = (SELECT count(*) FROM assessment_criterion c WHERE c.tenant_id = a.tenant_id)
    ) x`, [code, year]);
  const volunteers = (code: string, end: string, coreOnly = false) => one(`
    SELECT count(*) FROM volunteer v JOIN org o ON o.tenant_id = v.tenant_id AND o.id = v.org_id
    WHERE o.path <@ ${subtree} AND v.joined_on < $2 AND (v.left_on IS NULL OR v.left_on >= $2) ${coreOnly ? 'AND v.is_core' : ''}`, [code, end]);
  const donations = (code: string, year: number, kind?: string) => one(`
    SELECT coalesce(sum(d.amount_yuan), 0) FROM donation d JOIN org o ON o.tenant_id = d.tenant_id AND o.id = d.org_id
    WHERE o.path <@ ${subtree} AND d.received_on >= $2 AND d.received_on < $3 ${kind ? `AND d.donor_kind = '${kind}'` : ''}`,
  [code, `${year}-01-01`, `${year + 1}-01-01`]);
  const pairs = (name: string, year: number) => one(`
    SELECT count(*) FROM assistance_pair p JOIN org o ON o.tenant_id = p.tenant_id AND o.id = p.org_id
    WHERE o.path <@ (SELECT path FROM org WHERE name = $1 AND path <@ '220000.220500.220582')
      AND p.started_on < $3 AND (p.ended_on IS NULL OR p.ended_on >= $2)`, [name, `${year}-01-01`, `${year + 1}-01-01`]);
  const articles = (year: number, where = 'true') => one(`
    SELECT count(*) FROM article a JOIN org o ON o.tenant_id = a.tenant_id AND o.id = a.org_id
    WHERE o.path <@ '220000.220500.220582' AND a.submitted_on >= $1 AND a.submitted_on < $2 AND ${where}`,
  [`${year}-01-01`, `${year + 1}-01-01`]);

  it('has 218 organisations in 2020 (198 in 2019), the county included', async () => {
    expect(await orgCount(JIAN_CODE, 2020)).toBe(218);
    expect(await orgCount(JIAN_CODE, 2019)).toBe(198);
  });

  it('has 176 五好 orgs in 2020 (80.7%) and 144 in 2019 (72.7%): +8 percentage points', async () => {
    expect(await fiveGood(JIAN_CODE, 2020)).toBe(176);
    expect(await fiveGood(JIAN_CODE, 2019)).toBe(144);
    const rate2020 = 176 / 218;
    const rate2019 = 144 / 198;
    expect((rate2020 * 100).toFixed(1)).toBe('80.7');
    expect((rate2019 * 100).toFixed(1)).toBe('72.7');
    expect(Math.round((rate2020 - rate2019) * 100)).toBe(8);
  });

  it('has 2503 五老 at the end of 2020, 135 more than 2019, 802 of them 骨干', async () => {
    expect(await volunteers(JIAN_CODE, '2021-01-01')).toBe(2503);
    expect(await volunteers(JIAN_CODE, '2020-01-01')).toBe(2368);
    expect(await volunteers(JIAN_CODE, '2021-01-01', true)).toBe(802);
  });

  it('received 35.6万元 in 2020: 社会力量 20.4万 and 五老 15.2万', async () => {
    expect(await donations(JIAN_CODE, 2020)).toBe(356000);
    expect(await donations(JIAN_CODE, 2020, 'SOCIAL')).toBe(204000);
    expect(await donations(JIAN_CODE, 2020, 'VETERAN')).toBe(152000);
  });

  it('has 171 articles from townships and departments in 2020; 台上镇 sent 25, 19 adopted', async () => {
    expect(await articles(2020)).toBe(171);
    expect(await articles(2020, `o.level = 'TOWNSHIP'`)).toBe(171);
    expect(await articles(2020, `o.name = '台上镇'`)).toBe(25);
    expect(await articles(2020, `o.name = '台上镇' AND a.adopted`)).toBe(19);
  });

  it('has 30 assistance pairs in 清河镇 and 38 in 大路镇 in 2020', async () => {
    expect(await pairs('清河镇', 2020)).toBe(30);
    expect(await pairs('大路镇', 2020)).toBe(38);
  });

  it('names the real places of the document', async () => {
    const names = (await db.dataSource.query(`SELECT name FROM org WHERE path <@ '220000.220500.220582'`)).map((r: { name: string }) => r.name);
    for (const n of ['台上镇', '财源镇', '清河镇', '大路镇', '麻线乡', '凉水乡', '头道镇', '青石镇', '花甸镇', '太王镇', '黎明街道',
      '团结街道', '城东街道', '教育局', '公安局', '司法局', '民政局', '法院', '检察院', '大路村', '石湖村', '秋皮村']) {
      expect(names).toContain(n);
    }
  });

  it('has a second county under 通化市, and the city above both', async () => {
    expect(await one(`SELECT count(*) FROM org WHERE level = 'COUNTY' AND path <@ '220000.220500'`)).toBe(2);
    expect(await orgCount('220521', 2020)).toBeGreaterThan(10);
    expect(await one(`SELECT count(*) FROM assessment_criterion WHERE tenant_id = (SELECT id FROM org WHERE code = '220521')`)).toBe(6);
  });

  it('keeps every tenant-owned row in its county: a record and its org share the tenant', async () => {
    expect(await one(`SELECT count(*) FROM volunteer v JOIN org o ON o.id = v.org_id WHERE o.tenant_id <> v.tenant_id`)).toBe(0);
    expect(await one(`
      SELECT count(*) FROM org o JOIN org t ON t.id = o.tenant_id
      WHERE o.level IN ('TOWNSHIP', 'VILLAGE') AND NOT (t.level = 'COUNTY' AND o.path <@ t.path)`)).toBe(0);
  });

  it('loads idempotently: a second run inserts nothing and changes no figure', async () => {
    const before = await one(`SELECT count(*) FROM volunteer`);
    const inserted = await loadReferenceData(db.dataSource.manager);
    expect(Object.values(inserted).every((n) => n === 0)).toBe(true);
    expect(await one(`SELECT count(*) FROM volunteer`)).toBe(before);
    expect(await orgCount(JIAN_CODE, 2020)).toBe(218);
  });

  it('is deterministic: two builds are identical', () => {
    expect(JSON.stringify(buildReferenceDataset())).toBe(JSON.stringify(buildReferenceDataset()));
  });
});
