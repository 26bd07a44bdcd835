/**
 * The vocabulary of the domain. Every enum has a Chinese label map beside it: identifiers are
 * English, people read Chinese (GraphQL descriptions, exports, summary text).
 */

/** Where an organisation sits in the administrative hierarchy. */
export enum OrgLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}
export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  PROVINCE: '省级',
  CITY: '地市级',
  COUNTY: '县级(县、县级市、区)',
  TOWNSHIP: '乡镇街道及县直部门',
  VILLAGE: '村、社区、学校、企业',
};
/** Depth order, root first: a child's level always comes after its parent's. */
export const ORG_LEVEL_ORDER: OrgLevel[] = [
  OrgLevel.PROVINCE,
  OrgLevel.CITY,
  OrgLevel.COUNTY,
  OrgLevel.TOWNSHIP,
  OrgLevel.VILLAGE,
];

/** What kind of body an organisation is, independent of its level. */
export enum OrgType {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  XIANG = 'XIANG',
  TOWN = 'TOWN',
  SUBDISTRICT = 'SUBDISTRICT',
  DEPARTMENT = 'DEPARTMENT',
  SCHOOL = 'SCHOOL',
  ENTERPRISE = 'ENTERPRISE',
  VILLAGE = 'VILLAGE',
  COMMUNITY = 'COMMUNITY',
}
export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  PROVINCE: '省',
  CITY: '市',
  COUNTY: '县(市、区)',
  XIANG: '乡',
  TOWN: '镇',
  SUBDISTRICT: '街道',
  DEPARTMENT: '部门',
  SCHOOL: '学校',
  ENTERPRISE: '企业',
  VILLAGE: '村',
  COMMUNITY: '社区',
};

/** 五老: the five kinds of veteran volunteers. */
export enum VolunteerCategory {
  CADRE = 'CADRE',
  PARTY_MEMBER = 'PARTY_MEMBER',
  SOLDIER = 'SOLDIER',
  TEACHER = 'TEACHER',
  MODEL_WORKER = 'MODEL_WORKER',
}
export const VOLUNTEER_CATEGORY_LABELS: Record<VolunteerCategory, string> = {
  CADRE: '老干部',
  PARTY_MEMBER: '老党员',
  SOLDIER: '老战士',
  TEACHER: '老教师',
  MODEL_WORKER: '老模范',
};

export enum ActivityTheme {
  THEORY_STUDY = 'THEORY_STUDY',
  LECTURE = 'LECTURE',
  PATRIOTISM = 'PATRIOTISM',
  FAMILY_EDUCATION = 'FAMILY_EDUCATION',
  LEGAL_EDUCATION = 'LEGAL_EDUCATION',
  SKILLS_TRAINING = 'SKILLS_TRAINING',
  CARE_ASSISTANCE = 'CARE_ASSISTANCE',
  CIVILITY = 'CIVILITY',
  OTHER = 'OTHER',
}
export const ACTIVITY_THEME_LABELS: Record<ActivityTheme, string> = {
  THEORY_STUDY: '理论学习',
  LECTURE: '宣讲',
  PATRIOTISM: '爱国主义教育',
  FAMILY_EDUCATION: '家教家风',
  LEGAL_EDUCATION: '法治教育',
  SKILLS_TRAINING: '技能培训',
  CARE_ASSISTANCE: '关爱帮扶',
  CIVILITY: '文明创建',
  OTHER: '其他',
};

/** Who is helped by an assistance pair (结对帮扶). */
export enum BeneficiaryCategory {
  LEFT_BEHIND_CHILD = 'LEFT_BEHIND_CHILD',
  CHILD_IN_DIFFICULTY = 'CHILD_IN_DIFFICULTY',
  POOR_STUDENT = 'POOR_STUDENT',
  YOUNG_FARMER = 'YOUNG_FARMER',
}
export const BENEFICIARY_CATEGORY_LABELS: Record<BeneficiaryCategory, string> = {
  LEFT_BEHIND_CHILD: '留守儿童',
  CHILD_IN_DIFFICULTY: '困境儿童',
  POOR_STUDENT: '贫困学生',
  YOUNG_FARMER: '青年农民',
};

export enum DonorKind {
  SOCIAL = 'SOCIAL',
  VETERAN = 'VETERAN',
  CADRE = 'CADRE',
  ENTERPRISE = 'ENTERPRISE',
}
export const DONOR_KIND_LABELS: Record<DonorKind, string> = {
  SOCIAL: '社会力量',
  VETERAN: '五老',
  CADRE: '干部',
  ENTERPRISE: '企业',
};

export enum DonationForm {
  MONEY = 'MONEY',
  GOODS = 'GOODS',
}
export const DONATION_FORM_LABELS: Record<DonationForm, string> = {
  MONEY: '捐款',
  GOODS: '捐物(折价)',
};

/** A restricted fund's purpose (教育基金: 奖学 and 助学 only, 专款专用). */
export enum RestrictedPurpose {
  SCHOLARSHIP = 'SCHOLARSHIP',
  STUDENT_AID = 'STUDENT_AID',
}
export const RESTRICTED_PURPOSE_LABELS: Record<RestrictedPurpose, string> = {
  SCHOLARSHIP: '奖学',
  STUDENT_AID: '助学',
};

/** The level of publication that adopted an article (稿件被哪一级采用). */
export enum AdoptionLevel {
  COUNTY = 'COUNTY',
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
  NATIONAL = 'NATIONAL',
}
export const ADOPTION_LEVEL_LABELS: Record<AdoptionLevel, string> = {
  COUNTY: '县级',
  CITY: '市级',
  PROVINCE: '省级',
  NATIONAL: '国家级',
};

export enum ReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
}
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  DRAFT: '填报中',
  SUBMITTED: '已上报',
  RETURNED: '已退回',
  APPROVED: '已审核',
};

/**
 * Which figures a roll-up sums: the live records (what is entered now), or the figures each
 * org froze when it submitted its report, over the approved reports only (what each level
 * approved, and what a county publishes).
 */
export enum FigureState {
  LIVE = 'LIVE',
  APPROVED = 'APPROVED',
}
export const FIGURE_STATE_LABELS: Record<FigureState, string> = {
  LIVE: '实时数(按当前记录汇总)',
  APPROVED: '审核数(按已审核报表上报时的数字汇总)',
};

/** The file formats of a roll-up export; what each is, in EXPORT_FORMATS. */
export enum ExportFormat {
  XLSX = 'XLSX',
  CSV = 'CSV',
  DOCX = 'DOCX',
}

/** What a format is to people and to HTTP; the exports package pairs each with its writer. */
export interface ExportFormatInfo {
  /** Chinese description, shown in the schema */
  label: string;
  /** what the file holds, in its name: 集安市_2020_关工委汇总.xlsx */
  title: string;
  extension: string;
  /** HTTP content type (CSV says its charset, so a browser shows Chinese) */
  contentType: string;
}

export const EXPORT_FORMATS: Record<ExportFormat, ExportFormatInfo> = {
  XLSX: {
    label: 'Excel 工作簿:汇总、下级单位、村社区、说明四张表', title: '关工委汇总', extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  CSV: {
    label: 'CSV 表格:本组织及所有下级逐行列出(UTF-8 带 BOM,Excel 可直接打开)', title: '关工委汇总', extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
  },
  DOCX: {
    label: 'Word 文档:年度工作总结的数字段落,可编辑', title: '工作总结', extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
};

/** Where an export is in its life. */
export enum ExportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
export const EXPORT_STATUS_LABELS: Record<ExportStatus, string> = {
  QUEUED: '排队中(含失败后等待重试)',
  RUNNING: '生成中',
  DONE: '已完成,可下载',
  FAILED: '失败(重试用尽),见错误信息',
};

/** Which period a scheduled export covers, counted from the moment it runs (in the schedule's time zone). */
export enum ExportPeriodRule {
  YEAR_TO_DATE = 'YEAR_TO_DATE',
  PREVIOUS_MONTH = 'PREVIOUS_MONTH',
  PREVIOUS_QUARTER = 'PREVIOUS_QUARTER',
  PREVIOUS_YEAR = 'PREVIOUS_YEAR',
}
export const EXPORT_PERIOD_RULE_LABELS: Record<ExportPeriodRule, string> = {
  YEAR_TO_DATE: '本年累计:运行前一天所在的年度(1月1日运行时为上一年全年)',
  PREVIOUS_MONTH: '上月:运行前一天所在的月份',
  PREVIOUS_QUARTER: '上一个完整季度',
  PREVIOUS_YEAR: '上一年全年',
};
