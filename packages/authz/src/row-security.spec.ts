import { DataSource } from 'typeorm';
import { addSyntheticCounty, DatasetBuilder, DEMO_USERS, insertDataset, Random, tablesOwnedByAppRole, unprotectedTenantTables } from '@ggw/db';
import { OrgLevel, OrgType, stableId } from '@ggw/domain';
import { createTestDatabase, TestDatabase } from '@ggw/testing';

/**
 * The database's guarantee, tested as the application role itself: even a plain SELECT or
 * INSERT with no API in front sees and changes only what the viewer's scopes allow.
 */
describe('row-level security as the application role', () => {
  let db: TestDatabase;
  let app: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase({ reference: true });
    app = await db.appDataSource();
  });
  afterAll(() => db.drop());

  const userId = (username: (typeof DEMO_USERS)[number]['username']) => stableId('user', username);
  const orgId = async (code: string) => (await db.dataSource.query('SELECT id, tenant_id FROM org WHERE code = $1', [code]))[0];

  /** Runs `work` in a transaction as ggw_app with a user's scopes (or none), always rolled back. */
  async function as<T>(username: (typeof DEMO_USERS)[number]['username'] | null, work: (q: (sql: string, p?: unknown[]) => Promise<any[]>) => Promise<T>): Promise<T> {
    const runner = app.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      if (username) await runner.query('SELECT * FROM ggw_apply_scopes($1)', [userId(username)]);
      return await work((sql, p) => runner.query(sql, p));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }
  const count = (q: (sql: string, p?: unknown[]) => Promise<any[]>, sql: string, p?: unknown[]) => q(sql, p).then((r) => Number(r[0].n));
  const volunteersOf = `SELECT count(*) AS n FROM volunteer WHERE org_id = (SELECT id FROM org WHERE code = $1)`;

  it('connects as a role that owns no table', async () => {
    const [{ current_user: who }] = await app.query('SELECT current_user');
    expect(who).toBe('ggw_app');
    expect(await tablesOwnedByAppRole(db.dataSource)).toEqual([]);
  });

  it('shows a village editor its own village and nothing of another village', async () => {
    const [own, other] = await as('shihu-editor', async (q) => [await count(q, volunteersOf, ['220582106201']), await count(q, volunteersOf, ['220582106202'])]);
    expect(own).toBeGreaterThan(0);
    expect(other).toBe(0);
    // the owner sees that the other village does have volunteers
    expect(Number((await db.dataSource.query(volunteersOf, ['220582106202']))[0].n)).toBeGreaterThan(0);
  });

  it('refuses an INSERT into another county, and accepts one into the own village', async () => {
    const village2 = await orgId('220521101201');
    await expect(as('shihu-editor', (q) => q(
      `INSERT INTO volunteer (tenant_id, id, org_id, name, category, is_core, joined_on) VALUES ($1, gen_random_uuid(), $2, '越权', 'CADRE', false, '2022-01-01')`,
      [village2.tenant_id, village2.id],
    ))).rejects.toThrow(/row-level security/);
    const own = await orgId('220582106201');
    await expect(as('shihu-editor', (q) => q(
      `INSERT INTO volunteer (tenant_id, id, org_id, name, category, is_core, joined_on) VALUES ($1, gen_random_uuid(), $2, '本村', 'CADRE', false, '2022-01-01') RETURNING id`,
      [own.tenant_id, own.id],
    ))).resolves.toHaveLength(1);
  });

  it('lets a village editor change or delete no record of another village, in any record table, and a viewer none at all', async () => {
    const tables = ['assessment', 'guarantee', 'volunteer', 'beneficiary', 'assistance_pair', 'activity', 'donation', 'disbursement', 'plan_target', 'article', 'reported_figure'];
    const others = `org_id <> (SELECT id FROM org WHERE code = '220582106201')`;
    for (const [user, where] of [['shihu-editor', others], ['tonghua-viewer', 'true']] as const) {
      const changed = await as(user, async (q) => {
        let n = 0;
        for (const t of tables) {
          // as a SELECT: the counts of rows the statements reached (TypeORM answers a bare UPDATE with a pair)
          const [{ u }] = await q(`WITH x AS (UPDATE ${t} SET version = version WHERE ${where} RETURNING 1) SELECT count(*)::int AS u FROM x`);
          const [{ d }] = await q(`WITH x AS (DELETE FROM ${t} WHERE ${where} AND NOT EXISTS (SELECT 1 FROM assistance_pair p WHERE p.volunteer_id = ${t}.id OR p.beneficiary_id = ${t}.id) RETURNING 1) SELECT count(*)::int AS d FROM x`);
          n += u + d;
        }
        return n;
      });
      expect({ user, changed }).toEqual({ user, changed: 0 });
    }
    // the owner sees there was plenty to change
    expect(Number((await db.dataSource.query(`SELECT count(*) AS n FROM activity WHERE ${others}`))[0].n)).toBeGreaterThan(0);
  });

  it('shows nothing at all without scopes (deny by default)', async () => {
    // every tenant table the application role may read at all (rollup_own too: a submission freezes the org's own sums)
    const tables: Array<{ t: string }> = await db.dataSource.query(`
      SELECT DISTINCT c.relname AS t FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
       WHERE a.attname = 'tenant_id' AND c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
         AND has_table_privilege('ggw_app', c.oid, 'SELECT')`);
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.map(({ t }) => t)).toContain('rollup_subtree');
    expect(tables.map(({ t }) => t)).toContain('rollup_own');
    const counts = await as(null, async (q) => {
      // one connection runs one statement at a time
      const out: Array<readonly [string, number]> = [];
      for (const { t } of tables) out.push([t, await count(q, `SELECT count(*) AS n FROM ${t}`)]);
      return out;
    });
    expect(counts.filter(([, n]) => n > 0)).toEqual([]);
  });

  it('lets the city viewer read both counties but write nothing', async () => {
    const [jian, tonghua] = await as('tonghua-viewer', async (q) => [await count(q, volunteersOf, ['220582106201']), await count(q, volunteersOf, ['220521101201'])]);
    expect(jian).toBeGreaterThan(0);
    expect(tonghua).toBeGreaterThan(0);
    const village = await orgId('220582106201');
    await expect(as('tonghua-viewer', (q) => q(
      `INSERT INTO volunteer (tenant_id, id, org_id, name, category, is_core, joined_on) VALUES ($1, gen_random_uuid(), $2, '只读', 'CADRE', false, '2022-01-01')`,
      [village.tenant_id, village.id],
    ))).rejects.toThrow(/row-level security/);
  });

  it('shows a county admin its ancestors (breadcrumb) but not the neighbouring county', async () => {
    const codes = await as('jian-admin', async (q) => (await q(`SELECT code FROM org WHERE code IN ('220000', '220500', '220521', '220521101')`)).map((r) => r.code).sort());
    expect(codes).toEqual(['220000', '220500']);
  });

  it('keeps a township admin inside its township', async () => {
    const [own, sibling] = await as('taishang-admin', async (q) => [
      await count(q, `SELECT count(*) AS n FROM org WHERE path <@ '220000.220500.220582.220582101'`),
      await count(q, `SELECT count(*) AS n FROM activity a JOIN org o ON o.id = a.org_id WHERE o.code LIKE '220582103%'`),
    ]);
    expect(own).toBeGreaterThan(5);
    expect(sibling).toBe(0);
  });
});

describe('the catalog check', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('finds every tenant-owned table protected', async () => {
    expect(await unprotectedTenantTables(db.dataSource)).toEqual([]);
  });

  it('keeps row-level security forced on the shared tables too (login failures, rate buckets, the org code registry, export formats)', async () => {
    const shared = ['export_format', 'login_failure', 'org_code_registry', 'rate_limit_bucket'];
    const rows: Array<{ name: string; enabled: boolean; forced: boolean }> = await db.dataSource.query(
      `SELECT relname AS name, relrowsecurity AS enabled, relforcerowsecurity AS forced FROM pg_class
        WHERE relname = ANY ($1) ORDER BY 1`, [shared],
    );
    expect(rows).toEqual(shared.map((name) => ({ name, enabled: true, forced: true })));
    const app = await db.appDataSource();
    expect((await app.query('SELECT format FROM export_format ORDER BY 1')).map((r: { format: string }) => r.format)).toEqual(['CSV', 'DOCX', 'XLSX']);
    await expect(app.query(`INSERT INTO export_format VALUES ('PDF')`)).rejects.toThrow(/permission denied/);
    for (const table of ['login_failure', 'org_code_registry', 'rate_limit_bucket']) {
      await expect(app.query(`SELECT * FROM ${table}`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
    }
    expect((await db.dataSource.query('SELECT count(*)::int AS n FROM export_format'))[0].n).toBe(3);
  });

  it('names a new tenant-owned table that has no policy', async () => {
    await db.dataSource.query(`CREATE TABLE new_tenant_table (tenant_id uuid NOT NULL, id uuid PRIMARY KEY)`);
    expect(await unprotectedTenantTables(db.dataSource)).toEqual(['new_tenant_table']);
    await db.dataSource.query(`SELECT ggw_protect_table('new_tenant_table')`);
    expect(await unprotectedTenantTables(db.dataSource)).toEqual([]);
  });
});

describe('row-level security for a viewer of many tenants (the policies\' set form)', () => {
  let db: TestDatabase;
  let app: DataSource;
  const viewer = stableId('user', 'many-tenants-viewer');
  beforeAll(async () => {
    db = await createTestDatabase();
    // a province of 20 counties (21 tenants with the city: more than the array form takes) and another province of 2
    const b = new DatasetBuilder();
    const provinces = [b.org(null, { code: '710000', name: '甲省', level: OrgLevel.PROVINCE, type: OrgType.PROVINCE }), b.org(null, { code: '720000', name: '乙省', level: OrgLevel.PROVINCE, type: OrgType.PROVINCE })];
    provinces.forEach((p, i) => {
      const city = b.org(p, { code: `7${i + 1}0100`, name: `${p.name}市`, level: OrgLevel.CITY, type: OrgType.CITY });
      for (let k = 1; k <= (i === 0 ? 20 : 2); k++) {
        addSyntheticCounty(b, new Random(i * 100 + k), city, { code: `7${i + 1}01${String(k).padStart(2, '0')}`, name: `${p.name}县${k}`, townships: 1, villagesPerTownship: 2, years: [2020], volunteersPerOrg: 3, activitiesPerOrg: 1 });
      }
    });
    await db.dataSource.transaction((tx) => insertDataset(tx, b.data));
    await db.dataSource.query(`INSERT INTO app_user (id, username, display_name) VALUES ($1, 'many-tenants-viewer', '多租户查看员')`, [viewer]);
    await db.dataSource.query(`INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role) SELECT $1, tenant_id, id, 'VIEWER' FROM org WHERE code = '710000'`, [viewer]);
    app = await db.appDataSource();
  });
  afterAll(() => db.drop());

  it('lets through exactly the rows the array form did, on every table, and none of the other province', async () => {
    const runner = app.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query('SELECT * FROM ggw_apply_scopes($1)', [viewer]);
      const [{ settings }] = await runner.query(`SELECT json_build_object('ggw.read_tenants', current_setting('ggw.read_tenants'), 'ggw.read_orgs', current_setting('ggw.read_orgs'),
        'ggw.partial_tenants', current_setting('ggw.partial_tenants'), 'ggw.read_paths', current_setting('ggw.read_paths')) AS settings`);
      expect(settings['ggw.read_tenants'].length).toBeGreaterThan(16 * 37 + 8);
      const tables: Array<{ name: string; org: boolean }> = await db.dataSource.query(`
        SELECT p.tablename AS name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_name = p.tablename AND c.column_name = 'org_id') AS org
          FROM pg_policies p WHERE p.policyname = 'scope_read' AND p.qual LIKE '%ggw_setting_set%' ORDER BY 1`);
      expect(tables.length).toBeGreaterThan(25);
      // the owner counts with the array form, under the same settings
      const owner = db.dataSource.createQueryRunner();
      await owner.connect();
      await owner.startTransaction();
      try {
        for (const [name, value] of Object.entries(settings)) await owner.query(`SELECT set_config($1, $2, true)`, [name, value]);
        for (const t of tables) {
          const own = t.name === 'org' ? 'id' : t.org ? 'org_id' : null;
          const arrayForm = `tenant_id = ANY (ggw_setting_uuids('ggw.read_tenants')) OR ${own ? `${own} = ANY (ggw_setting_uuids('ggw.read_orgs'))` : `tenant_id = ANY (ggw_setting_uuids('ggw.partial_tenants'))`}${t.name === 'org' ? ` OR path @> ggw_setting_paths('ggw.read_paths')` : ''}`;
          const [{ n: expected }] = await owner.query(`SELECT count(*)::int AS n FROM ${t.name} WHERE ${arrayForm}`);
          const [{ n: seen }] = await runner.query(`SELECT count(*)::int AS n FROM ${t.name}`);
          expect({ table: t.name, seen }).toEqual({ table: t.name, seen: expected });
        }
        const [{ n: volunteers }] = await runner.query(`SELECT count(*)::int AS n FROM volunteer`);
        const [{ n: ofProvince }] = await owner.query(`SELECT count(*)::int AS n FROM volunteer v JOIN org o ON o.tenant_id = v.tenant_id AND o.id = v.org_id WHERE o.path <@ '710000'`);
        expect(volunteers).toBeGreaterThan(0);
        expect(volunteers).toBe(ofProvince);
        const [{ n: other }] = await runner.query(`SELECT count(*)::int AS n FROM org WHERE path <@ '720000'`);
        expect(other).toBe(0);
      } finally {
        await owner.rollbackTransaction();
        await owner.release();
      }
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
