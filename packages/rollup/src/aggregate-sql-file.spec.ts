import { committedAggregateSql, generateAggregateSql } from './aggregate-sql-file';

describe('the committed aggregate SQL', () => {
  it('is what the metric catalogue generates (run `pnpm sql:generate` after changing the catalogue)', () => {
    expect(committedAggregateSql()).toBe(generateAggregateSql());
  });
});
