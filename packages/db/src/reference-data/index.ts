import { EntityManager } from 'typeorm';
import { OrgLevel, OrgType } from '@ggw/domain';
import { DatasetBuilder } from '../dataset/builder';
import { insertDataset } from '../dataset/insert';
import { Dataset } from '../dataset/rows';
import { Random } from '../dataset/random';
import { addSyntheticCounty, SIX_GOOD_CRITERIA } from '../dataset/synthetic';
import { addJian, JIAN_CODE } from './jian';

export { JIAN_CODE };
export const TONGHUA_COUNTY_CODE = '220521';
export const TONGHUA_CITY_CODE = '220500';
export const JILIN_CODE = '220000';

/**
 * The reference data set: 吉林省 > 通化市 > { 集安市 (the published figures), 通化县 (a smaller
 * second tenant, with a 六好 criteria set) }. Deterministic: every build is identical.
 */
export function buildReferenceDataset(): Dataset {
  const b = new DatasetBuilder();
  const province = b.org(null, { code: JILIN_CODE, name: '吉林省', level: OrgLevel.PROVINCE, type: OrgType.PROVINCE, foundedOn: '1990-01-01' });
  const city = b.org(province, { code: TONGHUA_CITY_CODE, name: '通化市', level: OrgLevel.CITY, type: OrgType.CITY, foundedOn: '1990-06-01' });
  addJian(b, city);
  addSyntheticCounty(b, new Random(220521), city, {
    code: TONGHUA_COUNTY_CODE, name: '通化县', townships: 4, villagesPerTownship: 4, years: [2019, 2020],
    volunteersPerOrg: 6, criteria: SIX_GOOD_CRITERIA,
  });
  return b.data;
}

/**
 * Loads the reference data in one transaction. Idempotent: rows that exist are left alone, so
 * a second run inserts nothing. Returns rows inserted per table.
 */
export async function loadReferenceData(manager: EntityManager): Promise<Record<string, number>> {
  const data = buildReferenceDataset();
  const inserted = await manager.transaction((tx) => insertDataset(tx, data));
  // fresh statistics: the roll-up statement's plan depends on them (a clone of an unanalysed
  // template plans nested loops over every org and is a hundred times slower)
  await manager.query('ANALYZE');
  return inserted;
}
