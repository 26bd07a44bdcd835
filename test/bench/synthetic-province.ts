import { DataSource } from 'typeorm';
import { addSyntheticCounty, DatasetBuilder, insertDataset, OrgRow, Random } from '@ggw/db';
import { OrgLevel, OrgType } from '@ggw/domain';

export const PROVINCE_CODE = '900000';
export const cityCode = (c: number) => `9${String(c + 1).padStart(2, '0')}000`;
export const countyCode = (c: number, k: number) => `9${String(c + 1).padStart(2, '0')}${String(k + 1).padStart(3, '0')}`;

/**
 * A synthetic province of the reference county's shape: `cities` cities of `countiesPerCity`
 * counties, each ~220 orgs (18 townships and departments, 13 villages or schools each) with
 * three years of records (about 20,000 a county). Inserted county by county, so memory stays
 * flat whatever the size.
 */
export async function loadSyntheticProvince(ds: DataSource, cities: number, countiesPerCity: number, log: (m: string) => void): Promise<number> {
  const top = new DatasetBuilder();
  const province = top.org(null, { code: PROVINCE_CODE, name: '测试省', level: OrgLevel.PROVINCE, type: OrgType.PROVINCE });
  const cityRows: OrgRow[] = [];
  for (let c = 0; c < cities; c++) {
    cityRows.push(top.org(province, { code: cityCode(c), name: `测试市${c + 1}`, level: OrgLevel.CITY, type: OrgType.CITY }));
  }
  await ds.transaction((tx) => insertDataset(tx, top.data));
  let rows = 0;
  for (let c = 0; c < cities; c++) {
    for (let k = 0; k < countiesPerCity; k++) {
      const b = new DatasetBuilder();
      addSyntheticCounty(b, new Random(c * 1000 + k + 1), cityRows[c], {
        code: countyCode(c, k), name: `测试县${c + 1}-${k + 1}`, townships: 18, villagesPerTownship: 13, years: [2018, 2019, 2020],
        volunteersPerOrg: 20, activitiesPerOrg: 8, pairsPerOrg: 2, donationsPerOrg: 2,
      });
      const inserted = await ds.transaction((tx) => insertDataset(tx, b.data));
      rows += Object.values(inserted).reduce((s, n) => s + n, 0);
    }
    log(`city ${c + 1}/${cities} loaded (${rows} rows so far)`);
  }
  await ds.query('ANALYZE');
  return rows;
}
