import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Figures an org published by hand (e.g. "五老骨干占29%"), kept beside the data so the
 * platform can show where a published figure and the computed one disagree. Values are
 * numeric as published (a rate as a fraction, 0.29), so their precision is known.
 */
export class ReportedFigures1732000000100 implements MigrationInterface {
  name = 'ReportedFigures1732000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reported_figure (
        tenant_id      uuid    NOT NULL,
        id             uuid    NOT NULL,
        org_id         uuid    NOT NULL,
        period         text    NOT NULL CHECK (period ~ '^[0-9]{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$'),
        metric_key     text    NOT NULL CHECK (metric_key ~ '^[a-z][A-Za-z0-9]*$'),
        reported_value numeric NOT NULL,
        source         text    NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, org_id, period, metric_key),
        FOREIGN KEY (tenant_id, org_id) REFERENCES org (tenant_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reported_figure`);
  }
}
