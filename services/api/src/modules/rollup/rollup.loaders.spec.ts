import { parsePeriod } from '@ggw/domain';
import { figuresFromSums, TargetSpec } from '@ggw/rollup';
import { createTestDatabase, TestDatabase } from '@ggw/testing';
import { RequestSession } from '../../common/session';
import { createRollupLoader } from './rollup.loaders';

/** The roll-up loader merges what one tick of a request asks for into one statement. */
describe('roll-up loader', () => {
  let db: TestDatabase;
  let countyId: string;
  beforeAll(async () => {
    db = await createTestDatabase({ reference: true });
    [{ id: countyId }] = await db.dataSource.query(`SELECT id FROM org WHERE code = '220582'`);
  });
  afterAll(() => db.drop());

  it('reads an org asked for twice (its rollup and its summary) once, with the figures of both', async () => {
    // the owner's pool: row-level security is not what this test is about
    const session = new RequestSession(db.dataSource, null);
    const loader = createRollupLoader(session);
    const period = parsePeriod('2020');
    const spec = (): TargetSpec => ({ kind: 'orgs', ids: [countyId] });
    const [forRollup, forSummary, children] = await Promise.all([
      loader.load({ spec: spec(), period, keys: ['orgCount'], lastYear: true }),
      loader.load({ spec: spec(), period, keys: ['volunteerCount'], lastYear: false }),
      loader.load({ spec: { kind: 'children', parentId: countyId }, period, keys: ['orgCount'], lastYear: false }),
    ]);
    await session.close();
    // BEGIN with the one roll-up statement (PREPAREd in the same message, then EXECUTEd), COMMIT
    expect(session.stats.statements).toBe(2);
    expect(forRollup).toHaveLength(1);
    // one row of the statement answers both requests
    expect(forSummary[0]).toBe(forRollup[0]);
    expect(figuresFromSums(forRollup[0].sums[0])).toMatchObject({ orgCount: 218, volunteerCount: 2503 });
    expect(children.length).toBeGreaterThan(15);
    expect(children.reduce((sum, c) => sum + c.sums[0].orgCount, 0)).toBe(217);
    // one of them reads the year before: the statement computes it for all
    expect(forRollup[0].sums).toHaveLength(2);
    expect(children[0].sums).toHaveLength(2);
  });

  it('computes the year before only when a request reads it, and then the same figures of the year as without it', async () => {
    const session = new RequestSession(db.dataSource, null);
    const period = parsePeriod('2020');
    const spec: TargetSpec = { kind: 'children', parentId: countyId };
    const keys = ['orgCount', 'fiveGoodRate', 'volunteerCount', 'donationTotal'];
    const alone = await createRollupLoader(session).load({ spec, period, keys, lastYear: false });
    const withIt = await createRollupLoader(session).load({ spec, period, keys, lastYear: true });
    await session.close();
    expect(alone.every((r) => r.sums.length === 1)).toBe(true);
    expect(withIt.every((r) => r.sums.length === 2)).toBe(true);
    expect(alone.map((r) => [r.org.code, r.sums[0]])).toEqual(withIt.map((r) => [r.org.code, r.sums[0]]));
    // the year before is there to read, and not the same as the year (the reference data has both years)
    expect(withIt.reduce((n, r) => n + r.sums[1].orgCount, 0)).toBeGreaterThan(0);
    expect(withIt.map((r) => r.sums[1])).not.toEqual(withIt.map((r) => r.sums[0]));
  });
});
