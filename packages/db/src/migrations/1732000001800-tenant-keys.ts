import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keys that include the tenant, as sharding by tenant needs (infra/SCALING.md): an org's one
 * current link, and a user's client mutation ids. Nothing changes in what they allow: an org id
 * belongs to one tenant, and a retried create is still found by user and id alone (the new
 * plain index), before the key is ever reached.
 */
export class TenantKeys1732000001800 implements MigrationInterface {
  name = 'TenantKeys1732000001800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX org_link_current`);
    await q.query(`CREATE UNIQUE INDEX org_link_current ON org_link (tenant_id, org_id) WHERE valid_to IS NULL`);
    await q.query(`ALTER TABLE client_mutation DROP CONSTRAINT client_mutation_pkey`);
    await q.query(`ALTER TABLE client_mutation ADD PRIMARY KEY (tenant_id, user_id, client_mutation_id)`);
    await q.query(`CREATE INDEX client_mutation_user ON client_mutation (user_id, client_mutation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX client_mutation_user`);
    await q.query(`ALTER TABLE client_mutation DROP CONSTRAINT client_mutation_pkey`);
    await q.query(`ALTER TABLE client_mutation ADD PRIMARY KEY (user_id, client_mutation_id)`);
    await q.query(`DROP INDEX org_link_current`);
    await q.query(`CREATE UNIQUE INDEX org_link_current ON org_link (org_id) WHERE valid_to IS NULL`);
  }
}
