import {
  Activity, ActivityTheme, Article, AssistancePair, Beneficiary, BeneficiaryCategory, Disbursement, Donation, DonationForm, DonorKind, Guarantee,
  PlanTarget, ReportedFigure, RestrictedPurpose, Volunteer, VolunteerCategory,
} from '@ggw/domain';
import { RecordKindName } from '../records/records.loaders';
import { FieldSpecs } from './entry.fields';

/**
 * The registry of writable record kinds: for each, its GraphQL name (createX, updateX, deleteX,
 * CreateXInput, XPatch, XPayload), its table and entity (the one declaration of its columns),
 * the list it is read back through (so a write answers with what the list shows, masked the
 * same way), its fields, and how its membership or span ends, where it has one.
 */
export interface WritableKind {
  name: string;
  /** what it is, in Chinese */
  label: string;
  table: string;
  entity: abstract new () => unknown;
  list: RecordKindName;
  fields: FieldSpecs;
  /** What a second record with the same unique key (an org's year) is told; the kind has such a key. */
  unique?: string;
  /** The end of a span (`endX(id, <field>, expectedVersion)`), which must fall after `after`. */
  end?: { field: string; after: string; label: string };
}

const PERSON_NAME = { type: 'text', max: 50 } as const;

export const WRITABLE_KINDS: WritableKind[] = [
  {
    name: 'Volunteer',
    label: '五老志愿者',
    table: 'volunteer',
    entity: Volunteer,
    list: 'volunteer',
    fields: {
      name: { ...PERSON_NAME, label: '姓名', required: true },
      category: { type: 'enum', values: VolunteerCategory, label: '五老类别', required: true },
      isCore: { type: 'bool', label: '是否骨干', default: false },
      joinedOn: { type: 'date', label: '加入日期', required: true },
      phone: { type: 'phone', label: '手机号' },
      idNumber: { type: 'idNumber', label: '身份证号' },
    },
    end: { field: 'leftOn', after: 'joinedOn', label: '退出日期' },
  },
  {
    name: 'Beneficiary',
    label: '帮扶对象',
    table: 'beneficiary',
    entity: Beneficiary,
    list: 'beneficiary',
    fields: {
      name: { ...PERSON_NAME, label: '姓名', required: true },
      category: { type: 'enum', values: BeneficiaryCategory, label: '帮扶对象类别', required: true },
      idNumber: { type: 'idNumber', label: '身份证号' },
    },
  },
  {
    name: 'Pair',
    label: '结对帮扶',
    table: 'assistance_pair',
    entity: AssistancePair,
    list: 'pair',
    fields: {
      volunteerId: { type: 'ref', table: 'volunteer', label: '五老志愿者', required: true, description: '本组织五老志愿者的 id' },
      beneficiaryId: { type: 'ref', table: 'beneficiary', label: '帮扶对象', required: true, description: '本组织帮扶对象的 id' },
      startedOn: { type: 'date', label: '结对日期', required: true },
    },
    end: { field: 'endedOn', after: 'startedOn', label: '结束日期' },
  },
  {
    name: 'Activity',
    label: '活动',
    table: 'activity',
    entity: Activity,
    list: 'activity',
    fields: {
      heldOn: { type: 'date', label: '活动日期', required: true },
      theme: { type: 'enum', values: ActivityTheme, label: '活动主题', required: true },
      title: { type: 'text', max: 200, label: '活动名称', required: true },
      sessions: { type: 'int', min: 0, max: 10_000, label: '场次', default: 1 },
      participants: { type: 'int', min: 0, max: 1_000_000, label: '参加人数', default: 0 },
      youthReached: { type: 'int', min: 0, max: 10_000_000, label: '受教育青少年人次', default: 0 },
    },
  },
  {
    name: 'Donation',
    label: '捐赠',
    table: 'donation',
    entity: Donation,
    list: 'donation',
    fields: {
      receivedOn: { type: 'date', label: '收到日期', required: true },
      donorKind: { type: 'enum', values: DonorKind, label: '捐赠方类别', required: true },
      donorName: { type: 'text', max: 100, label: '捐赠方名称', required: true },
      form: { type: 'enum', values: DonationForm, label: '捐赠形式', required: true },
      amountYuan: { type: 'money', label: '金额(元)', required: true, description: '以元为单位的十进制文字,最多两位小数,如 "1500.50"' },
      restrictedPurpose: { type: 'enum', values: RestrictedPurpose, label: '定向用途' },
    },
  },
  {
    name: 'Disbursement',
    label: '支出',
    table: 'disbursement',
    entity: Disbursement,
    list: 'disbursement',
    fields: {
      paidOn: { type: 'date', label: '支付日期', required: true },
      amountYuan: { type: 'money', label: '金额(元)', required: true, description: '以元为单位的十进制文字,最多两位小数,如 "800.00"' },
      restrictedPurpose: { type: 'enum', values: RestrictedPurpose, label: '资金用途(定向基金)' },
      beneficiaryId: { type: 'ref', table: 'beneficiary', label: '帮扶对象', description: '受助的本组织帮扶对象的 id(如有)' },
      recipientName: { ...PERSON_NAME, label: '收款人', required: true },
    },
  },
  {
    name: 'Article',
    label: '宣传稿件',
    table: 'article',
    entity: Article,
    list: 'article',
    fields: {
      title: { type: 'text', max: 200, label: '标题', required: true },
      submittedOn: { type: 'date', label: '报送日期', required: true },
    },
  },
  {
    name: 'Guarantee',
    label: '"四有"保障',
    table: 'guarantee',
    entity: Guarantee,
    list: 'guarantee',
    fields: {
      year: { type: 'year', label: '年度', required: true },
      hasStaff: { type: 'bool', label: '有人员', required: true },
      hasOffice: { type: 'bool', label: '有场所', required: true },
      hasEquipment: { type: 'bool', label: '有设备', required: true },
      hasFunding: { type: 'bool', label: '有经费', required: true },
      budgetYuan: { type: 'money', zero: true, label: '年度预算(元)', description: '以元为单位的十进制文字,可为 "0"', default: '0' },
    },
    unique: '该组织这一年度的"四有"保障已经录入;请修改已有的记录',
  },
  {
    name: 'PlanTarget',
    label: '工作计划目标',
    table: 'plan_target',
    entity: PlanTarget,
    list: 'planTarget',
    fields: {
      year: { type: 'year', ahead: 1, label: '年度', required: true, description: '不早于组织成立的年份,最晚为明年' },
      metricKey: { type: 'metric', label: '指标', required: true },
      targetValue: { type: 'money', zero: true, label: '目标值', required: true, description: '十进制文字,最多两位小数' },
      description: { type: 'text', max: 200, label: '说明', required: true },
    },
    unique: '该组织这一年度已有这项指标的目标;请修改已有的目标',
  },
  {
    name: 'ReportedFigure',
    label: '已公布数字',
    table: 'reported_figure',
    entity: ReportedFigure,
    list: 'reportedFigure',
    fields: {
      period: { type: 'period', label: '期间', required: true },
      metricKey: { type: 'metric', label: '指标', required: true },
      reportedValue: { type: 'decimal', label: '公布的数值', required: true },
      source: { type: 'text', max: 500, label: '出处', required: true },
    },
    unique: '该组织这一期间已录入这项指标的公布数字;请修改已有的记录',
  },
];

export const kindByName = new Map(WRITABLE_KINDS.map((k) => [k.name, k]));
