import { EntityManager } from 'typeorm';
import { parsePeriod, ReportStatus } from '@ggw/domain';
import { ownFigures } from '@ggw/rollup';
import { Dataset, DATASET_TABLES, DatasetRow, TABLE_ORDER } from './dataset';

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
    const rows = (table === 'report' ? await withFrozenFigures(manager, data.report) : data[table]) as unknown as Array<Record<string, unknown>>;
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

/**
 * Reports loaded as submitted or approved carry what the API would have frozen at submission:
 * their org's own figures, read from the records loaded before them (reports come after every
 * record table), one statement per period.
 */
async function withFrozenFigures(manager: EntityManager, reports: Array<DatasetRow<'report'>>): Promise<Array<DatasetRow<'report'> & { frozen: string | null }>> {
  const submitted = new Set(reports.filter((r) => r.status === ReportStatus.SUBMITTED || r.status === ReportStatus.APPROVED));
  const figures = new Map<string, Map<string, Record<string, number>>>();
  for (const period of new Set([...submitted].map((r) => r.period))) {
    const orgIds = [...new Set([...submitted].filter((r) => r.period === period).map((r) => r.orgId))];
    figures.set(period, await ownFigures(manager, orgIds, parsePeriod(period)));
  }
  return reports.map((r) => {
    const frozen = submitted.has(r) ? figures.get(r.period)!.get(r.orgId) : undefined;
    return { ...r, frozen: frozen ? JSON.stringify(frozen) : null };
  });
}
