import { EntityManager } from 'typeorm';
import { Dataset, DATASET_TABLES, TABLE_ORDER } from './dataset';

const BATCH = 5000;

/**
 * Inserts a dataset table by table, `BATCH` rows per statement (one `unnest` of column arrays),
 * skipping rows whose key exists: loading the same dataset twice changes nothing. Columns,
 * their names and their types come from the tables' entities; a column the rows leave out (a
 * default) is left to the database. Run it inside a transaction to get all or nothing. Returns
 * the number of rows actually inserted per table.
 */
export async function insertDataset(manager: EntityManager, data: Dataset): Promise<Record<string, number>> {
  const inserted: Record<string, number> = {};
  for (const table of TABLE_ORDER) {
    const rows = data[table] as unknown as Array<Record<string, unknown>>;
    inserted[table] = 0;
    if (!rows.length) continue;
    const columns = manager.connection.getMetadata(DATASET_TABLES[table]).columns.filter((c) => c.propertyName in rows[0]);
    const names = columns.map((c) => c.databaseName).join(', ');
    const select = columns.map((c, k) => `$${k + 1}::${String(c.type)}[]`).join(', ');
    for (let i = 0; i < rows.length; i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      const params = columns.map((c) => chunk.map((r) => r[c.propertyName] ?? null));
      const [{ n }] = await manager.query(
        `WITH ins AS (INSERT INTO ${table} (${names}) SELECT * FROM unnest(${select}) ON CONFLICT DO NOTHING RETURNING 1)
         SELECT count(*)::int AS n FROM ins`,
        params,
      );
      inserted[table] += n;
    }
  }
  return inserted;
}
