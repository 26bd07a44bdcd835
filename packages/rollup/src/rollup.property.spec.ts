import fc from 'fast-check';
import { createTestDatabase, TestDatabase } from '@ggw/testing';
import { addSyntheticCounty, DatasetBuilder, Dataset, insertDataset, Random } from '@ggw/db';
import { OrgLevel, OrgRecord, OrgType, parsePeriod, Period, previousYear } from '@ggw/domain';
import { computeRollups, figuresFromSums, sumMetricsFor } from '@ggw/rollup';

/**
 * Invariants of the roll-up on random trees with random records, checked against an oracle
 * that computes each org's own figures in plain JavaScript from the generated rows.
 */
const KEYS = ['orgCount', 'volunteerCount', 'coreVolunteerCount', 'activityCount', 'youthReached', 'donationTotal', 'pairCount', 'articleCount', 'fiveGoodCount', 'fiveGoodRate'] as const;
const PERIODS = ['2020', '2019', '2020Q2', '2020-07'];

type Own = Record<(typeof KEYS)[number], number>;

/** Each org's own figures for a period, straight from the rows (no SQL, no tree). */
function ownFigures(data: Dataset, p: Period): Map<string, Own> {
  const own = new Map<string, Own>(data.org.map((o) => [o.id, Object.fromEntries(KEYS.map((k) => [k, 0])) as Own]));
  const inside = (d: string) => d >= p.start && d < p.end;
  for (const o of data.org) if (o.foundedOn < p.end && (!o.dissolvedOn || o.dissolvedOn >= p.end)) own.get(o.id)!.orgCount++;
  for (const v of data.volunteer) {
    if (v.joinedOn < p.end && (!v.leftOn || v.leftOn >= p.end)) {
      own.get(v.orgId)!.volunteerCount++;
      if (v.isCore) own.get(v.orgId)!.coreVolunteerCount++;
    }
  }
  for (const a of data.activity) if (inside(a.heldOn)) { own.get(a.orgId)!.activityCount++; own.get(a.orgId)!.youthReached += a.youthReached; }
  for (const d of data.donation) if (inside(d.receivedOn)) own.get(d.orgId)!.donationTotal += Number(d.amountYuan);
  for (const x of data.assistance_pair) if (x.startedOn < p.end && (!x.endedOn || x.endedOn >= p.start)) own.get(x.orgId)!.pairCount++;
  for (const x of data.article) if (inside(x.submittedOn)) own.get(x.orgId)!.articleCount++;
  const criteria = data.assessment_criterion.length;
  const met = new Map<string, number>();
  for (const a of data.assessment) if (a.year === p.year && a.met) met.set(a.orgId, (met.get(a.orgId) ?? 0) + 1);
  for (const [orgId, n] of met) if (n === criteria) own.get(orgId)!.fiveGoodCount++;
  return own;
}

describe('roll-up invariants on random trees', () => {
  let db: TestDatabase;
  let run = 0;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  async function randomCounty(seed: number, townships: number, villages: number): Promise<{ data: Dataset; county: OrgRecord }> {
    const b = new DatasetBuilder();
    const code = String(400000 + ++run);
    const county = addSyntheticCounty(b, new Random(seed), null, {
      code, name: `随机县${run}`, townships, villagesPerTownship: villages, years: [2019, 2020], volunteersPerOrg: 4, activitiesPerOrg: 2,
    });
    await db.dataSource.transaction((tx) => insertDataset(tx, b.data));
    await db.dataSource.query('ANALYZE');
    return { data: b.data, county };
  }

  it('a parent is its own records plus its children; a rate is the ratio of the sums', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom(...PERIODS),
        async (seed, townships, villages, periodKey) => {
          const { data } = await randomCounty(seed, townships, villages);
          const p = parsePeriod(periodKey);
          const rows = await computeRollups(db.dataSource.manager, [{ kind: 'orgs', ids: data.org.map((o) => o.id) }], [p, previousYear(p)], sumMetricsFor(KEYS));
          const value = new Map(rows.map((r) => [r.org.id, figuresFromSums(r.sums[0])]));
          const own = ownFigures(data, p);
          for (const o of data.org) {
            const children = data.org.filter((c) => c.parentId === o.id);
            for (const k of KEYS.filter((key) => key !== 'fiveGoodRate')) {
              const expected = own.get(o.id)![k] + children.reduce((s, c) => s + (value.get(c.id)![k] as number), 0);
              expect({ org: o.code, k, v: value.get(o.id)![k] }).toEqual({ org: o.code, k, v: expected });
            }
            const v = value.get(o.id)!;
            expect(v.fiveGoodRate).toBe(v.orgCount === 0 ? null : (v.fiveGoodCount as number) / (v.orgCount as number));
          }
        }),
      { numRuns: 12 },
    );
  });

  it('writing in one subtree leaves an unrelated subtree unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 1, max: 6 }), async (seed, extra) => {
        const { data } = await randomCounty(seed, 3, 2);
        const [a, b] = data.org.filter((o) => o.level === OrgLevel.TOWNSHIP && o.type !== OrgType.DEPARTMENT);
        const p = parsePeriod('2020');
        const read = async () => {
          const rows = await computeRollups(db.dataSource.manager, [{ kind: 'orgs', ids: [a.id, b.id] }], [p], sumMetricsFor(KEYS));
          return new Map(rows.map((r) => [r.org.id, figuresFromSums(r.sums[0])]));
        };
        const before = await read();
        for (let i = 0; i < extra; i++) {
          await db.dataSource.query(
            `INSERT INTO activity (tenant_id, id, org_id, held_on, theme, title, sessions, participants, youth_reached)
             VALUES ($1, gen_random_uuid(), $2, '2020-03-01', 'LECTURE', '新活动', 1, 10, 5)`, [b.tenantId, b.id]);
        }
        const after = await read();
        expect(after.get(a.id)).toEqual(before.get(a.id));
        expect(after.get(b.id)!.activityCount).toBe((before.get(b.id)!.activityCount as number) + extra);
      }),
      { numRuns: 6 },
    );
  });
});
