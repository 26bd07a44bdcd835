import { MigrationInterface, QueryRunner } from 'typeorm';
import { applyScopesFunction, REACH_EVERY_ORG } from './1732000000200-auth-and-row-security';

/**
 * A role at a province, city or county is scoped by the tenants below it, so it needs only the
 * orgs that are tenants (provinces, cities, counties), not every org of its subtree: a
 * province viewer's scopes took 20-35 ms per request walking 22,000 orgs, and now take about a
 * millisecond through a partial index of the tenant roots. Roles at townships and villages still
 * list their (small) subtrees' orgs. The settings made are the same.
 */
const REACH_TENANT_ROOTS = `reach AS (
          SELECT o.id, o.level AS org_level, m.level AS role_level, m.role, m.tenant_id AS role_tenant
            FROM mine m JOIN org o ON o.path <@ m.path AND o.level IN ('PROVINCE', 'CITY', 'COUNTY')
           WHERE m.level = ANY (whole)
          UNION ALL
          SELECT o.id, o.level, m.level, m.role, m.tenant_id
            FROM mine m JOIN org o ON o.path <@ m.path
           WHERE m.level <> ALL (whole)),`;

const replace = (reach: string) => applyScopesFunction(reach).replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION');

export class ScopesFromTenantRoots1732000000400 implements MigrationInterface {
  name = 'ScopesFromTenantRoots1732000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX org_tenant_roots ON org USING gist (path) WHERE level IN ('PROVINCE', 'CITY', 'COUNTY')`);
    await q.query(replace(REACH_TENANT_ROOTS));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(replace(REACH_EVERY_ORG));
    await q.query(`DROP INDEX org_tenant_roots`);
  }
}
