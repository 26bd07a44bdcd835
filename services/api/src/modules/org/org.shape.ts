import { FieldError, ORG_TYPE_LABELS, OrgLevel, OrgType } from '@ggw/domain';

/** The level of an org created below one of `level` (the tree's levels go one at a time). */
export const LEVEL_BELOW: Record<OrgLevel, OrgLevel | null> = {
  [OrgLevel.PROVINCE]: OrgLevel.CITY,
  [OrgLevel.CITY]: OrgLevel.COUNTY,
  [OrgLevel.COUNTY]: OrgLevel.TOWNSHIP,
  [OrgLevel.TOWNSHIP]: OrgLevel.VILLAGE,
  [OrgLevel.VILLAGE]: null,
};

/** The types an org may have at each level it can be created at. */
const TYPES_AT: Partial<Record<OrgLevel, OrgType[]>> = {
  [OrgLevel.COUNTY]: [OrgType.COUNTY],
  [OrgLevel.TOWNSHIP]: [OrgType.XIANG, OrgType.TOWN, OrgType.SUBDISTRICT, OrgType.DEPARTMENT, OrgType.SCHOOL, OrgType.ENTERPRISE],
  [OrgLevel.VILLAGE]: [OrgType.VILLAGE, OrgType.COMMUNITY, OrgType.SCHOOL, OrgType.ENTERPRISE],
};

/** Types that are places, coded by 统计用区划代码 (county 6 digits, township 9, village 12). */
const PLACE_DIGITS: Partial<Record<OrgType, number>> = {
  [OrgType.COUNTY]: 6, [OrgType.XIANG]: 9, [OrgType.TOWN]: 9, [OrgType.SUBDISTRICT]: 9, [OrgType.VILLAGE]: 12, [OrgType.COMMUNITY]: 12,
};

export interface NewOrg {
  code: string;
  name: string;
  type: OrgType;
  foundedOn: string;
}

const label = (t: OrgType) => ORG_TYPE_LABELS[t];

/**
 * What is wrong with an org to be created under `parent`, field by field (empty when nothing):
 * its level is the one below the parent's and its type fits that level; a place's code follows
 * 统计用区划代码 (the parent's code and three digits; a county: the city's first four digits and
 * two), a department's, school's or enterprise's is the parent's code and 1–6 capital letters or
 * digits with a letter among them (220582B01, 220582101S01); it is founded on a real day no
 * earlier than its parent.
 */
export function newOrgProblems(parent: { code: string; level: OrgLevel; foundedOn: string }, org: NewOrg): FieldError[] {
  const problems: FieldError[] = [];
  const level = LEVEL_BELOW[parent.level];
  const allowed = level ? TYPES_AT[level] : undefined;
  if (!level || !allowed) {
    problems.push({ field: 'parentCode', message: level ? `${parent.code} 下面的${level === OrgLevel.CITY ? '市' : '组织'}不能在这里创建` : `${parent.code} 是村级组织,下面不能再建组织` });
    return problems;
  }
  if (!allowed.includes(org.type)) {
    problems.push({ field: 'type', message: `这一级的组织类型只能是 ${allowed.map(label).join('、')}` });
  }
  const digits = PLACE_DIGITS[org.type];
  if (digits !== undefined) {
    const prefix = org.type === OrgType.COUNTY ? parent.code.slice(0, 4) : parent.code;
    const ok = new RegExp(`^${prefix}\\d{${digits - prefix.length}}$`).test(org.code) && !/^0+$/.test(org.code.slice(prefix.length));
    if (!ok || org.code.length !== digits) {
      problems.push({ field: 'code', message: `${label(org.type)}的代码应为 ${digits} 位统计用区划代码,以 ${prefix} 开头(上级代码之后不能全是 0)` });
    }
  } else if (!new RegExp(`^${parent.code}(?=[A-Z0-9]*[A-Z])[A-Z0-9]{1,6}$`).test(org.code)) {
    problems.push({ field: 'code', message: `${label(org.type)}的代码应为上级代码 ${parent.code} 加 1–6 位大写字母或数字(至少一个字母),如 ${parent.code}B01` });
  }
  const name = org.name.trim();
  if (!name || name.length > 100) problems.push({ field: 'name', message: '名称为 1–100 个字符' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(org.foundedOn) || Number.isNaN(Date.parse(`${org.foundedOn}T00:00:00Z`))) {
    problems.push({ field: 'foundedOn', message: '成立日期应为有效的日期' });
  } else if (org.foundedOn < parent.foundedOn) {
    problems.push({ field: 'foundedOn', message: `成立日期不能早于上级组织的成立日期 ${parent.foundedOn}` });
  } else if (org.foundedOn > new Date().toISOString().slice(0, 10)) {
    problems.push({ field: 'foundedOn', message: '成立日期不能晚于今天' });
  }
  return problems;
}
