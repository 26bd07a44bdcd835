import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { runAsUser } from '@ggw/authz';
import { createTestDatabase, TestDatabase } from '@ggw/testing';
import { addSyntheticCounty, DatasetBuilder, DEMO_USERS, insertDataset, Random } from '@ggw/db';
import { OrgLevel, OrgRecord, parsePeriod, previousYear, stableId } from '@ggw/domain';
import { computeRollups, rebuildRollupAggregates, rollupAggregateDrift, SUM_METRICS, syncRollupAggregates } from '@ggw/rollup';

/**
 * The aggregates the triggers keep must always equal what the records give: after any write
 * of any kind (records, beneficiaries, criteria, orgs founded, dissolved or moved), under
 * concurrent writers, after a catalogue change, and whoever writes.
 */
describe('roll-up aggregates kept in the writing transaction', () => {
  let db: TestDatabase;
  let run = 0;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);

  async function randomCounty(seed: number, townships: number, villages: number): Promise<OrgRecord[]> {
    const b = new DatasetBuilder();
    addSyntheticCounty(b, new Random(seed), null, {
      code: String(500000 + ++run), name: `随机县${run}`, townships, villagesPerTownship: villages, years: [2019, 2020],
      volunteersPerOrg: 3, activitiesPerOrg: 2, pairsPerOrg: 1, donationsPerOrg: 1,
    });
    await db.dataSource.transaction((tx) => insertDataset(tx, b.data));
    return b.data.org;
  }

  /** Every figure of every org of a tenant, from the aggregates and from the records, for a period and a year earlier. */
  async function bothReaders(tenantId: string, periodKey: string) {
    const ids: string[] = (await q(`SELECT id FROM org WHERE tenant_id = $1`, [tenantId])).map((r: { id: string }) => r.id);
    const p = parsePeriod(periodKey);
    const read = (reader: 'aggregates' | 'records') =>
      computeRollups(db.dataSource.manager, [{ kind: 'orgs', ids }], [p, previousYear(p)], SUM_METRICS, reader)
        .then((rows) => Object.fromEntries(rows.map((r) => [r.org.code, r.sums])));
    return { aggregates: await read('aggregates'), records: await read('records') };
  }

  const day = fc.integer({ min: 0, max: 3 * 365 }).map((d) => new Date(Date.UTC(2018, 0, 1) + d * 86400000).toISOString().slice(0, 10));
  const pick = fc.integer({ min: 0, max: 1_000_000 });

  /** One write of some kind, at an org chosen by `n` among the tenant's; returns nothing, changes the database. */
  const writes = [
    fc.record({ n: pick, joined: day, months: fc.integer({ min: 0, max: 30 }), core: fc.boolean() }).map((w) => async (t: string) => {
      await q(`INSERT INTO volunteer (tenant_id, id, org_id, name, category, is_core, joined_on, left_on)
               SELECT $1, gen_random_uuid(), id, '新志愿者', 'TEACHER', $3, $4::date, CASE WHEN $5 > 0 THEN $4::date + $5 * 20 END
                 FROM org WHERE tenant_id = $1 ORDER BY id OFFSET $2 % (SELECT count(*) FROM org WHERE tenant_id = $1) LIMIT 1`,
      [t, w.n, w.core, w.joined, w.months]);
    }),
    fc.record({ n: pick, left: day }).map((w) => async (t: string) => {
      await q(`UPDATE volunteer SET left_on = greatest($3::date, joined_on + 1), is_core = NOT is_core
                WHERE tenant_id = $1 AND id = (SELECT id FROM volunteer WHERE tenant_id = $1 ORDER BY id OFFSET $2 % greatest(1, (SELECT count(*) FROM volunteer WHERE tenant_id = $1)) LIMIT 1)`,
      [t, w.n, w.left]);
    }),
    fc.record({ n: pick }).map((w) => async (t: string) => {
      await q(`DELETE FROM volunteer v WHERE tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM assistance_pair p WHERE p.tenant_id = v.tenant_id AND p.volunteer_id = v.id)
                 AND id = (SELECT id FROM volunteer WHERE tenant_id = $1 ORDER BY id OFFSET $2 % greatest(1, (SELECT count(*) FROM volunteer WHERE tenant_id = $1)) LIMIT 1)`, [t, w.n]);
    }),
    fc.record({ n: pick, held: day, sessions: fc.integer({ min: 0, max: 5 }) }).map((w) => async (t: string) => {
      await q(`INSERT INTO activity (tenant_id, id, org_id, held_on, theme, title, sessions, participants, youth_reached)
               SELECT $1, gen_random_uuid(), id, $3, 'PATRIOTISM', '新活动', $4, $4 * 10, $4 * 7
                 FROM org WHERE tenant_id = $1 ORDER BY id OFFSET $2 % (SELECT count(*) FROM org WHERE tenant_id = $1) LIMIT 1`, [t, w.n, w.held, w.sessions]);
    }),
    fc.record({ n: pick, held: day }).map((w) => async (t: string) => {
      // moves activities to another date and theme, several rows of several orgs in one statement
      await q(`UPDATE activity SET held_on = $3, theme = 'LECTURE' WHERE tenant_id = $1 AND (hashtext(id::text)::bigint + $2) % 5 = 0`, [t, w.n, w.held]);
    }),
    fc.record({ n: pick }).map((w) => async (t: string) => {
      await q(`DELETE FROM activity WHERE tenant_id = $1 AND (hashtext(id::text)::bigint + $2) % 7 = 0`, [t, w.n]);
    }),
    fc.record({ n: pick, on: day, yuan: fc.integer({ min: 1, max: 99999 }) }).map((w) => async (t: string) => {
      await q(`INSERT INTO donation (tenant_id, id, org_id, received_on, donor_kind, donor_name, form, amount_yuan, restricted_purpose)
               SELECT $1, gen_random_uuid(), id, $3, 'VETERAN', '王*', 'MONEY', $4 / 100.0, 'SCHOLARSHIP'
                 FROM org WHERE tenant_id = $1 ORDER BY id OFFSET $2 % (SELECT count(*) FROM org WHERE tenant_id = $1) LIMIT 1`, [t, w.n, w.on, w.yuan]);
    }),
    fc.record({ n: pick }).map((w) => async (t: string) => {
      await q(`UPDATE assessment SET met = NOT met WHERE tenant_id = $1 AND (hashtext(id::text)::bigint + $2) % 4 = 0`, [t, w.n]);
    }),
    fc.constant(async (t: string) => {
      // a sixth criterion for the tenant: nobody meets all of them until assessed on it
      await q(`INSERT INTO assessment_criterion (tenant_id, key, name, position) VALUES ($1, 'INNOVATION', '积极探索创新好', 6) ON CONFLICT DO NOTHING`, [t]);
    }),
    fc.record({ n: pick }).map((w) => async (t: string) => {
      await q(`UPDATE beneficiary SET category = CASE category WHEN 'YOUNG_FARMER' THEN 'POOR_STUDENT' ELSE 'YOUNG_FARMER' END
                WHERE tenant_id = $1 AND (hashtext(id::text)::bigint + $2) % 3 = 0`, [t, w.n]);
    }),
    fc.record({ n: pick, on: day }).map((w) => async (t: string) => {
      await q(`UPDATE assistance_pair SET ended_on = greatest($3::date, started_on + 1) WHERE tenant_id = $1 AND (hashtext(id::text)::bigint + $2) % 3 = 0`, [t, w.n, w.on]);
    }),
    fc.record({ n: pick, status: fc.constantFrom('DRAFT', 'SUBMITTED', 'APPROVED') }).map((w) => async (t: string) => {
      await q(`UPDATE report SET status = $3 WHERE tenant_id = $1 AND (hashtext(id::text)::bigint + $2) % 3 = 0`, [t, w.n, w.status]);
    }),
    fc.record({ n: pick, founded: day }).map((w) => async (t: string) => {
      // a new village under some township
      await q(`INSERT INTO org (tenant_id, id, parent_id, path, level, type, code, name, founded_on)
               SELECT $1, gen_random_uuid(), id, path || ('N' || $2::text), 'VILLAGE', 'VILLAGE', 'N' || $2::text, '新村', $3
                 FROM org WHERE tenant_id = $1 AND level = 'TOWNSHIP' ORDER BY id OFFSET $2::int % (SELECT count(*) FROM org WHERE tenant_id = $1 AND level = 'TOWNSHIP') LIMIT 1
               ON CONFLICT DO NOTHING`, [t, w.n, w.founded]);
    }),
    fc.constant(async (t: string) => {
      // a village founded here by mistake is deleted (only records of these kinds are added above)
      await q(`DELETE FROM org o WHERE tenant_id = $1 AND code LIKE 'N%'
                 AND NOT EXISTS (SELECT 1 FROM volunteer r WHERE r.tenant_id = o.tenant_id AND r.org_id = o.id)
                 AND NOT EXISTS (SELECT 1 FROM activity r WHERE r.tenant_id = o.tenant_id AND r.org_id = o.id)
                 AND NOT EXISTS (SELECT 1 FROM donation r WHERE r.tenant_id = o.tenant_id AND r.org_id = o.id)`, [t]);
    }),
    fc.record({ n: pick, on: day }).map((w) => async (t: string) => {
      await q(`UPDATE org SET dissolved_on = greatest($3::date, founded_on + 1)
                WHERE tenant_id = $1 AND level = 'VILLAGE' AND id = (SELECT id FROM org WHERE tenant_id = $1 AND level = 'VILLAGE' ORDER BY id OFFSET $2 % (SELECT count(*) FROM org WHERE tenant_id = $1 AND level = 'VILLAGE') LIMIT 1)`,
      [t, w.n, w.on]);
    }),
    fc.record({ n: pick, m: pick }).map((w) => async (t: string) => {
      // a village moves to another township: its sums leave the old township for the new one
      await q(`WITH v AS (SELECT * FROM org WHERE tenant_id = $1 AND level = 'VILLAGE' ORDER BY id OFFSET $2 % (SELECT count(*) FROM org WHERE tenant_id = $1 AND level = 'VILLAGE') LIMIT 1),
                    t AS (SELECT * FROM org WHERE tenant_id = $1 AND level = 'TOWNSHIP' ORDER BY id OFFSET $3 % (SELECT count(*) FROM org WHERE tenant_id = $1 AND level = 'TOWNSHIP') LIMIT 1)
               UPDATE org o SET parent_id = t.id, path = t.path || o.code FROM v, t WHERE o.tenant_id = $1 AND o.id = v.id AND v.parent_id <> t.id`, [t, w.n, w.m]);
    }),
  ];

  it('equal the records after random writes of every kind, for any period', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 30 }), fc.array(fc.oneof(...writes), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('2020', '2019', '2020Q1', '2019Q4', '2020-02', '2018-12', '2021'),
        async (seed, steps, period) => {
          const orgs = await randomCounty(seed, 3, 3);
          const tenant = orgs[0].tenantId;
          for (const step of steps) await step(tenant);
          expect(await rollupAggregateDrift(db.dataSource.manager)).toBe(0);
          const { aggregates, records } = await bothReaders(tenant, period);
          expect(aggregates).toEqual(records);
        }),
      { numRuns: 20 },
    );
  }, 240_000);

  it('stay right when two transactions write the same village and its township at once', async () => {
    const orgs = await randomCounty(7, 2, 2);
    const village = orgs.find((o) => o.level === OrgLevel.VILLAGE)!;
    const sibling = orgs.find((o) => o.level === OrgLevel.VILLAGE && o.parentId === village.parentId && o.id !== village.id)!;
    const insert = `INSERT INTO volunteer (tenant_id, id, org_id, name, category, is_core, joined_on) VALUES ($1, gen_random_uuid(), $2, '并发', 'CADRE', true, '2020-03-01')`;
    // three connections of their own
    const [a, b, c] = [db.dataSource.createQueryRunner(), db.dataSource.createQueryRunner(), db.dataSource.createQueryRunner()];
    await Promise.all([a.connect(), b.connect(), c.connect()]);
    try {
      for (const x of [a, b, c]) await x.query('BEGIN');
      await a.query(insert, [village.tenantId, village.id]);
      // b writes the same village (its refresh waits for a's), c a sibling (its township's and
      // county's rows wait for a's); each commits as soon as its write is through
      const done = [
        b.query(insert, [village.tenantId, village.id]).then(() => b.query('COMMIT')),
        c.query(insert, [sibling.tenantId, sibling.id]).then(() => c.query('COMMIT')),
      ];
      await new Promise((r) => setTimeout(r, 200));
      await a.query('COMMIT');
      await Promise.all(done);
    } finally {
      await Promise.all([a.release(), b.release(), c.release()]);
    }
    expect(await rollupAggregateDrift(db.dataSource.manager)).toBe(0);
    const { aggregates, records } = await bothReaders(village.tenantId, '2020');
    expect(aggregates).toEqual(records);
  });

  it('are rebuilt after a TRUNCATE, which no row trigger sees', async () => {
    const orgs = await randomCounty(11, 1, 2);
    await q('TRUNCATE disbursement');
    expect(await rollupAggregateDrift(db.dataSource.manager)).toBe(0);
    const { aggregates, records } = await bothReaders(orgs[0].tenantId, '2020');
    expect(aggregates).toEqual(records);
  });

  it('are reinstalled and recomputed when the catalogue changes, and a drift is seen and repaired', async () => {
    await randomCounty(13, 1, 1);
    expect(await syncRollupAggregates(db.dataSource)).toBe(false);
    await q(`UPDATE rollup_catalogue SET fingerprint = 'an older catalogue'`);
    expect(await syncRollupAggregates(db.dataSource)).toBe(true);
    expect(await rollupAggregateDrift(db.dataSource.manager)).toBe(0);
    await q(`UPDATE rollup_subtree SET v[1] = v[1] + 1 WHERE ctid = (SELECT ctid FROM rollup_subtree WHERE source = 'volunteer' LIMIT 1)`);
    expect(await rollupAggregateDrift(db.dataSource.manager)).toBe(1);
    await rebuildRollupAggregates(db.dataSource.manager);
    expect(await rollupAggregateDrift(db.dataSource.manager)).toBe(0);
  });
});

describe('roll-up aggregates and the application role', () => {
  let db: TestDatabase;
  let app: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase({ reference: true });
    app = await db.appDataSource();
  });
  afterAll(() => db.drop());

  /** Runs `work` as ggw_app with a demo user's scopes, committed when it returns. */
  const as = <T>(username: (typeof DEMO_USERS)[number]['username'], work: (q: (sql: string, p?: unknown[]) => Promise<any[]>) => Promise<T>) =>
    runAsUser(app, stableId('user', username), (m) => work((sql, p) => m.query(sql, p)));
  const countyVolunteers = async () => {
    // 2020's reports are approved (locked): the write goes to 2021
    const p = parsePeriod('2021');
    const [jian] = await db.dataSource.query(`SELECT id FROM org WHERE code = '220582'`);
    const [row] = await computeRollups(db.dataSource.manager, [{ kind: 'orgs', ids: [jian.id] }], [p], SUM_METRICS.filter((m) => m.key === 'volunteerCount'));
    return row.sums[0].volunteerCount;
  };

  it("lets a village editor's write reach the county's totals, which the editor cannot write itself", async () => {
    const before = await countyVolunteers();
    await as('shihu-editor', (q) => q(
      `INSERT INTO volunteer (tenant_id, id, org_id, name, category, is_core, joined_on)
       SELECT tenant_id, gen_random_uuid(), id, '新人', 'SOLDIER', false, '2021-06-01' FROM org WHERE code = '220582106201'`));
    expect(await countyVolunteers()).toBe(before + 1);
    expect(await rollupAggregateDrift(db.dataSource.manager)).toBe(0);
  });

  it('refuses the application role any write to the aggregates and any call of their functions', async () => {
    const attempts = [
      `UPDATE rollup_subtree SET v = v`,
      `INSERT INTO rollup_subtree SELECT * FROM rollup_subtree LIMIT 1`,
      `DELETE FROM rollup_subtree`,
      `UPDATE rollup_own SET v = v`,
      `DELETE FROM rollup_own`,
      `SELECT ggw_rollup_rebuild()`,
      `SELECT ggw_rollup_refresh_volunteer(ARRAY[gen_random_uuid()], ARRAY[gen_random_uuid()], ARRAY[NULL::text])`,
    ];
    for (const sql of attempts) {
      await expect(as('jian-admin', (q) => q(sql))).rejects.toThrow(/permission denied/);
    }
  });

  it("shows a township admin the aggregates of its own subtree only", async () => {
    const [visible, all] = await as('taishang-admin', async (q) => [
      await q(`SELECT DISTINCT o.code FROM rollup_subtree a JOIN org o ON o.id = a.org_id`),
      await db.dataSource.query(`SELECT count(DISTINCT org_id)::int AS n FROM rollup_subtree`),
    ]);
    expect(visible.length).toBeGreaterThan(1);
    expect(visible.every((r: { code: string }) => r.code.startsWith('220582101'))).toBe(true);
    expect(all[0].n).toBeGreaterThan(visible.length);
  });

  it('answers each viewer from its own scopes when one connection reuses the prepared roll-up statement', async () => {
    const runner = app.createQueryRunner();
    await runner.connect();
    const [jian, taishang] = await db.dataSource.query(`SELECT id FROM org WHERE code IN ('220582', '220582101') ORDER BY code`);
    const p = parsePeriod('2020');
    const metrics = SUM_METRICS.filter((m) => m.key === 'orgCount');
    const countyAs = async (username: string) => {
      await runner.startTransaction();
      try {
        await runner.query('SELECT * FROM ggw_apply_scopes($1)', [stableId('user', username)]);
        // the same text each time, so the same prepared statement on this connection
        return await computeRollups(runner.manager, [{ kind: 'orgs', ids: [jian.id, taishang.id] }], [p], metrics);
      } finally {
        await runner.rollbackTransaction();
      }
    };
    try {
      for (let i = 0; i < 7; i++) {
        // past five runs PostgreSQL may switch to a generic plan; it must not matter
        expect((await countyAs('jian-admin')).map((r) => r.sums[0].orgCount)).toEqual([218, expect.any(Number)]);
        // the county's org row is readable (a breadcrumb), its sums are not
        const [county, township] = await countyAs('taishang-admin');
        expect([county.org.code, county.sums[0].orgCount]).toEqual(['220582', 0]);
        expect([township.org.code, township.sums[0].orgCount]).toEqual(['220582101', expect.any(Number)]);
        expect(township.sums[0].orgCount).toBeGreaterThan(1);
      }
    } finally {
      await runner.release();
    }
  });
});
