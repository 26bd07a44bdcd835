import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting deadlines are data: per county (tenant), kind of period and level of org, how many
 * days from the period's end a report is due (negative: before it ends; 集安市's villages report
 * a year by 1 December, 31 days before its end). A report is due at the end of that day in
 * Asia/Shanghai. Tenant-wide configuration: readable in the tenant, written by its admins.
 */
export class ReportCalendar1732000001200 implements MigrationInterface {
  name = 'ReportCalendar1732000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_deadline (
        tenant_id       uuid NOT NULL,
        period_kind     text NOT NULL CHECK (period_kind IN ('YEAR', 'QUARTER', 'MONTH')),
        level           text NOT NULL CHECK (level IN ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
        due_offset_days int  NOT NULL CHECK (due_offset_days BETWEEN -366 AND 366),
        PRIMARY KEY (tenant_id, period_kind, level)
      )`);
    await q.query(`SELECT ggw_protect_table('report_deadline')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_deadline`);
  }
}
