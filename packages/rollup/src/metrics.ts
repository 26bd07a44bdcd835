import {
  ACTIVITY_THEME_LABELS, ActivityTheme, BadUserInputError, BENEFICIARY_CATEGORY_LABELS, BeneficiaryCategory,
  DONOR_KIND_LABELS, DonorKind, ORG_TYPE_LABELS, OrgType, VOLUNTEER_CATEGORY_LABELS, VolunteerCategory,
} from '@ggw/domain';
import { SourceName, SOURCES } from './sources';

/**
 * The metric catalogue: every figure of a roll-up, declared once. A figure is either a sum
 * over the subtree's records (`sum`: a count of rows or a sum of a column, of one source,
 * optionally filtered), or computed from two other figures after summing (`ratio`: a rate is
 * always a ratio of sums, never an average of rates; `difference`). How a source behaves in
 * time (headcount at the period's end, events inside the period, the period's year) is the
 * source's time rule (sources.ts). Adding a figure is one entry here plus its test.
 */
export type Unit = '个' | '人' | '元' | '次' | '场' | '人次' | '篇' | '对' | '比率';

interface MetricBase {
  /** camelCase; also the GraphQL field name */
  key: string;
  /** Chinese name, as in a work summary */
  label: string;
  unit: Unit;
  /** Chinese definition, shown in exports' 说明 sheet and the schema */
  definition: string;
}

export interface SumMetric extends MetricBase {
  kind: 'sum';
  source: SourceName;
  /** `count` of matching rows, or the sum of a column of the source */
  measure: 'count' | { sum: string };
  /** a constant SQL condition on the source's row `r` (never user input) */
  where?: string;
}

export interface RatioMetric extends MetricBase {
  kind: 'ratio';
  numerator: string;
  denominator: string;
}

export interface DifferenceMetric extends MetricBase {
  kind: 'difference';
  minuend: string;
  subtrahend: string;
}

export type Metric = SumMetric | RatioMetric | DifferenceMetric;

const pascal = (s: string) => s.toLowerCase().replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase());
const sql = (s: string) => `'${s.replace(/'/g, "''")}'`;

const orgTypesBelowCounty = [OrgType.XIANG, OrgType.TOWN, OrgType.SUBDISTRICT, OrgType.DEPARTMENT, OrgType.SCHOOL, OrgType.ENTERPRISE, OrgType.VILLAGE, OrgType.COMMUNITY];

export const METRICS: readonly Metric[] = [
  // 组织建设
  { key: 'orgCount', label: '关工委组织', unit: '个', kind: 'sum', source: 'org', measure: 'count',
    definition: '期末存在的关工委组织数,含本级及所有下级' },
  ...orgTypesBelowCounty.map((t): Metric => ({
    key: `orgCount${pascal(t)}`, label: `${ORG_TYPE_LABELS[t]}关工委组织`, unit: '个', kind: 'sum', source: 'org', measure: 'count',
    where: `r.type = ${sql(t)}`, definition: `期末存在的类型为“${ORG_TYPE_LABELS[t]}”的关工委组织数`,
  })),
  { key: 'newOrgCount', label: '新建关工委组织', unit: '个', kind: 'sum', source: 'orgFounded', measure: 'count',
    definition: '成立日期在本期内的组织数' },
  { key: 'fiveGoodCount', label: '达到“五好”标准的组织', unit: '个', kind: 'sum', source: 'assessmentYear', measure: 'count',
    where: 'r.five_good', definition: '本年度评定中达到本县全部标准(“五好”或“六好”)的组织数' },
  { key: 'fiveGoodRate', label: '“五好”达标率', unit: '比率', kind: 'ratio', numerator: 'fiveGoodCount', denominator: 'orgCount',
    definition: '达到“五好”标准的组织数 ÷ 组织总数(各级合计后再相除)' },
  { key: 'fiveGoodLastYearCount', label: '上年“五好”组织', unit: '个', kind: 'sum', source: 'assessmentYear', measure: 'count',
    where: 'r.five_good_last_year', definition: '上年度达到“五好”标准、本年度参加评定的组织数' },
  { key: 'fiveGoodKeptCount', label: '保持“五好”的组织', unit: '个', kind: 'sum', source: 'assessmentYear', measure: 'count',
    where: 'r.five_good AND r.five_good_last_year', definition: '上年度和本年度都达到“五好”标准的组织数' },
  { key: 'consolidationRate', label: '巩固率', unit: '比率', kind: 'ratio', numerator: 'fiveGoodKeptCount', denominator: 'fiveGoodLastYearCount',
    definition: '保持“五好”的组织数 ÷ 上年“五好”组织数' },
  { key: 'guaranteeFullCount', label: '“四有”齐全的组织', unit: '个', kind: 'sum', source: 'guarantee', measure: 'count',
    where: 'r.has_staff AND r.has_office AND r.has_equipment AND r.has_funding', definition: '本年度有人员、有办公场所、有办公设施、有工作经费的组织数' },
  { key: 'guaranteeCoverage', label: '“四有”覆盖率', unit: '比率', kind: 'ratio', numerator: 'guaranteeFullCount', denominator: 'orgCount',
    definition: '“四有”齐全的组织数 ÷ 组织总数' },
  { key: 'budgetYuan', label: '工作经费预算', unit: '元', kind: 'sum', source: 'guarantee', measure: { sum: 'budget_yuan' },
    definition: '本年度各组织工作经费预算之和' },
  // 五老队伍
  { key: 'volunteerCount', label: '五老志愿者', unit: '人', kind: 'sum', source: 'volunteer', measure: 'count',
    definition: '期末在队的五老志愿者人数' },
  ...Object.values(VolunteerCategory).map((c): Metric => ({
    key: `volunteerCount${pascal(c)}`, label: VOLUNTEER_CATEGORY_LABELS[c], unit: '人', kind: 'sum', source: 'volunteer', measure: 'count',
    where: `r.category = ${sql(c)}`, definition: `期末在队的${VOLUNTEER_CATEGORY_LABELS[c]}人数`,
  })),
  { key: 'coreVolunteerCount', label: '五老骨干', unit: '人', kind: 'sum', source: 'volunteer', measure: 'count', where: 'r.is_core',
    definition: '期末在队的五老骨干人数' },
  { key: 'coreVolunteerShare', label: '五老骨干占比', unit: '比率', kind: 'ratio', numerator: 'coreVolunteerCount', denominator: 'volunteerCount',
    definition: '五老骨干人数 ÷ 五老志愿者人数' },
  // 活动
  { key: 'activityCount', label: '开展活动', unit: '次', kind: 'sum', source: 'activity', measure: 'count', definition: '本期内举办的活动次数' },
  { key: 'activitySessions', label: '活动场次', unit: '场', kind: 'sum', source: 'activity', measure: { sum: 'sessions' }, definition: '本期内活动的场(次、期)数之和' },
  { key: 'activityParticipants', label: '参加活动', unit: '人次', kind: 'sum', source: 'activity', measure: { sum: 'participants' }, definition: '本期内活动参加人次之和' },
  { key: 'youthReached', label: '受教育青少年', unit: '人次', kind: 'sum', source: 'activity', measure: { sum: 'youth_reached' }, definition: '本期内活动受教育青少年人次之和' },
  ...Object.values(ActivityTheme).flatMap((t): Metric[] => {
    const where = `r.theme = ${sql(t)}`;
    const l = ACTIVITY_THEME_LABELS[t];
    return [
      { key: `activityCount${pascal(t)}`, label: `${l}活动`, unit: '次', kind: 'sum', source: 'activity', measure: 'count', where, definition: `本期内${l}主题活动次数` },
      { key: `activitySessions${pascal(t)}`, label: `${l}活动场次`, unit: '场', kind: 'sum', source: 'activity', measure: { sum: 'sessions' }, where, definition: `本期内${l}主题活动场次之和` },
      { key: `activityParticipants${pascal(t)}`, label: `${l}活动参加`, unit: '人次', kind: 'sum', source: 'activity', measure: { sum: 'participants' }, where, definition: `本期内${l}主题活动参加人次之和` },
      { key: `youthReached${pascal(t)}`, label: `${l}活动受教育青少年`, unit: '人次', kind: 'sum', source: 'activity', measure: { sum: 'youth_reached' }, where, definition: `本期内${l}主题活动受教育青少年人次之和` },
    ];
  }),
  // 结对帮扶
  { key: 'pairCount', label: '结对帮扶', unit: '对', kind: 'sum', source: 'pair', measure: 'count', definition: '本期内处于帮扶中的结对数' },
  ...Object.values(BeneficiaryCategory).map((c): Metric => ({
    key: `pairCount${pascal(c)}`, label: `帮扶${BENEFICIARY_CATEGORY_LABELS[c]}`, unit: '对', kind: 'sum', source: 'pair', measure: 'count',
    where: `r.category = ${sql(c)}`, definition: `本期内帮扶对象为${BENEFICIARY_CATEGORY_LABELS[c]}的结对数`,
  })),
  // 捐赠与资金
  { key: 'donationTotal', label: '捐款捐物', unit: '元', kind: 'sum', source: 'donation', measure: { sum: 'amount_yuan' }, definition: '本期内接收的捐款及捐物折价之和' },
  ...Object.values(DonorKind).map((k): Metric => ({
    key: `donation${pascal(k)}`, label: `${DONOR_KIND_LABELS[k]}捐赠`, unit: '元', kind: 'sum', source: 'donation', measure: { sum: 'amount_yuan' },
    where: `r.donor_kind = ${sql(k)}`, definition: `本期内${DONOR_KIND_LABELS[k]}的捐款捐物之和`,
  })),
  { key: 'restrictedReceipts', label: '定向(教育基金)收入', unit: '元', kind: 'sum', source: 'donation', measure: { sum: 'amount_yuan' },
    where: 'r.restricted_purpose IS NOT NULL', definition: '本期内指定用于奖学、助学的捐款之和(专款专用)' },
  { key: 'disbursementTotal', label: '资金支出', unit: '元', kind: 'sum', source: 'disbursement', measure: { sum: 'amount_yuan' }, definition: '本期内发放的奖学、助学等资金之和' },
  { key: 'fundBalance', label: '收支结余', unit: '元', kind: 'difference', minuend: 'donationTotal', subtrahend: 'disbursementTotal',
    definition: '本期捐款捐物 − 本期资金支出' },
  // 宣传
  { key: 'articleCount', label: '报送宣传稿件', unit: '篇', kind: 'sum', source: 'article', measure: 'count', definition: '本期内报送的宣传稿件篇数' },
  { key: 'articleAdoptedCount', label: '被采用稿件', unit: '篇', kind: 'sum', source: 'article', measure: 'count', where: 'r.adopted', definition: '本期内报送并被采用的稿件篇数' },
  { key: 'articleAdoptionRate', label: '稿件采用率', unit: '比率', kind: 'ratio', numerator: 'articleAdoptedCount', denominator: 'articleCount', definition: '被采用稿件 ÷ 报送稿件' },
  // 报表
  { key: 'reportSubmittedCount', label: '已上报报表的组织', unit: '个', kind: 'sum', source: 'report', measure: 'count',
    where: `r.status IN ('SUBMITTED', 'APPROVED')`, definition: '本期报表已上报或已审核的组织数' },
  { key: 'reportCompleteness', label: '报表完成率', unit: '比率', kind: 'ratio', numerator: 'reportSubmittedCount', denominator: 'orgCount',
    definition: '已上报报表的组织数 ÷ 应上报的组织数(期末存在的组织)' },
  { key: 'reportOnTimeCount', label: '按时上报报表的组织', unit: '个', kind: 'sum', source: 'report', measure: 'count',
    where: `r.status IN ('SUBMITTED', 'APPROVED') AND r.on_time`, definition: '本期报表已上报或已审核、且首次上报不晚于报送日历截止时间的组织数' },
  { key: 'reportLateCount', label: '逾期上报报表的组织', unit: '个', kind: 'sum', source: 'report', measure: 'count',
    where: `r.status IN ('SUBMITTED', 'APPROVED') AND NOT r.on_time`, definition: '本期报表已上报或已审核、但首次上报晚于报送日历截止时间的组织数' },
  { key: 'reportOnTimeRate', label: '报表按时完成率', unit: '比率', kind: 'ratio', numerator: 'reportOnTimeCount', denominator: 'orgCount',
    definition: '按时上报报表的组织数 ÷ 应上报的组织数(期末存在的组织)' },
];

const BY_KEY = new Map(METRICS.map((m) => [m.key, m]));

/** The metric with this key; an unknown key is BAD_USER_INPUT listing the valid ones. */
export function metric(key: string, field = 'metric'): Metric {
  const m = BY_KEY.get(key);
  if (!m) throw new BadUserInputError(`未知的指标 "${key}";可用的指标:${METRICS.map((x) => x.key).join(', ')}`, field);
  return m;
}

export const SUM_METRICS = METRICS.filter((m): m is SumMetric => m.kind === 'sum');

const INPUTS = new Map<Metric, readonly string[]>(
  METRICS.map((m) => [m, m.kind === 'sum' ? [m.key] : m.kind === 'ratio' ? [m.numerator, m.denominator] : [m.minuend, m.subtrahend]]),
);

/** The sum metrics a figure is computed from: itself for a sum, its two terms otherwise. */
export function inputsOf(m: Metric): readonly string[] {
  return INPUTS.get(m)!;
}

/** The sum metrics needed to compute `keys` (a ratio needs its numerator and denominator). */
export function sumMetricsFor(keys: Iterable<string>): SumMetric[] {
  const needed = new Set([...keys].flatMap((key) => inputsOf(metric(key))));
  return SUM_METRICS.filter((m) => needed.has(m.key));
}

/** Checks the catalogue once at load: unique keys, known sources, derived figures refer to figures. */
function checkCatalogue(): void {
  if (BY_KEY.size !== METRICS.length) throw new Error('metric keys must be unique');
  for (const m of METRICS) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(m.key)) throw new Error(`metric key ${m.key} is not camelCase`);
    if (m.kind === 'sum' && !(m.source in SOURCES)) throw new Error(`metric ${m.key}: unknown source ${m.source}`);
    const refs = m.kind === 'sum' ? [] : inputsOf(m);
    for (const r of refs) if (BY_KEY.get(r)?.kind !== 'sum') throw new Error(`metric ${m.key}: ${r} must be a sum metric`);
  }
}
checkCatalogue();
