import fc from 'fast-check';
import { createTestDatabase, TestDatabase } from '@ggw/testing';
import { addSyntheticCounty, DatasetBuilder, insertDataset, Random } from '@ggw/db';
import { parsePeriod, previousYear } from '@ggw/domain';
import { computeRollups, FROZEN_METRICS, SUM_METRICS } from './index';

/**
 * The APPROVED figures (kept in approved_subtree as reports move) must always be the frozen
 * figures of the approved reports of each org's subtree added up, and the report counts those
 * reports counted: on random trees, after random approvals, returns, resubmissions with other
 * figures, and deletions.
 */
describe('APPROVED figures', () => {
  let db: TestDatabase;
  let run = 0;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
  const pick = fc.integer({ min: 0, max: 1_000_000 });
  const someReports = `SELECT id FROM report WHERE tenant_id = $1 AND (hashtext(id::text)::bigint + $2) % 3 = 0`;

  /** One move of the reports, as the owner (the cycle's rules are the API's and the app role's; these are about the sums). */
  const steps = [
    fc.record({ n: pick, status: fc.constantFrom('APPROVED', 'SUBMITTED', 'RETURNED', 'DRAFT') }).map((w) => async (t: string) => {
      await q(`UPDATE report SET status = $3, return_reason = CASE WHEN $3 = 'RETURNED' THEN '随机退回' END,
                submitted_at = CASE WHEN $3 = 'DRAFT' THEN NULL ELSE coalesce(submitted_at, now()) END WHERE id IN (${someReports})`, [t, w.n, w.status]);
    }),
    fc.record({ n: pick, volunteers: fc.integer({ min: 0, max: 500 }), money: fc.integer({ min: 0, max: 10_000_000 }) }).map((w) => async (t: string) => {
      await q(`UPDATE report SET frozen = coalesce(frozen, '{}') || jsonb_build_object('volunteerCount', $3::int, 'donationTotal', $4::numeric / 100)
                WHERE id IN (${someReports})`, [t, w.n, w.volunteers, w.money]);
    }),
    fc.record({ n: pick }).map((w) => async (t: string) => {
      await q(`DELETE FROM report WHERE id IN (${someReports}) AND (hashtext(id::text)::bigint + $2) % 2 = 0`, [t, w.n]);
    }),
  ];

  it('are the approved reports\' frozen figures added up over each subtree, whatever moves', async () => {
    const keys = ['orgCount', 'volunteerCount', 'donationTotal', 'activityCount', 'fiveGoodCount'];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), fc.array(fc.oneof(...steps), { minLength: 1, maxLength: 8 }), async (seed, moves) => {
        const b = new DatasetBuilder();
        addSyntheticCounty(b, new Random(seed), null, {
          code: String(600000 + ++run), name: `审核县${run}`, townships: 3, villagesPerTownship: 3, years: [2019, 2020], volunteersPerOrg: 3, activitiesPerOrg: 2,
        });
        await db.dataSource.transaction((tx) => insertDataset(tx, b.data));
        const tenant = b.data.org[0].tenantId;
        for (const move of moves) await move(tenant);

        const orgs: Array<{ id: string; path: string }> = await q(`SELECT id, path::text AS path FROM org WHERE tenant_id = $1`, [tenant]);
        const reports: Array<{ path: string; period: string; status: string; frozen: Record<string, number> | null }> = await q(
          `SELECT o.path::text AS path, r.period, r.status, r.frozen FROM report r JOIN org o ON o.id = r.org_id WHERE r.tenant_id = $1`, [tenant]);
        const period = parsePeriod('2020');
        const rows = await computeRollups(db.dataSource.manager, [{ kind: 'orgs', ids: orgs.map((o) => o.id) }], [period, previousYear(period)],
          SUM_METRICS.filter((m) => keys.includes(m.key) || m.key === 'reportSubmittedCount'), 'approved');
        for (const row of rows) {
          [period.key, previousYear(period).key].forEach((key, i) => {
            const mine = reports.filter((r) => r.status === 'APPROVED' && r.period === key && (r.path === row.org.path || r.path.startsWith(`${row.org.path}.`)));
            const expected = Object.fromEntries(keys.map((k) => [k, mine.reduce((sum, r) => sum + Number(r.frozen?.[k] ?? 0), 0)]));
            const got = Object.fromEntries(keys.map((k) => [k, row.sums[i][k]]));
            expect({ org: row.org.path, period: key, sums: got, reported: row.sums[i].reportSubmittedCount })
              .toEqual({ org: row.org.path, period: key, sums: Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, expect.closeTo(v, 6)])), reported: mine.length });
          });
        }
        expect(FROZEN_METRICS.some((m) => m.source === 'report')).toBe(false);
      }),
      { numRuns: 15 },
    );
  }, 240_000);
});
