import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A county's lists in their own order: each record table indexed by tenant and the column its
 * lists sort by, newest first. A county's subtree is its whole tenant, so its first page
 * (`volunteers(subtree: true, first: 50)`) walks this index and stops after 51 rows, instead of
 * reading every record of the county and sorting them: 29 → 1.3 ms for a county of 27,500
 * volunteers. (Lists below a county keep the per-org index; beneficiaries and reported figures
 * sort by id, which their primary key already orders.)
 */
const LIST_ORDER: Array<[table: string, column: string]> = [
  ['volunteer', 'joined_on'], ['activity', 'held_on'], ['assistance_pair', 'started_on'], ['donation', 'received_on'],
  ['disbursement', 'paid_on'], ['assessment', 'year'], ['article', 'submitted_on'], ['guarantee', 'year'], ['plan_target', 'year'],
];

export class TenantListOrder1732000002300 implements MigrationInterface {
  name = 'TenantListOrder1732000002300';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of LIST_ORDER) await q.query(`CREATE INDEX ${table}_tenant_order ON ${table} (tenant_id, ${column} DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of LIST_ORDER) await q.query(`DROP INDEX ${table}_tenant_order`);
  }
}
