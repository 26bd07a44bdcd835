import { EntityManager } from 'typeorm';
import { COLUMN_TYPES, Dataset, TABLE_ORDER } from './rows';

const BATCH = 5000;

/**
 * Inserts a dataset table by table, `BATCH` rows per statement (one `unnest` of column arrays),
 * skipping rows whose key exists: loading the same dataset twice changes nothing. Run it inside
 * a transaction to get all or nothing. Returns the number of rows actually inserted per table.
 */
export async function insertDataset(manager: EntityManager, data: Dataset): Promise<Record<string, number>> {
  const inserted: Record<string, number> = {};
  for (const table of TABLE_ORDER) {
    const rows = data[table] as unknown as Array<Record<string, unknown>>;
    const types = COLUMN_TYPES[table] as Record<string, string>;
    const columns = Object.keys(types);
    inserted[table] = 0;
    for (let i = 0; i < rows.length; i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      const params = columns.map((c) => chunk.map((r) => r[c] ?? null));
      const select = columns.map((c, k) => `$${k + 1}::${types[c]}[]`).join(', ');
      const [{ n }] = await manager.query(
        `WITH ins AS (INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${select}) ON CONFLICT DO NOTHING RETURNING 1)
         SELECT count(*)::int AS n FROM ins`,
        params,
      );
      inserted[table] += n;
    }
  }
  return inserted;
}
