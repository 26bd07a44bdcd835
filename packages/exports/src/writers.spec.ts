import { ExportFormat, stableId } from '@ggw/domain';
import { createTestDatabase, TestDatabase } from '@ggw/testing';
import { committeeName, fullWidthPunctuation } from './labels';
import { EXPORT_WRITERS } from './writers';

/** The registry of export formats is the one list: the writers, and the database's formats. */
describe('export formats', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ reference: true });
  });
  afterAll(() => db.drop());

  it('every format has a writer, an extension and a content type', () => {
    for (const format of Object.values(ExportFormat)) {
      expect(EXPORT_WRITERS[format]).toMatchObject({ format, extension: expect.stringMatching(/^[a-z]+$/), contentType: expect.any(String) });
    }
  });

  it('the database knows exactly the formats that have writers, and refuses any other', async () => {
    const rows: Array<{ format: string }> = await db.dataSource.query('SELECT format FROM export_format ORDER BY format');
    expect(rows.map((r) => r.format)).toEqual(Object.keys(EXPORT_WRITERS).sort());
    const [org] = await db.dataSource.query(`SELECT tenant_id, id FROM org WHERE code = '220582'`);
    const user = stableId('user', 'jian-admin');
    const schedule = (formats: string[]) => db.dataSource.query(
      `INSERT INTO export_schedule (tenant_id, id, org_id, cron, time_zone, period_rule, formats, next_run_at, created_by)
       VALUES ($1, gen_random_uuid(), $2, '0 2 1 * *', 'Asia/Shanghai', 'YEAR_TO_DATE', $3, now(), $4)`, [org.tenant_id, org.id, formats, user]);
    await expect(schedule(['XLSX', 'PDF'])).rejects.toThrow(/unknown export format/);
    await expect(schedule([])).rejects.toThrow(/export_schedule_formats_check/);
    await expect(schedule(Object.keys(EXPORT_WRITERS))).resolves.toBeDefined();
    await expect(db.dataSource.query(
      `INSERT INTO export_job (tenant_id, id, org_id, period, format, requested_by, idempotency_key) VALUES ($1, gen_random_uuid(), $2, '2020', 'PDF', $3, 'k')`,
      [org.tenant_id, org.id, user],
    )).rejects.toThrow(/export_job_format_fkey/);
  });
});

describe('printed Chinese', () => {
  it('uses full-width punctuation in Chinese text, and leaves numbers alone', () => {
    expect(fullWidthPunctuation('全市关工委组织218个,其中达到“五好”标准的176个,占总数的80.7%,比上年提高8个百分点。'))
      .toBe('全市关工委组织218个\uff0c其中达到“五好”标准的176个\uff0c占总数的80.7%\uff0c比上年提高8个百分点。');
    expect(fullWidthPunctuation('开展活动383次(1456场);生成时间:2026年11月23日 10:05!共1,234元?'))
      .toBe('开展活动383次\uff081456场\uff09\uff1b生成时间\uff1a2026年11月23日 10:05\uff01共1,234元\uff1f');
  });

  it('names the committee in full, as it signs', () => {
    expect(committeeName({ name: '集安市' })).toBe('集安市关心下一代工作委员会');
    expect(committeeName({ name: '教育局关工委' })).toBe('教育局关心下一代工作委员会');
  });
});
