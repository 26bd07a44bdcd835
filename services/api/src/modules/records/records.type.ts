import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ActivityTheme, AdoptionLevel, BeneficiaryCategory, DonationForm, DonorKind, RestrictedPurpose, VolunteerCategory } from '@ggw/domain';
import { Connection } from '../../common/pagination';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import '../../common/enums';
import { NodeInterface } from '../../common/node';

/**
 * What every record type shows: its id, and the version a writer names. Its fields are
 * inherited; no field returns it, so the schema has no type of this name.
 */
@ObjectType({ description: '记录' })
abstract class RecordObject {
  @Field(() => ID, { description: '唯一标识' })
  id: string;

  @Field(() => Int, { description: '版本号:每次修改加一;修改或删除时须回传读到的版本' })
  version: number;
}

@ObjectType({ implements: NodeInterface, description: '五老志愿者(姓名、电话为个人信息,按查看者权限脱敏)' })
export class Volunteer extends RecordObject {
  @Field({ description: '姓名(脱敏,如 张*明)' })
  name: string;

  @Field(() => String, { nullable: true, description: '手机号(脱敏,如 138****5678)' })
  phone: string | null;

  @Field(() => VolunteerCategory, { description: '五老类别' })
  category: VolunteerCategory;

  @Field({ description: '是否五老骨干' })
  isCore: boolean;

  @Field(() => DateScalar, { description: '加入日期' })
  joinedOn: string;

  @Field(() => DateScalar, { nullable: true, description: '退出日期;仍在队伍中为空' })
  leftOn: string | null;
}

@ObjectType({ implements: NodeInterface, description: '一次活动(宣讲、教育、培训、帮扶等)' })
export class Activity extends RecordObject {
  @Field(() => DateScalar, { description: '活动日期' })
  heldOn: string;

  @Field(() => ActivityTheme, { description: '活动主题' })
  theme: ActivityTheme;

  @Field({ description: '活动名称;本组织及其直接上级以外的用户看到的名称中,本组织登记人员的姓名已脱敏(如 张*林宣讲)' })
  title: string;

  @Field(() => Int, { description: '场次(场/次/期)' })
  sessions: number;

  @Field(() => Int, { description: '参加人数' })
  participants: number;

  @Field(() => Int, { description: '受教育青少年人次' })
  youthReached: number;
}

@ObjectType({ implements: NodeInterface, description: '结对帮扶:一名五老志愿者与一名帮扶对象(多为未成年人,姓名脱敏)' })
export class AssistancePair extends RecordObject {
  @Field(() => DateScalar, { description: '结对日期' })
  startedOn: string;

  @Field(() => DateScalar, { nullable: true, description: '结束日期;仍在帮扶为空' })
  endedOn: string | null;

  @Field({ description: '志愿者姓名(脱敏)' })
  volunteerName: string;

  @Field({ description: '帮扶对象姓名(脱敏)' })
  beneficiaryName: string;

  @Field(() => BeneficiaryCategory, { description: '帮扶对象类别' })
  beneficiaryCategory: BeneficiaryCategory;
}

@ObjectType({ implements: NodeInterface, description: '帮扶对象(多为未成年人;姓名为个人信息,按查看者权限脱敏,身份证号从不列出)' })
export class Beneficiary extends RecordObject {
  @Field({ description: '姓名(脱敏)' })
  name: string;

  @Field(() => BeneficiaryCategory, { description: '帮扶对象类别' })
  category: BeneficiaryCategory;
}

@ObjectType({ implements: NodeInterface, description: '一笔支出(如助学金),以元计' })
export class Disbursement extends RecordObject {
  @Field(() => DateScalar, { description: '支付日期' })
  paidOn: string;

  @Field(() => DecimalScalar, { description: '金额(元)' })
  amountYuan: string;

  @Field(() => RestrictedPurpose, { nullable: true, description: '定向基金用途;非定向为空' })
  restrictedPurpose: RestrictedPurpose | null;

  @Field(() => ID, { nullable: true, description: '受助的帮扶对象 id(如有)' })
  beneficiaryId: string | null;

  @Field({ description: '收款人(脱敏)' })
  recipientName: string;
}

@ObjectType({ implements: NodeInterface, description: '一笔捐款或捐物(以元计)' })
export class Donation extends RecordObject {
  @Field(() => DateScalar, { description: '接收日期' })
  receivedOn: string;

  @Field(() => DonorKind, { description: '捐赠方类别' })
  donorKind: DonorKind;

  @Field({ description: '捐赠方名称;可能是个人的捐赠方(社会力量、五老、干部)对本组织及其直接上级以外的用户脱敏,企业不脱敏' })
  donorName: string;

  @Field(() => DonationForm, { description: '捐款或捐物' })
  form: DonationForm;

  @Field(() => DecimalScalar, { description: '金额(元;捐物按折价)' })
  amountYuan: string;

  @Field(() => RestrictedPurpose, { nullable: true, description: '定向用途;非定向为空' })
  restrictedPurpose: RestrictedPurpose | null;
}

@ObjectType({ implements: NodeInterface, description: '"五好"(或"六好")评定中一项标准的结果' })
export class Assessment extends RecordObject {
  @Field(() => Int, { description: '评定年度' })
  year: number;

  @Field({ description: '标准代码' })
  criterionKey: string;

  @Field({ description: '标准名称,如 领导班子建设好' })
  criterionName: string;

  @Field({ description: '是否达到' })
  met: boolean;
}

@ObjectType({ implements: NodeInterface, description: '向上级报送的宣传稿件' })
export class Article extends RecordObject {
  @Field({ description: '标题' })
  title: string;

  @Field(() => DateScalar, { description: '报送日期' })
  submittedOn: string;

  @Field({ description: '是否被采用' })
  adopted: boolean;

  @Field(() => AdoptionLevel, { nullable: true, description: '采用级别;未采用为空' })
  adoptedLevel: AdoptionLevel | null;
}

@ObjectType({ implements: NodeInterface, description: '一个组织一年的"四有"保障(有人员、有场所、有设备、有经费)与预算' })
export class Guarantee extends RecordObject {
  @Field(() => Int, { description: '年度' })
  year: number;

  @Field({ description: '有人员' })
  hasStaff: boolean;

  @Field({ description: '有场所' })
  hasOffice: boolean;

  @Field({ description: '有设备' })
  hasEquipment: boolean;

  @Field({ description: '有经费' })
  hasFunding: boolean;

  @Field(() => DecimalScalar, { description: '年度预算(元)' })
  budgetYuan: string;
}

@ObjectType({ implements: NodeInterface, description: '年度工作计划中的一项目标;完成情况由数据算出(planProgress)' })
export class PlanTarget extends RecordObject {
  @Field(() => Int, { description: '年度' })
  year: number;

  @Field({ description: '指标代码' })
  metricKey: string;

  @Field(() => DecimalScalar, { description: '目标值' })
  targetValue: string;

  @Field({ description: '说明' })
  description: string;
}

@ObjectType({ implements: NodeInterface, description: '组织已公布的数字(手工填报),用于与系统算出的数字比对(discrepancies)' })
export class ReportedFigure extends RecordObject {
  @Field({ description: '期间' })
  period: string;

  @Field({ description: '指标代码' })
  metricKey: string;

  @Field(() => DecimalScalar, { description: '公布的数值(比率为小数,如 "0.29")' })
  reportedValue: string;

  @Field({ description: '出处,如 2020 年工作总结' })
  source: string;
}

export const GuaranteeConnection = Connection(Guarantee, 'Guarantee', '"四有"保障的分页列表');
export const PlanTargetConnection = Connection(PlanTarget, 'PlanTarget', '工作计划目标的分页列表');
export const ReportedFigureConnection = Connection(ReportedFigure, 'ReportedFigure', '已公布数字的分页列表');
export const VolunteerConnection = Connection(Volunteer, 'Volunteer', '五老志愿者的分页列表');
export const BeneficiaryConnection = Connection(Beneficiary, 'Beneficiary', '帮扶对象的分页列表');
export const DisbursementConnection = Connection(Disbursement, 'Disbursement', '支出的分页列表');
export const ActivityConnection = Connection(Activity, 'Activity', '活动的分页列表');
export const AssistancePairConnection = Connection(AssistancePair, 'AssistancePair', '结对帮扶的分页列表');
export const DonationConnection = Connection(Donation, 'Donation', '捐赠的分页列表');
export const AssessmentConnection = Connection(Assessment, 'Assessment', '评定结果的分页列表');
export const ArticleConnection = Connection(Article, 'Article', '宣传稿件的分页列表');

/** The GraphQL type of each listed kind of record (what `node(id)` and a write answer with). */
export const RECORD_OBJECT_TYPES = {
  volunteer: Volunteer, beneficiary: Beneficiary, pair: AssistancePair, activity: Activity, donation: Donation, disbursement: Disbursement,
  assessment: Assessment, article: Article, guarantee: Guarantee, planTarget: PlanTarget, reportedFigure: ReportedFigure,
} as const;
