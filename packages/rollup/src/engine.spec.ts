import { createTestDatabase, TestDatabase } from '@ggw/testing';
import { parsePeriod, previousYear } from '@ggw/domain';
import { withSqlStats } from '@ggw/db';
import { changeOf, computeRollups, figuresFromSums, metric, SUM_METRICS, TargetSpec } from '@ggw/rollup';

describe('roll-up engine on the reference data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ reference: true });
  });
  afterAll(() => db.drop());

  const idOf = async (code: string) => (await db.dataSource.query('SELECT id FROM org WHERE code = $1', [code]))[0].id as string;
  const figures = async (code: string, period = '2020') => {
    const p = parsePeriod(period);
    const [row] = await computeRollups(db.dataSource.manager, [{ kind: 'orgs', ids: [await idOf(code)] }], [p, previousYear(p)]);
    return { now: figuresFromSums(row.sums[0]), before: figuresFromSums(row.sums[1]) };
  };

  it('reproduces 集安市 2020 and the change from 2019', async () => {
    const { now, before } = await figures('220582');
    expect(now).toMatchObject({ orgCount: 218, fiveGoodCount: 176, volunteerCount: 2503, coreVolunteerCount: 802, donationTotal: 356000, donationSocial: 204000, donationVeteran: 152000 });
    expect(now.fiveGoodRate).toBeCloseTo(176 / 218, 12);
    expect(before).toMatchObject({ orgCount: 198, fiveGoodCount: 144, volunteerCount: 2368 });
    expect(Math.round(changeOf(metric('fiveGoodRate'), now.fiveGoodRate, before.fiveGoodRate)!)).toBe(8);
    expect(changeOf(metric('volunteerCount'), now.volunteerCount, before.volunteerCount)).toBe(135);
    expect(now.coreVolunteerShare!.toFixed(3)).toBe('0.320');
  });

  it('gives a township and a village their own subtree', async () => {
    const ts = await figures('220582101');
    expect(ts.now.articleCount).toBe(25);
    expect(ts.now.articleAdoptedCount).toBe(19);
    expect((await figures('220582103')).now.pairCount).toBe(30);
    expect((await figures('220582104')).now.pairCount).toBe(38);
    const village = await figures('220582106201');
    expect(village.now.orgCount).toBe(1);
  });

  it('computes many targets in one statement', async () => {
    const jian = await idOf('220582');
    const specs: TargetSpec[] = [
      { kind: 'orgs', ids: [jian] },
      { kind: 'children', parentId: jian },
      { kind: 'descendants', rootId: jian, level: 'VILLAGE' as never, limit: 500 },
    ];
    const p = parsePeriod('2020');
    const { stats, result } = withSqlStats(() => computeRollups(db.dataSource.manager, specs, [p, previousYear(p)]));
    const rows = await result;
    expect(stats.statements).toBe(1);
    const county = rows.find((r) => r.spec === 0)!;
    const children = rows.filter((r) => r.spec === 1);
    const sum = (key: string, list: typeof rows) => list.reduce((s, r) => s + r.sums[0][key], 0);
    // a parent's count = its own + its children's
    const own = 1;
    expect(county.sums[0].orgCount).toBe(own + sum('orgCount', children));
    expect(rows.filter((r) => r.spec === 2).every((r) => r.org.level === 'VILLAGE')).toBe(true);
  });

  it('prepares a roll-up statement once per connection and plans it once, whatever the orgs', async () => {
    const runner = db.dataSource.createQueryRunner();
    try {
      const p = parsePeriod('2020');
      for (const code of ['220582', '220582101', '220582106201']) {
        await computeRollups(runner.manager, [{ kind: 'orgs', ids: [await idOf(code)] }], [p, previousYear(p)]);
      }
      const plans = await runner.query(`SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name LIKE 'ggw\\_%'`);
      // a plan per execution cost more than reading a county's figures
      expect(plans).toEqual([{ generic: 3, custom: 0 }]);
    } finally {
      await runner.release();
    }
  });

  it('reads the same figures from the aggregates as from the records, for every org and kind of period', async () => {
    const ids = (await db.dataSource.query('SELECT id FROM org')).map((r: { id: string }) => r.id);
    for (const key of ['2020', '2019', '2020Q2', '2020-06', '2021']) {
      const p = parsePeriod(key);
      const read = (reader: 'aggregates' | 'records') => computeRollups(db.dataSource.manager, [{ kind: 'orgs', ids }], [p, previousYear(p)], SUM_METRICS, reader);
      expect(await read('aggregates')).toEqual(await read('records'));
    }
  });
});
