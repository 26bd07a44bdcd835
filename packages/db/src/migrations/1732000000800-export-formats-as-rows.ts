import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Export formats become rows (`export_format`) that migrate() keeps equal to the formats this
 * build has writers for, instead of a list written into two CHECK constraints: adding a format
 * needs no migration. An export's format is a foreign key to it; a schedule's formats (an
 * array) are checked by a trigger. The list below is the formats there were when this ran.
 */
export class ExportFormatsAsRows1732000000800 implements MigrationInterface {
  name = 'ExportFormatsAsRows1732000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE export_format (format text PRIMARY KEY CHECK (format ~ '^[A-Z][A-Z0-9_]{0,19}$'))`);
    await q.query(`INSERT INTO export_format (format) VALUES ('XLSX'), ('CSV'), ('DOCX')`);
    await q.query(`REVOKE ALL ON export_format FROM PUBLIC`);
    await q.query(`GRANT SELECT ON export_format TO ggw_app`);
    // shared by every tenant and holding none's data: readable by all, written only by migrate()
    await q.query(`ALTER TABLE export_format ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE export_format FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY owner_all ON export_format TO CURRENT_USER USING (true) WITH CHECK (true)`);
    await q.query(`CREATE POLICY read_all ON export_format FOR SELECT USING (true)`);
    await q.query(`ALTER TABLE export_job DROP CONSTRAINT export_job_format_check`);
    await q.query(`ALTER TABLE export_job ADD CONSTRAINT export_job_format_fkey FOREIGN KEY (format) REFERENCES export_format (format)`);
    await q.query(`ALTER TABLE export_schedule DROP CONSTRAINT export_schedule_formats_check`);
    await q.query(`ALTER TABLE export_schedule ADD CONSTRAINT export_schedule_formats_check CHECK (cardinality(formats) >= 1)`);
    await q.query(`
      CREATE FUNCTION ggw_check_export_formats() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM unnest(NEW.formats) f WHERE f NOT IN (SELECT format FROM export_format)) THEN
          RAISE EXCEPTION 'unknown export format in %', NEW.formats USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER export_schedule_formats BEFORE INSERT OR UPDATE OF formats ON export_schedule
      FOR EACH ROW EXECUTE FUNCTION ggw_check_export_formats()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER export_schedule_formats ON export_schedule`);
    await q.query(`DROP FUNCTION ggw_check_export_formats()`);
    await q.query(`ALTER TABLE export_schedule DROP CONSTRAINT export_schedule_formats_check`);
    await q.query(`ALTER TABLE export_schedule ADD CONSTRAINT export_schedule_formats_check
      CHECK (cardinality(formats) BETWEEN 1 AND 3 AND formats <@ ARRAY['XLSX', 'CSV', 'DOCX'])`);
    await q.query(`ALTER TABLE export_job DROP CONSTRAINT export_job_format_fkey`);
    await q.query(`ALTER TABLE export_job ADD CONSTRAINT export_job_format_check CHECK (format IN ('XLSX', 'CSV', 'DOCX'))`);
    await q.query(`DROP TABLE export_format`);
  }
}
