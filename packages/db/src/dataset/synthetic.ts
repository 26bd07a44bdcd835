import { ActivityTheme, BeneficiaryCategory, DonationForm, DonorKind, OrgLevel, OrgRecord, OrgType, ReportStatus, RestrictedPurpose, VolunteerCategory } from '@ggw/domain';
import { DatasetBuilder } from './builder';
import { yuan } from './dataset';
import { Random } from './random';
import { mobilePhone, personName, residentIdNumber } from './people';

/**
 * `day`, or, when it is before the org was founded (nothing of an org happens before it exists:
 * the entry checks refuse it), a day between the founding and the end of that year, spread by
 * `day`'s own day of the year so that records drawn on different days stay on different days.
 */
export function notBefore(org: { foundedOn: string }, day: string): string {
  if (day >= org.foundedOn) return day;
  const DAY = 86_400_000;
  const founded = Date.parse(`${org.foundedOn}T00:00:00Z`);
  const left = Math.round((Date.parse(`${org.foundedOn.slice(0, 4)}-12-31T00:00:00Z`) - founded) / DAY);
  const ofYear = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${day.slice(0, 4)}-01-01T00:00:00Z`)) / DAY);
  return new Date(founded + (ofYear % (left + 1)) * DAY).toISOString().slice(0, 10);
}

/** The standard 五好 criteria (`../shared/DOMAIN.md`). */
export const FIVE_GOOD_CRITERIA = [
  { key: 'LEADERSHIP', name: '领导班子建设好' },
  { key: 'COOPERATION', name: '相关部门配合好' },
  { key: 'VETERANS_ACTIVE', name: '老同志作用发挥好' },
  { key: 'ACTIVITIES_EFFECTIVE', name: '活动经常效果好' },
  { key: 'RULES_KEPT', name: '制度健全执行好' },
] as const;
/** 六好: a tenant may add 积极探索创新好 (`002_bd7809c22982c241.txt`). */
export const SIX_GOOD_CRITERIA = [...FIVE_GOOD_CRITERIA, { key: 'INNOVATION', name: '积极探索创新好' }] as const;

const THEMES = Object.values(ActivityTheme);
const CATEGORIES = Object.values(VolunteerCategory);
const CHILD_CATEGORIES = [BeneficiaryCategory.LEFT_BEHIND_CHILD, BeneficiaryCategory.CHILD_IN_DIFFICULTY, BeneficiaryCategory.POOR_STUDENT];

export interface SyntheticCountyOptions {
  code: string;
  name: string;
  townships: number;
  villagesPerTownship: number;
  years: number[];
  /** Average records per org and year; the generator varies them around these. */
  volunteersPerOrg?: number;
  activitiesPerOrg?: number;
  pairsPerOrg?: number;
  donationsPerOrg?: number;
  articlesPerTownship?: number;
  criteria?: ReadonlyArray<{ key: string; name: string }>;
}

/**
 * Adds a plausible county with townships, villages and every kind of record for the given
 * years. Used for the second reference county, for test trees and for benchmark provinces.
 */
export function addSyntheticCounty(b: DatasetBuilder, rng: Random, parent: OrgRecord | null, o: SyntheticCountyOptions): OrgRecord {
  const firstYear = Math.min(...o.years);
  const county = b.org(parent, { code: o.code, name: o.name, level: OrgLevel.COUNTY, type: OrgType.COUNTY, foundedOn: '1995-06-01' });
  const criteria = o.criteria ?? FIVE_GOOD_CRITERIA;
  b.criteria(county, criteria);
  const orgs: OrgRecord[] = [county];
  for (let t = 1; t <= o.townships; t++) {
    const isDept = t > Math.ceil(o.townships * 0.75);
    const tcode = isDept ? `${o.code}B${String(t).padStart(2, '0')}` : `${o.code}${String(100 + t).padStart(3, '0')}`;
    const township = b.org(county, {
      code: tcode, name: isDept ? `${o.name}第${t}部门` : `${o.name}第${t}镇`, level: OrgLevel.TOWNSHIP,
      type: isDept ? OrgType.DEPARTMENT : OrgType.TOWN, foundedOn: '1998-03-01',
    });
    orgs.push(township);
    const villages = isDept ? Math.floor(o.villagesPerTownship / 3) : o.villagesPerTownship;
    for (let v = 1; v <= villages; v++) {
      const school = isDept || v % 7 === 0;
      orgs.push(b.org(township, {
        code: school ? `${tcode}S${String(v).padStart(3, '0')}` : `${tcode}${String(200 + v).padStart(3, '0')}`,
        name: school ? `${township.name}第${v}学校` : `${township.name}第${v}村`,
        level: OrgLevel.VILLAGE, type: school ? OrgType.SCHOOL : OrgType.VILLAGE,
        // a few committees are founded in the last year, so "newly founded" is never empty
        foundedOn: rng.chance(0.05) ? `${Math.max(...o.years)}-0${rng.int(1, 9)}-15` : '2005-05-01',
      }));
    }
  }
  for (const org of orgs) addSyntheticRecords(b, rng, org, o, criteria, firstYear);
  return county;
}

function vary(rng: Random, mean: number): number {
  return Math.max(0, Math.round(mean * (0.5 + rng.next())));
}

function addSyntheticRecords(
  b: DatasetBuilder, rng: Random, org: OrgRecord, o: SyntheticCountyOptions,
  criteria: ReadonlyArray<{ key: string }>, firstYear: number,
): void {
  const founded = Number(org.foundedOn.slice(0, 4));
  const years = o.years.filter((y) => y >= founded);
  const volunteers = [];
  for (let i = vary(rng, o.volunteersPerOrg ?? 8); i > 0; i--) {
    const joinedYear = rng.chance(0.15) ? rng.pick(years.length ? years : [firstYear]) : Math.max(founded, firstYear - rng.int(1, 10));
    const fields = {
      name: personName(rng), phone: mobilePhone(rng), idNumber: residentIdNumber(rng, o.code, rng.int(1940, 1962)),
      category: rng.pick(CATEGORIES), isCore: rng.chance(0.3), joinedOn: notBefore(org, rng.date(`${joinedYear}-01-01`, `${joinedYear}-12-31`)),
      leftOn: rng.chance(0.03) ? `${Math.max(...o.years)}-11-30` : null,
    };
    // someone who joined after the leaving date simply has not left
    if (fields.leftOn && fields.leftOn <= fields.joinedOn) fields.leftOn = null;
    volunteers.push(b.add('volunteer', org, fields));
  }
  for (const year of years) {
    const fiveGood = rng.chance(0.75);
    const failing = fiveGood ? -1 : rng.int(0, criteria.length - 1);
    criteria.forEach((c, i) => b.add('assessment', org, { year, criterionKey: c.key, met: i !== failing }));
    const all = rng.chance(0.7);
    b.add('guarantee', org, {
      year, hasStaff: true, hasOffice: all || rng.chance(0.5), hasEquipment: all || rng.chance(0.5),
      hasFunding: all || rng.chance(0.4), budgetYuan: yuan(org.level === OrgLevel.VILLAGE ? rng.int(0, 10) * 100 : rng.int(10, 50) * 100),
    });
    for (let i = vary(rng, o.activitiesPerOrg ?? 3); i > 0; i--) {
      const sessions = rng.int(1, 6);
      b.add('activity', org, {
        heldOn: notBefore(org, rng.date(`${year}-01-01`, `${year}-12-31`)), theme: rng.pick(THEMES), title: `${org.name}${year}年活动`,
        sessions, participants: sessions * rng.int(10, 60), youthReached: sessions * rng.int(0, 80),
      });
    }
    if (volunteers.length) {
      for (let i = vary(rng, o.pairsPerOrg ?? 1); i > 0; i--) {
        const category = rng.chance(0.2) ? BeneficiaryCategory.YOUNG_FARMER : rng.pick(CHILD_CATEGORIES);
        const beneficiary = b.add('beneficiary', org, {
          name: personName(rng), category,
          idNumber: residentIdNumber(rng, o.code, category === BeneficiaryCategory.YOUNG_FARMER ? rng.int(1985, 2000) : rng.int(2005, 2016)),
        });
        // of those who had joined by October, when the last pair of the year starts
        const joined = volunteers.filter((v) => v.joinedOn <= `${year}-10-01` && (!v.leftOn || v.leftOn > `${year}-10-01`));
        // nobody yet: the beneficiary waits for a volunteer
        if (!joined.length) continue;
        const volunteer = rng.pick(joined);
        const day = rng.date(`${year}-01-01`, `${year}-10-01`);
        // a pair starts once its volunteer has joined (the entry rules hold the data to it)
        b.add('assistance_pair', org, {
          volunteerId: volunteer.id, beneficiaryId: beneficiary.id,
          startedOn: volunteer.joinedOn > day ? volunteer.joinedOn : day, endedOn: `${year}-12-31`,
        });
      }
    }
    for (let i = vary(rng, o.donationsPerOrg ?? 1); i > 0; i--) {
      const restricted = rng.chance(0.2) ? rng.pick(Object.values(RestrictedPurpose)) : null;
      const amount = rng.int(1, 60) * 100;
      const receivedOn = rng.date(`${year}-01-01`, `${year}-12-31`);
      const donorKind = rng.pick(Object.values(DonorKind));
      const person = personName(rng);
      b.add('donation', org, {
        receivedOn: receivedOn, donorKind: donorKind,
        // an enterprise is named as one (its name is not personal data); the others may be people
        donorName: donorKind === DonorKind.ENTERPRISE ? `${[...person][0]}氏实业有限公司` : person, form: rng.chance(0.8) ? DonationForm.MONEY : DonationForm.GOODS, amountYuan: yuan(amount),
        restrictedPurpose: restricted,
      });
      if (restricted && rng.chance(0.7)) {
        b.add('disbursement', org, {
          paidOn: `${year}-12-20`, amountYuan: yuan(Math.round(amount / 2)), restrictedPurpose: restricted,
          beneficiaryId: null, recipientName: personName(rng),
        });
      }
    }
    if (org.level === OrgLevel.TOWNSHIP) {
      for (let i = vary(rng, o.articlesPerTownship ?? 6); i > 0; i--) {
        b.add('article', org, { title: `${org.name}关心下一代工作信息`, submittedOn: rng.date(`${year}-01-01`, `${year}-12-31`), adopted: rng.chance(0.6) });
      }
    }
    const submitted = year < Math.max(...o.years) || rng.chance(0.9);
    const status = !submitted ? ReportStatus.DRAFT : rng.chance(0.8) ? ReportStatus.APPROVED : ReportStatus.SUBMITTED;
    b.add('report', org, {
      period: String(year), status,
      submittedAt: submitted ? `${year + 1}-01-10T09:00:00+08:00` : null,
      firstSubmittedAt: submitted ? `${year + 1}-01-10T09:00:00+08:00` : null,
      approvedAt: status === ReportStatus.APPROVED ? `${year + 1}-01-20T09:00:00+08:00` : null,
      returnReason: null,
    });
  }
}
