import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting cycle's states: a report can be returned (退回) with a reason, and remembers
 * who submitted and who approved it and a forced submission's explanation (强制上报说明). Every
 * transition is an UPDATE of the report row, so the audit trail (migration 900) is its history.
 */
export class ReportingCycle1732000001000 implements MigrationInterface {
  name = 'ReportingCycle1732000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report DROP CONSTRAINT report_status_check`);
    await q.query(`ALTER TABLE report ADD CONSTRAINT report_status_check CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'))`);
    await q.query(`ALTER TABLE report ADD COLUMN submitted_by uuid`);
    await q.query(`ALTER TABLE report ADD COLUMN approved_by uuid`);
    await q.query(`ALTER TABLE report ADD COLUMN return_reason text CHECK (length(return_reason) BETWEEN 2 AND 500)`);
    await q.query(`ALTER TABLE report ADD COLUMN force_reason text CHECK (length(force_reason) BETWEEN 2 AND 500)`);
    await q.query(`ALTER TABLE report ADD CONSTRAINT report_returned_has_reason CHECK (status <> 'RETURNED' OR return_reason IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report DROP CONSTRAINT report_returned_has_reason`);
    for (const c of ['force_reason', 'return_reason', 'approved_by', 'submitted_by']) await q.query(`ALTER TABLE report DROP COLUMN ${c}`);
    await q.query(`ALTER TABLE report DROP CONSTRAINT report_status_check`);
    await q.query(`ALTER TABLE report ADD CONSTRAINT report_status_check CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED'))`);
  }
}
