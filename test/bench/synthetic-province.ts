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
export async function loadSyntheticProvince(ds: DataSource, cities: number, countiesPerCity: number, log: (m: string) => void): Promise<number> {
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
export function startBenchProvince(cities: number, countiesPerCity: number, role: 'VIEWER' | 'ADMIN'): Promise<BenchProvince> {
  return benchDatabase(async (ds) => {
    const t0 = Date.now();
    const rows = await loadSyntheticProvince(ds, cities, countiesPerCity, (m) => console.error(m));
    // as after any bulk load: otherwise autovacuum works through the new rows, and the
    // checkpointer writes out the load's dirty pages, while we measure
    await ds.query('VACUUM ANALYZE');
    await ds.query('CHECKPOINT');
    const [{ orgs, aggregates }] = await ds.query('SELECT (SELECT count(*) FROM org)::int AS orgs, (SELECT count(*) FROM rollup_subtree)::int AS aggregates');
    console.log(`data: ${orgs} orgs, ${rows} records, loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s with the aggregate triggers on; ${aggregates} subtree aggregate rows`);
    const [province] = await ds.query('SELECT id, tenant_id FROM org WHERE code = $1', [PROVINCE_CODE]);
    await ds.query(`INSERT INTO app_user (id, username, password_hash, display_name) VALUES (gen_random_uuid(), 'bench', $1, 'bench')`, [await hashPassword('bench')]);
    await ds.query(`INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role) SELECT id, $1, $2, $3 FROM app_user WHERE username = 'bench'`, [province.tenant_id, province.id, role]);
  }, { poolSize: 4 });
}
