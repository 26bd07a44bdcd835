import { ExportFormat, stableId } from '@ggw/domain';
import { createTestDatabase, TestDatabase } from '@ggw/testing';
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
