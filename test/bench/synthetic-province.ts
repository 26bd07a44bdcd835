import { DataSource } from 'typeorm';
import { hashPassword } from '@ggw/authz';
import { addSyntheticCounty, DatasetBuilder, insertDataset, Random } from '@ggw/db';
import { OrgLevel, OrgRecord, OrgType } from '@ggw/domain';
import { benchDatabase } from './bench-util';

export const PROVINCE_CODE = '900000';
export const cityCode = (c: number) => `9${String(c + 1).padStart(2, '0')}000`;
export const countyCode = (c: number, k: number) => `9${String(c + 1).padStart(2, '0')}${String(k + 1).padStart(3, '0')}`;

/**
 * A synthetic province of the reference county's shape: `cities` cities of `countiesPerCity`
 * counties, each ~220 orgs (18 townships and departments, 13 villages or schools each) with
 * three years of records (about 20,000 a county). Inserted county by county, so memory stays
 * flat whatever the size.
 */
export async function loadSyntheticProvince(
  ds: DataSource, cities: number, countiesPerCity: number, log: (m: string) => void,
  shape: { townships: number; villagesPerTownship: number } = { townships: 18, villagesPerTownship: 13 },
): Promise<number> {
  const top = new DatasetBuilder();
  const province = top.org(null, { code: PROVINCE_CODE, name: '测试省', level: OrgLevel.PROVINCE, type: OrgType.PROVINCE });
  const cityRows: OrgRecord[] = [];
  for (let c = 0; c < cities; c++) {
    cityRows.push(top.org(province, { code: cityCode(c), name: `测试市${c + 1}`, level: OrgLevel.CITY, type: OrgType.CITY }));
  }
  await ds.transaction((tx) => insertDataset(tx, top.data));
  let rows = 0;
  for (let c = 0; c < cities; c++) {
    for (let k = 0; k < countiesPerCity; k++) {
      const b = new DatasetBuilder();
      addSyntheticCounty(b, new Random(c * 1000 + k + 1), cityRows[c], {
        code: countyCode(c, k), name: `测试县${c + 1}-${k + 1}`, ...shape, years: [2018, 2019, 2020],
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

/** The other provinces of the national shape: codes 801000…, each with one city (8pp900) and counties 8pp001…. */
export const otherProvinceCode = (p: number) => `8${String(p + 1).padStart(2, '0')}000`;

/**
 * The rest of the country, at the national tenant count but not its size: `provinces` more
 * provinces, each with one city holding its share of `counties` county roots, each county with
 * one township and one village and a few records a year (about 3 orgs and 60 records a county).
 */
export async function loadNationalRemainder(ds: DataSource, provinces: number, counties: number, log: (m: string) => void): Promise<number> {
  let rows = 0;
  for (let p = 0; p < provinces; p++) {
    const b = new DatasetBuilder();
    const province = b.org(null, { code: otherProvinceCode(p), name: `外省${p + 1}`, level: OrgLevel.PROVINCE, type: OrgType.PROVINCE });
    const city = b.org(province, { code: `8${String(p + 1).padStart(2, '0')}900`, name: `外省${p + 1}市`, level: OrgLevel.CITY, type: OrgType.CITY });
    const share = Math.floor(counties / provinces) + (p < counties % provinces ? 1 : 0);
    for (let k = 0; k < share; k++) {
      addSyntheticCounty(b, new Random(100_000 + p * 1000 + k), city, {
        code: `8${String(p + 1).padStart(2, '0')}${String(k + 1).padStart(3, '0')}`, name: `外省${p + 1}县${k + 1}`, townships: 1, villagesPerTownship: 1, years: [2018, 2019, 2020],
        volunteersPerOrg: 5, activitiesPerOrg: 2, pairsPerOrg: 1, donationsPerOrg: 1,
      });
    }
    const inserted = await ds.transaction((tx) => insertDataset(tx, b.data));
    rows += Object.values(inserted).reduce((s, n) => s + n, 0);
    if ((p + 1) % 10 === 0) log(`other provinces ${p + 1}/${provinces} loaded (${rows} rows)`);
  }
  await ds.query('ANALYZE');
  return rows;
}

export interface BenchProvince {
  /** the owner's URL */
  url: string;
  /** the application role's URL (row-level security applies) */
  appUrl: string;
  /** stops PostgreSQL and removes its files */
  stop(): Promise<void>;
}

/**
 * A throw-away embedded PostgreSQL with the synthetic province loaded (the aggregate triggers
 * on) and a user `bench` (password `bench`) holding `role` at the province, to measure as
 * production runs: as the application role, under row-level security, signed in.
 */
export function startBenchProvince(
  cities: number, countiesPerCity: number, role: 'VIEWER' | 'ADMIN',
  national?: { provinces: number; counties: number; townships: number; villagesPerTownship: number },
): Promise<BenchProvince> {
  return benchDatabase(async (ds) => {
    const t0 = Date.now();
    let rows = await loadSyntheticProvince(ds, cities, countiesPerCity, (m) => console.error(m), national);
    if (national) rows += await loadNationalRemainder(ds, national.provinces, national.counties, (m) => console.error(m));
    // as after any bulk load: otherwise autovacuum works through the new rows, and the
    // checkpointer writes out the load's dirty pages, while we measure
    await ds.query('VACUUM ANALYZE');
    await ds.query('CHECKPOINT');
    const [{ orgs, aggregates }] = await ds.query('SELECT (SELECT count(*) FROM org)::int AS orgs, (SELECT count(*) FROM rollup_subtree)::int AS aggregates');
    console.log(`data: ${orgs} orgs, ${rows} records, loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s with the aggregate triggers on; ${aggregates} subtree aggregate rows`);
    const hash = await hashPassword('bench');
    // bench: the province's; nationally, every province's (the platform's top level is the
    // province: a national viewer holds a role in each). bench-province and bench-county (password
    // bench too): a viewer of the province and of its first county alone
    const users = [['bench', role], ['bench-province', 'VIEWER'], ['bench-county', 'VIEWER']];
    for (const [username] of users) await ds.query(`INSERT INTO app_user (id, username, password_hash, display_name) VALUES (gen_random_uuid(), $1, $2, $1)`, [username, hash]);
    await ds.query(`INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role)
      SELECT u.id, o.tenant_id, o.id, $2 FROM app_user u, org o WHERE u.username = 'bench' AND (o.code = $1 OR ($3 AND o.level = 'PROVINCE'))`, [PROVINCE_CODE, role, !!national]);
    await ds.query(`INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role)
      SELECT u.id, o.tenant_id, o.id, 'VIEWER' FROM app_user u, org o WHERE (u.username, o.code) IN (('bench-province', $1), ('bench-county', $2))`, [PROVINCE_CODE, countyCode(0, 0)]);
  }, { poolSize: 4 });
}
