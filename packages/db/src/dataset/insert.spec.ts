import { createTestDatabase, TestDatabase } from '@ggw/testing';
import { buildReferenceDataset, insertDataset, TABLE_ORDER } from '@ggw/db';

describe('insertDataset', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('reports the rows it inserted, and none the second time', async () => {
    const data = buildReferenceDataset();
    const first = await db.dataSource.transaction((tx) => insertDataset(tx, data));
    for (const table of TABLE_ORDER) {
      expect({ table, inserted: first[table] }).toEqual({ table, inserted: data[table].length });
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, n }).toEqual({ table, n: data[table].length });
    }
    const second = await db.dataSource.transaction((tx) => insertDataset(tx, data));
    expect(Object.values(second).every((n) => n === 0)).toBe(true);
  });
});
