import { EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE, ExportFormat, ExportPeriodRule, FigureState, nextRun, OrgLevel, OrgType, stableId } from '@ggw/domain';
import { DatasetBuilder } from '../dataset/builder';
import { insertDataset } from '../dataset/insert';
import { Dataset } from '../dataset/dataset';
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
  addDemoUsers(b);
  return b.data;
}

/** argon2id hash of the demo password `demo` (hashing at load time would make every load slow). */
const DEMO_PASSWORD_HASH = '$argon2id$v=19$m=65536,p=4,t=3$HUhFCg66h512VrFHM+v8sA$nHAUjo1O+YD0sbsJJG98RwPI0Vj9Qtiw0E8yyhN2ZzQ';

/** The demo users of the README, one per kind of viewer; they exist only with the reference data. */
export const DEMO_USERS = [
  { username: 'jian-admin', displayName: '集安市关工委管理员', orgCode: JIAN_CODE, role: 'ADMIN' },
  { username: 'taishang-admin', displayName: '台上镇关工委管理员', orgCode: '220582101', role: 'ADMIN' },
  { username: 'shihu-editor', displayName: '石湖村关工小组录入员', orgCode: '220582106201', role: 'EDITOR' },
  { username: 'tonghua-viewer', displayName: '通化市关工委查看员', orgCode: TONGHUA_CITY_CODE, role: 'VIEWER' },
  { username: 'tonghua-admin', displayName: '通化市关工委管理员', orgCode: TONGHUA_CITY_CODE, role: 'ADMIN' },
  { username: 'tonghuaxian-admin', displayName: '通化县关工委管理员', orgCode: TONGHUA_COUNTY_CODE, role: 'ADMIN' },
] as const;

/** The demo operator: onboards counties (a platform admin holds no role and reads no org). */
export const PLATFORM_ADMIN = { username: 'platform-admin', displayName: '平台运维管理员' } as const;

function addDemoUsers(b: DatasetBuilder): void {
  for (const u of DEMO_USERS) {
    const org = b.data.org.find((o) => o.code === u.orgCode)!;
    const id = stableId('user', u.username);
    b.data.app_user.push({ id, username: u.username, passwordHash: DEMO_PASSWORD_HASH, displayName: u.displayName, homeTenantId: org.tenantId, homeOrgId: org.id, platformAdmin: false });
    b.data.role_assignment.push({ userId: id, orgTenantId: org.tenantId, orgId: org.id, role: u.role });
  }
  b.data.app_user.push({
    id: stableId('user', PLATFORM_ADMIN.username), username: PLATFORM_ADMIN.username, passwordHash: DEMO_PASSWORD_HASH,
    displayName: PLATFORM_ADMIN.displayName, platformAdmin: true,
  });
}

/** 集安市's reporting calendar for a year: villages by 1 December, townships by 10 December, the county by 20 December. */
export const REFERENCE_CALENDAR = [
  { periodKind: 'YEAR', level: 'VILLAGE', dueOffsetDays: -31 },
  { periodKind: 'YEAR', level: 'TOWNSHIP', dueOffsetDays: -22 },
  { periodKind: 'YEAR', level: 'COUNTY', dueOffsetDays: -12 },
] as const;

async function addReferenceCalendar(manager: EntityManager): Promise<number> {
  const rows = await manager.query(
    `WITH ins AS (INSERT INTO report_deadline (tenant_id, period_kind, level, due_offset_days)
       SELECT o.tenant_id, x.kind, x.level, x.days FROM org o, unnest($2::text[], $3::text[], $4::int[]) AS x(kind, level, days)
        WHERE o.code = $1 ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [JIAN_CODE, REFERENCE_CALENDAR.map((c) => c.periodKind), REFERENCE_CALENDAR.map((c) => c.level), REFERENCE_CALENDAR.map((c) => c.dueOffsetDays)]);
  return rows[0].n;
}

/**
 * 集安市's export schedules, run as its admin: the monthly workbook on the 1st at 02:00 (the
 * year so far), and at year end, on 1 January at 03:00, the year's workbook and summary.
 */
export const REFERENCE_SCHEDULES = [
  { key: 'monthly', cron: '0 2 1 * *', periodRule: ExportPeriodRule.YEAR_TO_DATE, formats: [ExportFormat.XLSX], figureState: FigureState.LIVE },
  // what the county publishes for the year: the figures each level approved
  { key: 'year-end', cron: '0 3 1 1 *', periodRule: ExportPeriodRule.PREVIOUS_YEAR, formats: [ExportFormat.XLSX, ExportFormat.DOCX], figureState: FigureState.APPROVED },
] as const;

async function addReferenceSchedules(manager: EntityManager): Promise<number> {
  const [{ now }] = await manager.query(`SELECT now()`);
  let inserted = 0;
  for (const s of REFERENCE_SCHEDULES) {
    const rows = await manager.query(
      `INSERT INTO export_schedule (tenant_id, id, org_id, cron, time_zone, period_rule, formats, next_run_at, created_by, figure_state)
       SELECT o.tenant_id, $2, o.id, $3, $4, $5, $6, $7, $8, $9 FROM org o WHERE o.code = $1
       ON CONFLICT DO NOTHING RETURNING 1`,
      [JIAN_CODE, stableId('export_schedule', JIAN_CODE, s.key), s.cron, DEFAULT_TIME_ZONE, s.periodRule, s.formats,
        nextRun(s.cron, DEFAULT_TIME_ZONE, now), stableId('user', 'jian-admin'), s.figureState],
    );
    inserted += rows.length;
  }
  return inserted;
}

/**
 * Loads the reference data in one transaction. Idempotent: rows that exist are left alone, so
 * a second run inserts nothing. Returns rows inserted per table.
 */
export async function loadReferenceData(manager: EntityManager): Promise<Record<string, number>> {
  const data = buildReferenceDataset();
  const inserted = await manager.transaction(async (tx) => ({
    ...(await insertDataset(tx, data)), export_schedule: await addReferenceSchedules(tx), report_deadline: await addReferenceCalendar(tx),
  }));
  // fresh statistics: the roll-up statement's plan depends on them (a clone of an unanalysed
  // template plans nested loops over every org and is a hundred times slower)
  await manager.query('ANALYZE');
  return inserted;
}
