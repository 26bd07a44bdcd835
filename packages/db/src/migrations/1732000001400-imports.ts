import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreadsheet imports: one row per upload that was checked (a dry run) or imported, with who,
 * when, the file's name and SHA-256, what it would do or did (rows created, updated, left
 * unchanged) and its problems. The records an import writes carry the import's id as the
 * audit trail's request id. Readable like the org it was made for; written by its writers.
 */
export class Imports1732000001400 implements MigrationInterface {
  name = 'Imports1732000001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_job (
        tenant_id   uuid        NOT NULL,
        id          uuid        NOT NULL,
        org_id      uuid        NOT NULL,
        user_id     uuid        NOT NULL REFERENCES app_user (id),
        kind        text        NOT NULL,
        file_name   text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes  int         NOT NULL CHECK (size_bytes >= 0),
        dry_run     boolean     NOT NULL,
        status      text        NOT NULL CHECK (status IN ('CHECKED', 'IMPORTED', 'REJECTED')),
        row_count   int         NOT NULL DEFAULT 0,
        created     int         NOT NULL DEFAULT 0,
        updated     int         NOT NULL DEFAULT 0,
        unchanged   int         NOT NULL DEFAULT 0,
        problem_count int       NOT NULL DEFAULT 0,
        problems    jsonb       NOT NULL DEFAULT '[]',
        -- the file given back with a 错误 column and the bad cells marked (when it had problems)
        error_file  bytea,
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, org_id) REFERENCES org (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX import_job_org ON import_job (tenant_id, org_id, created_at DESC, id)`);
    await q.query(`SELECT ggw_protect_table('import_job')`);
    // a history: never changed or removed by the application
    await q.query(`REVOKE UPDATE, DELETE ON import_job FROM ggw_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_job`);
  }
}
