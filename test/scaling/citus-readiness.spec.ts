import { createTestDatabase, TestDatabase } from '@ggw/testing';

/**
 * What sharding by tenant with Citus needs of the schema (infra/SCALING.md), read from the
 * catalogue of a migrated database: every table with a `tenant_id` is distributed by it (and
 * `role_assignment` by `org_tenant_id`, the tenant of the org a role is held at), so each of
 * its primary and unique keys must include that column, and each foreign key between two
 * distributed tables must pair the distribution columns (a row never points into another
 * tenant). The other tables are reference tables (copied to every node): a foreign key from a
 * distributed table to one is fine, one from a reference table to a distributed table is not.
 *
 * KNOWN lists any gap still open, with the change that closes it in SCALING.md; the test fails
 * on any other gap, and on a listed one that is gone (take it off the list), so the list stays
 * exact. It is empty: migration 1732000002100 closed the last three.
 */
const KNOWN: string[] = [];

/** Distributed tables whose distribution column is not `tenant_id`. */
const DISTRIBUTED_BY: Record<string, string> = { role_assignment: 'org_tenant_id' };

/** The reference tables: global, small, copied to every node (login_failure and rate_limit_bucket stay local to the coordinator). */
const REFERENCE_TABLES = ['app_user', 'export_format', 'login_failure', 'org_code_registry', 'rate_limit_bucket', 'rollup_catalogue', 'schema_migration'];

describe('the schema is ready to be sharded by tenant (Citus)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const columns = `(SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(%KEY%) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = %REL% AND a.attnum = k.attnum)`;

  it('names exactly the known gaps: every other key and foreign key includes tenant_id, none crosses tenants', async () => {
    const tables: Array<{ name: string; tenant: boolean }> = await db.dataSource.query(`
      SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS tenant
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`);
    const column = new Map(tables.filter((t) => t.tenant || DISTRIBUTED_BY[t.name]).map((t) => [t.name, DISTRIBUTED_BY[t.name] ?? 'tenant_id']));
    const distributed = new Set(column.keys());
    expect(tables.filter((t) => !distributed.has(t.name)).map((t) => t.name).sort()).toEqual(REFERENCE_TABLES);
    expect(distributed.size).toBeGreaterThan(25);

    const keys: Array<{ table: string; name: string; cols: string[] }> = await db.dataSource.query(`
      SELECT c.relname AS table, i.relname AS name, ${columns.replace('%KEY%', 'x.indkey').replace('%REL%', 'c.oid')} AS cols
        FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND x.indisunique`);
    const foreign: Array<{ table: string; name: string; target: string; cols: string[]; targetCols: string[] }> = await db.dataSource.query(`
      SELECT c.relname AS table, con.conname AS name, r.relname AS target,
             ${columns.replace('%KEY%', 'con.conkey').replace('%REL%', 'con.conrelid')} AS cols,
             ${columns.replace('%KEY%', 'con.confkey').replace('%REL%', 'con.confrelid')} AS "targetCols"
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE con.contype = 'f' AND n.nspname = 'public'`);
    expect(foreign.length).toBeGreaterThan(25);

    const gaps: string[] = [];
    for (const k of keys) {
      // an expression index has no column for some positions: it cannot hold the column there
      if (distributed.has(k.table) && !k.cols.includes(column.get(k.table)!)) gaps.push(`unique ${k.table}.${k.name} (${k.cols.join(',')})`);
    }
    for (const f of foreign) {
      if (distributed.has(f.table) && distributed.has(f.target)) {
        const at = f.cols.indexOf(column.get(f.table)!);
        if (at < 0 || f.targetCols[at] !== column.get(f.target)) gaps.push(`cross-tenant foreign key ${f.table}.${f.name} (${f.cols.join(',')}) → ${f.target} (${f.targetCols.join(',')})`);
      } else if (!distributed.has(f.table) && distributed.has(f.target)) {
        gaps.push(`reference foreign key ${f.table}.${f.name} → ${f.target}`);
      }
    }
    expect(gaps.sort()).toEqual(KNOWN);
  });
});

describe('what replaced the keys Citus cannot have', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ reference: true });
  });
  afterAll(() => db.drop());

  const sqlState = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params).then(() => 'ok', (e: { driverError?: { code?: string; constraint?: string } }) => `${e.driverError?.code} ${e.driverError?.constraint}`);
  const registryMatchesOrgs = async () => (await db.dataSource.query(`
    SELECT count(*)::int AS n FROM org o FULL JOIN org_code_registry r ON r.code = o.code AND r.org_tenant_id = o.tenant_id AND r.org_id = o.id
     WHERE o.id IS NULL OR r.code IS NULL`))[0].n === 0;

  it('keeps org codes unique nationally through the registry, in step with every insert, change and delete', async () => {
    expect(await registryMatchesOrgs()).toBe(true);
    const [other] = await db.dataSource.query(`SELECT tenant_id, id, path FROM org WHERE code = '220521'`);
    // 石湖村's code again, in another county: refused as the unique index refused it
    const insert = (code: string) => sqlState(`INSERT INTO org (tenant_id, id, parent_id, path, level, type, code, name, founded_on)
      VALUES ($1, gen_random_uuid(), $2, $3::ltree || $4::text, 'TOWNSHIP', 'TOWN', $4, '重码测试镇', '2020-01-01')`, [other.tenant_id, other.id, other.path, code]);
    expect(await insert('220582106201')).toBe('23505 org_code_unique');
    // refused whole: no org of that name came in, the code is still 石湖村's alone
    expect((await db.dataSource.query(`SELECT count(*)::int AS n FROM org WHERE name = '重码测试镇' OR code = '220582106201'`))[0].n).toBe(1);
    expect(await insert('220521199')).toBe('ok');
    await db.dataSource.query(`UPDATE org SET code = '220521198', path = subpath(path, 0, nlevel(path) - 1) || '220521198' WHERE code = '220521199'`);
    expect(await insert('220521199')).toBe('ok');
    expect(await sqlState(`UPDATE org SET name = name || '' WHERE tenant_id = $1`, [other.tenant_id])).toBe('ok');
    expect(await registryMatchesOrgs()).toBe(true);
    await db.dataSource.query(`DELETE FROM org WHERE code IN ('220521198', '220521199')`);
    expect(await registryMatchesOrgs()).toBe(true);
    expect(await insert('220521198')).toBe('ok');
  });

  it('checks a user\'s home org as the foreign key did', async () => {
    const [town] = await db.dataSource.query(`SELECT tenant_id, id, path FROM org WHERE code = '220582106'`);
    const [home] = await db.dataSource.query(`INSERT INTO org (tenant_id, id, parent_id, path, level, type, code, name, founded_on)
      VALUES ($1, gen_random_uuid(), $2, $3::ltree || '220582106299'::text, 'VILLAGE', 'VILLAGE', '220582106299', '新家村', '2020-01-01') RETURNING tenant_id, id`, [town.tenant_id, town.id, town.path]);
    const add = (org: string) => sqlState(`INSERT INTO app_user (id, username, display_name, home_tenant_id, home_org_id) VALUES (gen_random_uuid(), 'home-' || md5(random()::text), '测试', $1, $2)`, [home.tenant_id, org]);
    expect(await add('00000000-0000-0000-0000-000000000001')).toBe('23503 app_user_home');
    expect(await add(home.id)).toBe('ok');
    // an org that is someone's home cannot go (only the owner deletes orgs at all)
    expect(await sqlState(`DELETE FROM org WHERE tenant_id = $1 AND id = $2`, [home.tenant_id, home.id])).toBe('23503 app_user_home');
    await db.dataSource.query(`DELETE FROM app_user WHERE home_org_id = $1`, [home.id]);
    expect(await sqlState(`DELETE FROM org WHERE tenant_id = $1 AND id = $2`, [home.tenant_id, home.id])).toBe('ok');
  });
});
