import { OrgLevel, OrgType } from '@ggw/domain';
import { percent, points, yuan } from './format';

export interface SummaryInput {
  org: { name: string; level: OrgLevel; type: OrgType };
  /** figures of the period, by metric key */
  now: Record<string, number | null>;
  /** figures of the same period a year earlier */
  before: Record<string, number | null>;
}

/** 全市 / 全县 / 全区 / 全镇 / 全乡 / 全街道 / 本系统 …: how a summary names the whole of its own area. */
export function areaWord(org: SummaryInput['org']): string {
  switch (org.type) {
    case OrgType.PROVINCE: return '全省';
    case OrgType.CITY: return '全市';
    case OrgType.COUNTY: return org.name.endsWith('县') ? '全县' : org.name.endsWith('区') ? '全区' : '全市';
    case OrgType.TOWN: return '全镇';
    case OrgType.XIANG: return '全乡';
    case OrgType.SUBDISTRICT: return '全街道';
    case OrgType.DEPARTMENT: return '本系统';
    case OrgType.VILLAGE: return '全村';
    case OrgType.COMMUNITY: return '全社区';
    case OrgType.SCHOOL: return '全校';
    case OrgType.ENTERPRISE: return '本企业';
  }
}

const n = (v: number | null | undefined) => v ?? 0;

/** 比上年增加135人 / 比上年减少3人 / 与上年持平. */
function countChange(now: number, before: number, unit: string): string {
  const d = Math.round((now - before) * 100) / 100;
  if (d === 0) return '与上年持平';
  return d > 0 ? `比上年增加${d}${unit}` : `比上年减少${-d}${unit}`;
}

/** 比上年提高8个百分点 / 比上年下降1.5个百分点 / 与上年持平: a rate's change is in points, never a percentage. */
function rateChange(now: number | null, before: number | null): string {
  if (now === null || before === null) return '';
  const d = (now - before) * 100;
  if (points(d) === '0') return ',与上年持平';
  return d > 0 ? `,比上年提高${points(d)}个百分点` : `,比上年下降${points(d)}个百分点`;
}

/**
 * The annual work summary's figure paragraphs, written from the figures in the phrasing of
 * 集安市's 2020 summary (seeds/003): organisations and 五好, the 五老 team, activities,
 * assistance pairs, donations, publicity. Every number comes from `now`/`before`.
 */
export function writeSummary({ org, now, before }: SummaryInput): string {
  const area = areaWord(org);
  const paragraphs: string[] = [];

  const orgs = n(now.orgCount);
  const fiveGood = n(now.fiveGoodCount);
  let p1 = `${area}关工委组织${orgs}个,其中达到“五好”标准的${fiveGood}个`;
  if (now.fiveGoodRate !== null && now.fiveGoodRate !== undefined) p1 += `,占总数的${percent(now.fiveGoodRate)}${rateChange(now.fiveGoodRate, before.fiveGoodRate ?? null)}`;
  p1 += '。';
  if (n(now.newOrgCount) > 0) p1 += `本年新建关工委组织${n(now.newOrgCount)}个。`;
  if (now.consolidationRate !== null && now.consolidationRate !== undefined) p1 += `“五好”巩固率${percent(now.consolidationRate)}。`;
  paragraphs.push(p1);

  const volunteers = n(now.volunteerCount);
  let p2 = `五老志愿者队伍达${volunteers}人,${countChange(volunteers, n(before.volunteerCount), '人')},五老骨干有${n(now.coreVolunteerCount)}人`;
  if (now.coreVolunteerShare !== null && now.coreVolunteerShare !== undefined) p2 += `,占${percent(now.coreVolunteerShare)}`;
  paragraphs.push(`${p2}。`);

  if (n(now.activityCount) > 0) {
    paragraphs.push(`${area}各级关工委共开展活动${n(now.activityCount)}次${n(now.activitySessions) !== n(now.activityCount) ? `(${n(now.activitySessions)}场)` : ''},参加${n(now.activityParticipants)}人次,受教育青少年${n(now.youthReached)}人次,${countChange(n(now.youthReached), n(before.youthReached), '人次')}。`);
  }

  if (n(now.pairCount) > 0) {
    const parts = [
      ['pairCountLeftBehindChild', '留守儿童'], ['pairCountChildInDifficulty', '困境儿童'],
      ['pairCountPoorStudent', '贫困学生'], ['pairCountYoungFarmer', '青年农民'],
    ].filter(([k]) => n(now[k]) > 0).map(([k, label]) => `${label}${n(now[k])}对`);
    paragraphs.push(`组织五老开展结对帮扶${n(now.pairCount)}对${parts.length ? `,其中帮扶${parts.join('、')}` : ''}。`);
  }

  if (n(now.donationTotal) > 0) {
    const parts = [['donationSocial', '协调社会力量捐款'], ['donationVeteran', '五老捐款捐物'], ['donationCadre', '干部捐款'], ['donationEnterprise', '企业捐款']]
      .filter(([k]) => n(now[k]) > 0).map(([k, label]) => `${label}${yuan(n(now[k]))}`);
    let p5 = `一年来,${area}各级关工委组织协调社会力量及五老捐款捐物${yuan(n(now.donationTotal))}`;
    if (parts.length) p5 += `,其中${parts.join(',')}`;
    p5 += '。';
    if (n(now.disbursementTotal) > 0) p5 += `发放奖学助学等资金${yuan(n(now.disbursementTotal))}。`;
    paragraphs.push(p5);
  }

  if (n(now.articleCount) > 0) {
    paragraphs.push(`${area}各级关工委全年共上报宣传稿件${n(now.articleCount)}篇,被各级采用${n(now.articleAdoptedCount)}篇。`);
  }
  return paragraphs.join('\n');
}

/** The metric keys `writeSummary` reads. */
export const SUMMARY_METRICS = [
  'orgCount', 'newOrgCount', 'fiveGoodCount', 'fiveGoodRate', 'consolidationRate', 'volunteerCount', 'coreVolunteerCount',
  'coreVolunteerShare', 'activityCount', 'activitySessions', 'activityParticipants', 'youthReached', 'pairCount',
  'pairCountLeftBehindChild', 'pairCountChildInDifficulty', 'pairCountPoorStudent', 'pairCountYoungFarmer', 'donationTotal',
  'donationSocial', 'donationVeteran', 'donationCadre', 'donationEnterprise', 'disbursementTotal', 'articleCount', 'articleAdoptedCount',
];
