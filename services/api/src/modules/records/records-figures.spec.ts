import { METRICS, SumMetric } from '@ggw/rollup';
import { TestApi, fen, startTestApi } from '@ggw/testing';
import { RECORD_KINDS, RecordKindName } from './records.loaders';

/**
 * The list behind a figure holds exactly the records the figure counts: for every count figure
 * of the catalogue over a kind of record that has a list (and every sum of a listed column), at
 * every org of both reference counties and for years, quarters and months, the list's
 * `totalCount` (subtree, same period) equals the figure. Lists whose rows are not the figure's
 * rows (assessment criteria vs 五好 orgs) have no such figure.
 */
const LIST_FIELDS: Partial<Record<RecordKindName, string>> = {
  volunteer: 'volunteers', activity: 'activities', pair: 'pairs', donation: 'donations', article: 'articles',
};

const counted = Object.entries(LIST_FIELDS).flatMap(([kind, field]) =>
  METRICS.filter((m): m is SumMetric => m.kind === 'sum' && m.measure === 'count' && !m.where && m.source === RECORD_KINDS[kind as RecordKindName].source)
    .map((m) => ({ metric: m.key, field: field! })),
);

describe('a figure and the list behind it agree', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'tonghua-viewer' });
    // a pair that ends on the first day of a month, and a volunteer who leaves on one: the edges
    // where the lists once disagreed with the figures
    await api.db.dataSource.query(`
      UPDATE assistance_pair SET ended_on = '2020-07-01'
       WHERE id = (SELECT id FROM assistance_pair WHERE started_on < '2020-07-01' AND ended_on IS NULL ORDER BY id LIMIT 1)`);
    await api.db.dataSource.query(`
      UPDATE volunteer SET left_on = '2020-07-01'
       WHERE id = (SELECT id FROM volunteer WHERE joined_on < '2020-01-01' AND left_on IS NULL ORDER BY id LIMIT 1)`);
  });
  afterAll(() => api.close());

  it('covers the count figures of every listed kind', () => {
    expect(counted.map((c) => c.metric).sort()).toEqual(['activityCount', 'articleCount', 'pairCount', 'volunteerCount']);
  });

  it.each(['2020', '2019', '2020Q3', '2020-07', '2020-06'])('at every org, for %s', async (period) => {
    const lists = counted.map((c) => `${c.metric}: ${c.field}(subtree: true, period: $p) { totalCount }`).join(' ');
    let checked = 0;
    for (let after: string | null = null, more = true; more; ) {
      const res: any = await api.gql(
        `query($p: Period!, $after: String) { orgs(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
           nodes { code rollup(period: $p) { ${counted.map((c) => c.metric).join(' ')} donationTotal } ${lists} } } }`,
        { p: period, after },
      );
      expect(res.body.errors).toBeUndefined();
      for (const org of res.body.data.orgs.nodes) {
        for (const c of counted) expect({ org: org.code, metric: c.metric, n: org[c.metric].totalCount }).toEqual({ org: org.code, metric: c.metric, n: org.rollup[c.metric] });
        checked++;
      }
      [more, after] = [res.body.data.orgs.pageInfo.hasNextPage, res.body.data.orgs.pageInfo.endCursor];
    }
    expect(checked).toBeGreaterThanOrEqual(237); // both counties and the city
  });

  it('the donations listed for a county in a year add up to its donationTotal', async () => {
    let total = 0;
    let figure = '';
    for (let after: string | null = null, more = true; more; ) {
      const res: any = await api.gql(
        `query($after: String) { org(code: "220582") { rollup(period: "2020") { donationTotal }
           donations(subtree: true, period: "2020", first: 200, after: $after) { nodes { amountYuan } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      figure = res.body.data.org.rollup.donationTotal;
      total += res.body.data.org.donations.nodes.reduce((s: number, d: any) => s + fen(d.amountYuan), 0);
      [more, after] = [res.body.data.org.donations.pageInfo.hasNextPage, res.body.data.org.donations.pageInfo.endCursor];
    }
    expect(total).toBe(fen(figure));
    expect(figure).toBe('356000.00');
  });
});
