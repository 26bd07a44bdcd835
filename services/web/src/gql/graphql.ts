/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** 修改活动:只传要改的字段 */
export type ActivityPatch = {
  /** 活动日期(日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期) */
  heldOn?: string | null | undefined;
  /** 参加人数(0 到 1000000);传 null 清空 */
  participants?: number | null | undefined;
  /** 场次(0 到 10000);传 null 清空 */
  sessions?: number | null | undefined;
  /** 活动主题 */
  theme?: ActivityTheme | null | undefined;
  /** 活动名称(最多 200 个字) */
  title?: string | null | undefined;
  /** 受教育青少年人次(0 到 10000000);传 null 清空 */
  youthReached?: number | null | undefined;
};

/** 活动主题 */
export type ActivityTheme =
  /** 关爱帮扶 */
  | 'CARE_ASSISTANCE'
  /** 文明创建 */
  | 'CIVILITY'
  /** 家教家风 */
  | 'FAMILY_EDUCATION'
  /** 宣讲 */
  | 'LECTURE'
  /** 法治教育 */
  | 'LEGAL_EDUCATION'
  /** 其他 */
  | 'OTHER'
  /** 爱国主义教育 */
  | 'PATRIOTISM'
  /** 技能培训 */
  | 'SKILLS_TRAINING'
  /** 理论学习 */
  | 'THEORY_STUDY';

/** 稿件采用级别 */
export type AdoptionLevel =
  /** 市级 */
  | 'CITY'
  /** 县级 */
  | 'COUNTY'
  /** 国家级 */
  | 'NATIONAL'
  /** 省级 */
  | 'PROVINCE';

/** 修改宣传稿件:只传要改的字段 */
export type ArticlePatch = {
  /** 报送日期(日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期) */
  submittedOn?: string | null | undefined;
  /** 标题(最多 200 个字) */
  title?: string | null | undefined;
};

/** 帮扶对象类别 */
export type BeneficiaryCategory =
  /** 困境儿童 */
  | 'CHILD_IN_DIFFICULTY'
  /** 留守儿童 */
  | 'LEFT_BEHIND_CHILD'
  /** 贫困学生 */
  | 'POOR_STUDENT'
  /** 青年农民 */
  | 'YOUNG_FARMER';

/** 修改帮扶对象:只传要改的字段 */
export type BeneficiaryPatch = {
  /** 帮扶对象类别 */
  category?: BeneficiaryCategory | null | undefined;
  /** 身份证号(18 位,含校验位);传 null 清空 */
  idNumber?: string | null | undefined;
  /** 姓名(最多 50 个字) */
  name?: string | null | undefined;
};

/** 新增活动 */
export type CreateActivityInput = {
  /** 客户端生成的唯一标识(1–100 字符);同一用户用同一标识重试时返回第一次创建的记录,不会重复录入 */
  clientMutationId?: string | null | undefined;
  /** 活动日期(日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期) */
  heldOn: string;
  /** 所属组织代码 */
  orgCode: string;
  /** 参加人数(0 到 1000000) */
  participants?: number | null | undefined;
  /** 场次(0 到 10000) */
  sessions?: number | null | undefined;
  /** 活动主题 */
  theme: ActivityTheme;
  /** 活动名称(最多 200 个字) */
  title: string;
  /** 受教育青少年人次(0 到 10000000) */
  youthReached?: number | null | undefined;
};

/** 新增宣传稿件 */
export type CreateArticleInput = {
  /** 客户端生成的唯一标识(1–100 字符);同一用户用同一标识重试时返回第一次创建的记录,不会重复录入 */
  clientMutationId?: string | null | undefined;
  /** 所属组织代码 */
  orgCode: string;
  /** 报送日期(日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期) */
  submittedOn: string;
  /** 标题(最多 200 个字) */
  title: string;
};

/** 新增帮扶对象 */
export type CreateBeneficiaryInput = {
  /** 帮扶对象类别 */
  category: BeneficiaryCategory;
  /** 客户端生成的唯一标识(1–100 字符);同一用户用同一标识重试时返回第一次创建的记录,不会重复录入 */
  clientMutationId?: string | null | undefined;
  /** 身份证号(18 位,含校验位) */
  idNumber?: string | null | undefined;
  /** 姓名(最多 50 个字) */
  name: string;
  /** 所属组织代码 */
  orgCode: string;
};

/** 新增支出 */
export type CreateDisbursementInput = {
  /** 金额(元)(以元为单位的十进制文字,最多两位小数,如 "800.00") */
  amountYuan: string;
  /** 帮扶对象(受助的本组织帮扶对象的 id(如有)) */
  beneficiaryId?: string | number | null | undefined;
  /** 客户端生成的唯一标识(1–100 字符);同一用户用同一标识重试时返回第一次创建的记录,不会重复录入 */
  clientMutationId?: string | null | undefined;
  /** 所属组织代码 */
  orgCode: string;
  /** 支付日期(日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期) */
  paidOn: string;
  /** 收款人(最多 50 个字) */
  recipientName: string;
  /** 资金用途(定向基金) */
  restrictedPurpose?: RestrictedPurpose | null | undefined;
};

/** 新增捐赠 */
export type CreateDonationInput = {
  /** 金额(元)(以元为单位的十进制文字,最多两位小数,如 "1500.50") */
  amountYuan: string;
  /** 客户端生成的唯一标识(1–100 字符);同一用户用同一标识重试时返回第一次创建的记录,不会重复录入 */
  clientMutationId?: string | null | undefined;
  /** 捐赠方类别 */
  donorKind: DonorKind;
  /** 捐赠方名称(最多 100 个字) */
  donorName: string;
  /** 捐赠形式 */
  form: DonationForm;
  /** 所属组织代码 */
  orgCode: string;
  /** 收到日期(日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期) */
  receivedOn: string;
  /** 定向用途 */
  restrictedPurpose?: RestrictedPurpose | null | undefined;
};

/** 新增"四有"保障 */
export type CreateGuaranteeInput = {
  /** 年度预算(元)(以元为单位的十进制文字,可为 "0") */
  budgetYuan?: string | null | undefined;
  /** 客户端生成的唯一标识(1–100 字符);同一用户用同一标识重试时返回第一次创建的记录,不会重复录入 */
  clientMutationId?: string | null | undefined;
  /** 有设备 */
  hasEquipment: boolean;
  /** 有经费 */
  hasFunding: boolean;
  /** 有场所 */
  hasOffice: boolean;
  /** 有人员 */
  hasStaff: boolean;
  /** 所属组织代码 */
  orgCode: string;
  /** 年度(不早于组织成立的年份,不晚于今年) */
  year: number;
};

/** 新增结对帮扶 */
export type CreatePairInput = {
  /** 帮扶对象(本组织帮扶对象的 id) */
  beneficiaryId: string | number;
  /** 客户端生成的唯一标识(1–100 字符);同一用户用同一标识重试时返回第一次创建的记录,不会重复录入 */
  clientMutationId?: string | null | undefined;
  /** 所属组织代码 */
  orgCode: string;
  /** 结对日期(日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期) */
  startedOn: string;
  /** 五老志愿者(本组织五老志愿者的 id) */
  volunteerId: string | number;
};

/** 新增五老志愿者 */
export type CreateVolunteerInput = {
  /** 五老类别 */
  category: VolunteerCategory;
  /** 客户端生成的唯一标识(1–100 字符);同一用户用同一标识重试时返回第一次创建的记录,不会重复录入 */
  clientMutationId?: string | null | undefined;
  /** 身份证号(18 位,含校验位) */
  idNumber?: string | null | undefined;
  /** 是否骨干 */
  isCore?: boolean | null | undefined;
  /** 加入日期(日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期) */
  joinedOn: string;
  /** 姓名(最多 50 个字) */
  name: string;
  /** 所属组织代码 */
  orgCode: string;
  /** 手机号(11 位手机号或带区号的固定电话) */
  phone?: string | null | undefined;
};

/** 一项评定标准的结果 */
export type CriterionResultInput = {
  /** 标准代码(见本县的评定标准) */
  criterionKey: string;
  /** 是否达到 */
  met: boolean;
};

/** 修改支出:只传要改的字段 */
export type DisbursementPatch = {
  /** 金额(元)(以元为单位的十进制文字,最多两位小数,如 "800.00") */
  amountYuan?: string | null | undefined;
  /** 帮扶对象(受助的本组织帮扶对象的 id(如有));传 null 清空 */
  beneficiaryId?: string | number | null | undefined;
  /** 支付日期(日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期) */
  paidOn?: string | null | undefined;
  /** 收款人(最多 50 个字) */
  recipientName?: string | null | undefined;
  /** 资金用途(定向基金);传 null 清空 */
  restrictedPurpose?: RestrictedPurpose | null | undefined;
};

/** 捐赠形式 */
export type DonationForm =
  /** 捐物(折价) */
  | 'GOODS'
  /** 捐款 */
  | 'MONEY';

/** 修改捐赠:只传要改的字段 */
export type DonationPatch = {
  /** 金额(元)(以元为单位的十进制文字,最多两位小数,如 "1500.50") */
  amountYuan?: string | null | undefined;
  /** 捐赠方类别 */
  donorKind?: DonorKind | null | undefined;
  /** 捐赠方名称(最多 100 个字) */
  donorName?: string | null | undefined;
  /** 捐赠形式 */
  form?: DonationForm | null | undefined;
  /** 收到日期(日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期) */
  receivedOn?: string | null | undefined;
  /** 定向用途;传 null 清空 */
  restrictedPurpose?: RestrictedPurpose | null | undefined;
};

/** 捐赠方类别 */
export type DonorKind =
  /** 干部 */
  | 'CADRE'
  /** 企业 */
  | 'ENTERPRISE'
  /** 社会力量 */
  | 'SOCIAL'
  /** 五老 */
  | 'VETERAN';

/** 导出文件格式 */
export type ExportFormat =
  /** CSV 表格:本组织及所有下级逐行列出(UTF-8 带 BOM,Excel 可直接打开) */
  | 'CSV'
  /** Word 文档:年度工作总结的数字段落,可编辑 */
  | 'DOCX'
  /** Excel 工作簿:汇总、下级单位、村社区、说明四张表 */
  | 'XLSX';

/** 导出任务状态 */
export type ExportStatus =
  /** 已完成,可下载 */
  | 'DONE'
  /** 失败(重试用尽),见错误信息 */
  | 'FAILED'
  /** 排队中(含失败后等待重试) */
  | 'QUEUED'
  /** 生成中 */
  | 'RUNNING';

/** 汇总指标代码(与 Rollup 上的字段同名) */
export type FigureKey =
  /** 开展活动(次) */
  | 'activityCount'
  /** 关爱帮扶活动(次) */
  | 'activityCountCareAssistance'
  /** 文明创建活动(次) */
  | 'activityCountCivility'
  /** 家教家风活动(次) */
  | 'activityCountFamilyEducation'
  /** 宣讲活动(次) */
  | 'activityCountLecture'
  /** 法治教育活动(次) */
  | 'activityCountLegalEducation'
  /** 其他活动(次) */
  | 'activityCountOther'
  /** 爱国主义教育活动(次) */
  | 'activityCountPatriotism'
  /** 技能培训活动(次) */
  | 'activityCountSkillsTraining'
  /** 理论学习活动(次) */
  | 'activityCountTheoryStudy'
  /** 参加活动(人次) */
  | 'activityParticipants'
  /** 关爱帮扶活动参加(人次) */
  | 'activityParticipantsCareAssistance'
  /** 文明创建活动参加(人次) */
  | 'activityParticipantsCivility'
  /** 家教家风活动参加(人次) */
  | 'activityParticipantsFamilyEducation'
  /** 宣讲活动参加(人次) */
  | 'activityParticipantsLecture'
  /** 法治教育活动参加(人次) */
  | 'activityParticipantsLegalEducation'
  /** 其他活动参加(人次) */
  | 'activityParticipantsOther'
  /** 爱国主义教育活动参加(人次) */
  | 'activityParticipantsPatriotism'
  /** 技能培训活动参加(人次) */
  | 'activityParticipantsSkillsTraining'
  /** 理论学习活动参加(人次) */
  | 'activityParticipantsTheoryStudy'
  /** 活动场次(场) */
  | 'activitySessions'
  /** 关爱帮扶活动场次(场) */
  | 'activitySessionsCareAssistance'
  /** 文明创建活动场次(场) */
  | 'activitySessionsCivility'
  /** 家教家风活动场次(场) */
  | 'activitySessionsFamilyEducation'
  /** 宣讲活动场次(场) */
  | 'activitySessionsLecture'
  /** 法治教育活动场次(场) */
  | 'activitySessionsLegalEducation'
  /** 其他活动场次(场) */
  | 'activitySessionsOther'
  /** 爱国主义教育活动场次(场) */
  | 'activitySessionsPatriotism'
  /** 技能培训活动场次(场) */
  | 'activitySessionsSkillsTraining'
  /** 理论学习活动场次(场) */
  | 'activitySessionsTheoryStudy'
  /** 被采用稿件(篇) */
  | 'articleAdoptedCount'
  /** 稿件采用率(比率) */
  | 'articleAdoptionRate'
  /** 报送宣传稿件(篇) */
  | 'articleCount'
  /** 工作经费预算(元) */
  | 'budgetYuan'
  /** 巩固率(比率) */
  | 'consolidationRate'
  /** 五老骨干(人) */
  | 'coreVolunteerCount'
  /** 五老骨干占比(比率) */
  | 'coreVolunteerShare'
  /** 资金支出(元) */
  | 'disbursementTotal'
  /** 干部捐赠(元) */
  | 'donationCadre'
  /** 企业捐赠(元) */
  | 'donationEnterprise'
  /** 社会力量捐赠(元) */
  | 'donationSocial'
  /** 捐款捐物(元) */
  | 'donationTotal'
  /** 五老捐赠(元) */
  | 'donationVeteran'
  /** 达到“五好”标准的组织(个) */
  | 'fiveGoodCount'
  /** 保持“五好”的组织(个) */
  | 'fiveGoodKeptCount'
  /** 上年“五好”组织(个) */
  | 'fiveGoodLastYearCount'
  /** “五好”达标率(比率) */
  | 'fiveGoodRate'
  /** 收支结余(元) */
  | 'fundBalance'
  /** “四有”覆盖率(比率) */
  | 'guaranteeCoverage'
  /** “四有”齐全的组织(个) */
  | 'guaranteeFullCount'
  /** 新建关工委组织(个) */
  | 'newOrgCount'
  /** 关工委组织(个) */
  | 'orgCount'
  /** 社区关工委组织(个) */
  | 'orgCountCommunity'
  /** 部门关工委组织(个) */
  | 'orgCountDepartment'
  /** 企业关工委组织(个) */
  | 'orgCountEnterprise'
  /** 学校关工委组织(个) */
  | 'orgCountSchool'
  /** 街道关工委组织(个) */
  | 'orgCountSubdistrict'
  /** 镇关工委组织(个) */
  | 'orgCountTown'
  /** 村关工委组织(个) */
  | 'orgCountVillage'
  /** 乡关工委组织(个) */
  | 'orgCountXiang'
  /** 结对帮扶(对) */
  | 'pairCount'
  /** 帮扶困境儿童(对) */
  | 'pairCountChildInDifficulty'
  /** 帮扶留守儿童(对) */
  | 'pairCountLeftBehindChild'
  /** 帮扶贫困学生(对) */
  | 'pairCountPoorStudent'
  /** 帮扶青年农民(对) */
  | 'pairCountYoungFarmer'
  /** 报表完成率(比率) */
  | 'reportCompleteness'
  /** 逾期上报报表的组织(个) */
  | 'reportLateCount'
  /** 按时上报报表的组织(个) */
  | 'reportOnTimeCount'
  /** 报表按时完成率(比率) */
  | 'reportOnTimeRate'
  /** 已上报报表的组织(个) */
  | 'reportSubmittedCount'
  /** 定向(教育基金)收入(元) */
  | 'restrictedReceipts'
  /** 五老志愿者(人) */
  | 'volunteerCount'
  /** 老干部(人) */
  | 'volunteerCountCadre'
  /** 老模范(人) */
  | 'volunteerCountModelWorker'
  /** 老党员(人) */
  | 'volunteerCountPartyMember'
  /** 老战士(人) */
  | 'volunteerCountSoldier'
  /** 老教师(人) */
  | 'volunteerCountTeacher'
  /** 受教育青少年(人次) */
  | 'youthReached'
  /** 关爱帮扶活动受教育青少年(人次) */
  | 'youthReachedCareAssistance'
  /** 文明创建活动受教育青少年(人次) */
  | 'youthReachedCivility'
  /** 家教家风活动受教育青少年(人次) */
  | 'youthReachedFamilyEducation'
  /** 宣讲活动受教育青少年(人次) */
  | 'youthReachedLecture'
  /** 法治教育活动受教育青少年(人次) */
  | 'youthReachedLegalEducation'
  /** 其他活动受教育青少年(人次) */
  | 'youthReachedOther'
  /** 爱国主义教育活动受教育青少年(人次) */
  | 'youthReachedPatriotism'
  /** 技能培训活动受教育青少年(人次) */
  | 'youthReachedSkillsTraining'
  /** 理论学习活动受教育青少年(人次) */
  | 'youthReachedTheoryStudy';

/** 汇总口径 */
export type FigureState =
  /** 审核数(按已审核报表上报时的数字汇总) */
  | 'APPROVED'
  /** 实时数(按当前记录汇总) */
  | 'LIVE';

/** 修改"四有"保障:只传要改的字段 */
export type GuaranteePatch = {
  /** 年度预算(元)(以元为单位的十进制文字,可为 "0");传 null 清空 */
  budgetYuan?: string | null | undefined;
  /** 有设备 */
  hasEquipment?: boolean | null | undefined;
  /** 有经费 */
  hasFunding?: boolean | null | undefined;
  /** 有场所 */
  hasOffice?: boolean | null | undefined;
  /** 有人员 */
  hasStaff?: boolean | null | undefined;
  /** 年度(不早于组织成立的年份,不晚于今年) */
  year?: number | null | undefined;
};

/** 组织层级 */
export type OrgLevel =
  /** 地市级 */
  | 'CITY'
  /** 县级(县、县级市、区) */
  | 'COUNTY'
  /** 省级 */
  | 'PROVINCE'
  /** 乡镇街道及县直部门 */
  | 'TOWNSHIP'
  /** 村、社区、学校、企业 */
  | 'VILLAGE';

/** 组织类型(与层级无关) */
export type OrgType =
  /** 市 */
  | 'CITY'
  /** 社区 */
  | 'COMMUNITY'
  /** 县(市、区) */
  | 'COUNTY'
  /** 部门 */
  | 'DEPARTMENT'
  /** 企业 */
  | 'ENTERPRISE'
  /** 省 */
  | 'PROVINCE'
  /** 学校 */
  | 'SCHOOL'
  /** 街道 */
  | 'SUBDISTRICT'
  /** 镇 */
  | 'TOWN'
  /** 村 */
  | 'VILLAGE'
  /** 乡 */
  | 'XIANG';

/** 修改结对帮扶:只传要改的字段 */
export type PairPatch = {
  /** 帮扶对象(本组织帮扶对象的 id) */
  beneficiaryId?: string | number | null | undefined;
  /** 结对日期(日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期) */
  startedOn?: string | null | undefined;
  /** 五老志愿者(本组织五老志愿者的 id) */
  volunteerId?: string | number | null | undefined;
};

/** 报表进度(含未填报) */
export type ReportState =
  /** 已审核 */
  | 'APPROVED'
  /** 填报中 */
  | 'DRAFT'
  /** 未填报 */
  | 'NOT_STARTED'
  /** 已退回 */
  | 'RETURNED'
  /** 已上报 */
  | 'SUBMITTED';

/** 报表状态 */
export type ReportStatus =
  /** 已审核 */
  | 'APPROVED'
  /** 填报中 */
  | 'DRAFT'
  /** 已退回 */
  | 'RETURNED'
  /** 已上报 */
  | 'SUBMITTED';

/** 定向用途(专款专用) */
export type RestrictedPurpose =
  /** 奖学 */
  | 'SCHOLARSHIP'
  /** 助学 */
  | 'STUDENT_AID';

/** 角色 */
export type Role =
  /** 管理员 */
  | 'ADMIN'
  /** 录入员 */
  | 'EDITOR'
  /** 查看员 */
  | 'VIEWER';

/** 一个组织一年的"五好"评定:本县评定标准的每一项都要给出结果 */
export type SetAssessmentInput = {
  /** 读到的评定版本号;该年度第一次评定时不传 */
  expectedVersion?: number | null | undefined;
  /** 组织代码 */
  orgCode: string;
  /** 各项标准的结果 */
  results: Array<CriterionResultInput>;
  /** 评定年度 */
  year: number;
};

/** 五老类别 */
export type VolunteerCategory =
  /** 老干部 */
  | 'CADRE'
  /** 老模范 */
  | 'MODEL_WORKER'
  /** 老党员 */
  | 'PARTY_MEMBER'
  /** 老战士 */
  | 'SOLDIER'
  /** 老教师 */
  | 'TEACHER';

/** 修改五老志愿者:只传要改的字段 */
export type VolunteerPatch = {
  /** 五老类别 */
  category?: VolunteerCategory | null | undefined;
  /** 身份证号(18 位,含校验位);传 null 清空 */
  idNumber?: string | null | undefined;
  /** 是否骨干;传 null 清空 */
  isCore?: boolean | null | undefined;
  /** 加入日期(日期 YYYY-MM-DD,不晚于今天、不早于组织成立日期) */
  joinedOn?: string | null | undefined;
  /** 姓名(最多 50 个字) */
  name?: string | null | undefined;
  /** 手机号(11 位手机号或带区号的固定电话);传 null 清空 */
  phone?: string | null | undefined;
};

export type EntryAssessmentQueryVariables = Exact<{
  code: string;
  year: unknown;
}>;


export type EntryAssessmentQuery = { org: { id: string, assessmentCriteria: Array<{ key: string, name: string }>, assessments: { nodes: Array<{ id: string, criterionKey: string, met: boolean, version: number, year: number }> } } };

export type SetAssessmentMutationVariables = Exact<{
  input: SetAssessmentInput;
}>;


export type SetAssessmentMutation = { setAssessment: { version: number, results: Array<{ criterionKey: string, met: boolean }>, warnings: Array<{ detail: string }> } };

export type OrgCompletenessQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type OrgCompletenessQuery = { org: { id: string, reportBoard: Array<{ state: ReportState, org: { id: string, code: string, name: string, level: OrgLevel } }>, overdueReports: Array<{ daysLate: number, state: ReportState, org: { id: string, code: string, name: string } }> } };

export type OrgDiscrepanciesQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type OrgDiscrepanciesQuery = { org: { id: string, discrepancies: Array<{ metricKey: string, label: string, reportedValue: string, computedValue: number | null, source: string }> } };

export type RequestExportMutationVariables = Exact<{
  code: string;
  period: unknown;
  format: ExportFormat;
  figureState: FigureState;
}>;


export type RequestExportMutation = { requestExport: { id: string, status: ExportStatus, progress: number } };

export type ExportJobQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportJobQuery = { export: { id: string, status: ExportStatus, progress: number, fileName: string | null, sizeBytes: number | null, downloadUrl: string | null, error: string | null, format: ExportFormat } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { user: { id: string, username: string, displayName: string }, roles: Array<{ role: Role, org: { id: string, code: string, name: string, level: OrgLevel } }> } };

export type EntryReportQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type EntryReportQuery = { org: { id: string, name: string, report: { id: string, status: ReportStatus, version: number, submittedAt: string | null, returnReason: string | null, forceReason: string | null } | null } };

export type SubmitReportMutationVariables = Exact<{
  code: string;
  period: unknown;
  reason?: string | null | undefined;
}>;


export type SubmitReportMutation = { submitReport: { id: string, status: ReportStatus, version: number, submittedAt: string | null, forceReason: string | null } };

export type OrgSummaryQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type OrgSummaryQuery = { org: { id: string, summary: string } };

export type EntryOrgQueryVariables = Exact<{
  code: string;
}>;


export type EntryOrgQuery = { org: { id: string, code: string, name: string, ancestors: Array<{ code: string, name: string }> }, labels: { volunteerCategory: Array<{ value: string, label: string }>, activityTheme: Array<{ value: string, label: string }>, donorKind: Array<{ value: string, label: string }>, donationForm: Array<{ value: string, label: string }>, restrictedPurpose: Array<{ value: string, label: string }>, beneficiaryCategory: Array<{ value: string, label: string }> } };

export type EntryRefsQueryVariables = Exact<{
  code: string;
}>;


export type EntryRefsQuery = { org: { id: string, volunteers: { nodes: Array<{ id: string, name: string }> }, beneficiaries: { nodes: Array<{ id: string, name: string }> } } };

export type LatestYearQueryVariables = Exact<{
  code: string;
  y0: unknown;
  y1: unknown;
  y2: unknown;
  y3: unknown;
  y4: unknown;
  y5: unknown;
}>;


export type LatestYearQuery = { org: { id: string, y0: { id: string, activityCount: number }, y1: { id: string, activityCount: number }, y2: { id: string, activityCount: number }, y3: { id: string, activityCount: number }, y4: { id: string, activityCount: number }, y5: { id: string, activityCount: number } } };

export type LoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string } };

export type OrgDashboardQueryVariables = Exact<{
  code: string;
  period: unknown;
  headline: Array<FigureKey> | FigureKey;
  table: Array<FigureKey> | FigureKey;
}>;


export type OrgDashboardQuery = { org: { id: string, code: string, name: string, level: OrgLevel, type: OrgType, ancestors: Array<{ code: string, name: string }>, rollup: { id: string, figures: Array<{ key: string, label: string, unit: string, value: number | null, change: number | null, changeUnit: string }> }, childRollups: { total: { id: string, figures: Array<{ key: string, label: string, unit: string, value: number | null, changeUnit: string }> }, rows: Array<{ id: string, org: { id: string, code: string, name: string }, figures: Array<{ key: string, value: number | null }> }> } } };

export type OrgYearsQueryVariables = Exact<{
  code: string;
  y0: unknown;
  y1: unknown;
  y2: unknown;
  y3: unknown;
  y4: unknown;
}>;


export type OrgYearsQuery = { org: { id: string, y0: { id: string, orgCount: number, fiveGoodCount: number, volunteerCount: number, coreVolunteerCount: number }, y1: { id: string, orgCount: number, fiveGoodCount: number, volunteerCount: number, coreVolunteerCount: number }, y2: { id: string, orgCount: number, fiveGoodCount: number, volunteerCount: number, coreVolunteerCount: number }, y3: { id: string, orgCount: number, fiveGoodCount: number, volunteerCount: number, coreVolunteerCount: number }, y4: { id: string, orgCount: number, fiveGoodCount: number, volunteerCount: number, coreVolunteerCount: number } } };

export type YearFiguresFragment = { id: string, orgCount: number, fiveGoodCount: number, volunteerCount: number, coreVolunteerCount: number };

export type ReviewBoardQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type ReviewBoardQuery = { org: { id: string, code: string, name: string, reportBoard: Array<{ state: ReportState, org: { id: string, code: string, name: string, level: OrgLevel }, report: { id: string, status: ReportStatus, version: number, submittedAt: string | null, forceReason: string | null, returnReason: string | null } | null }> } };

export type ApproveReportMutationVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type ApproveReportMutation = { approveReport: { id: string, status: ReportStatus } };

export type ReturnReportMutationVariables = Exact<{
  code: string;
  period: unknown;
  reason: string;
}>;


export type ReturnReportMutation = { returnReport: { id: string, status: ReportStatus, returnReason: string | null } };

export type EntryVolunteersQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type EntryVolunteersQuery = { org: { id: string, volunteers: { totalCount: number, nodes: Array<{ id: string, version: number, name: string, category: VolunteerCategory, isCore: boolean, joinedOn: string, phone: string | null }> } } };

export type EntryCreateVolunteerMutationVariables = Exact<{
  input: CreateVolunteerInput;
}>;


export type EntryCreateVolunteerMutation = { createVolunteer: { volunteer: { id: string }, warnings: Array<{ detail: string }> } };

export type EntryUpdateVolunteerMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  patch: VolunteerPatch;
}>;


export type EntryUpdateVolunteerMutation = { updateVolunteer: { volunteer: { id: string, version: number }, warnings: Array<{ detail: string }> } };

export type EntryDeleteVolunteerMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  reason: string;
}>;


export type EntryDeleteVolunteerMutation = { deleteVolunteer: { deletedId: string } };

export type EntryActivitiesQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type EntryActivitiesQuery = { org: { id: string, activities: { totalCount: number, nodes: Array<{ id: string, version: number, title: string, theme: ActivityTheme, heldOn: string, participants: number, sessions: number, youthReached: number }> } } };

export type EntryCreateActivityMutationVariables = Exact<{
  input: CreateActivityInput;
}>;


export type EntryCreateActivityMutation = { createActivity: { activity: { id: string }, warnings: Array<{ detail: string }> } };

export type EntryUpdateActivityMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  patch: ActivityPatch;
}>;


export type EntryUpdateActivityMutation = { updateActivity: { activity: { id: string, version: number }, warnings: Array<{ detail: string }> } };

export type EntryDeleteActivityMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  reason: string;
}>;


export type EntryDeleteActivityMutation = { deleteActivity: { deletedId: string } };

export type EntryDonationsQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type EntryDonationsQuery = { org: { id: string, donations: { totalCount: number, nodes: Array<{ id: string, version: number, donorName: string, donorKind: DonorKind, form: DonationForm, amountYuan: string, receivedOn: string, restrictedPurpose: RestrictedPurpose | null }> } } };

export type EntryCreateDonationMutationVariables = Exact<{
  input: CreateDonationInput;
}>;


export type EntryCreateDonationMutation = { createDonation: { donation: { id: string }, warnings: Array<{ detail: string }> } };

export type EntryUpdateDonationMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  patch: DonationPatch;
}>;


export type EntryUpdateDonationMutation = { updateDonation: { donation: { id: string, version: number }, warnings: Array<{ detail: string }> } };

export type EntryDeleteDonationMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  reason: string;
}>;


export type EntryDeleteDonationMutation = { deleteDonation: { deletedId: string } };

export type EntryArticlesQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type EntryArticlesQuery = { org: { id: string, articles: { totalCount: number, nodes: Array<{ id: string, version: number, title: string, submittedOn: string, adopted: boolean, adoptedLevel: AdoptionLevel | null }> } } };

export type EntryCreateArticleMutationVariables = Exact<{
  input: CreateArticleInput;
}>;


export type EntryCreateArticleMutation = { createArticle: { article: { id: string }, warnings: Array<{ detail: string }> } };

export type EntryUpdateArticleMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  patch: ArticlePatch;
}>;


export type EntryUpdateArticleMutation = { updateArticle: { article: { id: string, version: number }, warnings: Array<{ detail: string }> } };

export type EntryDeleteArticleMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  reason: string;
}>;


export type EntryDeleteArticleMutation = { deleteArticle: { deletedId: string } };

export type EntryBeneficiariesQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type EntryBeneficiariesQuery = { org: { id: string, beneficiaries: { totalCount: number, nodes: Array<{ id: string, version: number, name: string, category: BeneficiaryCategory }> } } };

export type EntryCreateBeneficiaryMutationVariables = Exact<{
  input: CreateBeneficiaryInput;
}>;


export type EntryCreateBeneficiaryMutation = { createBeneficiary: { beneficiary: { id: string }, warnings: Array<{ detail: string }> } };

export type EntryUpdateBeneficiaryMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  patch: BeneficiaryPatch;
}>;


export type EntryUpdateBeneficiaryMutation = { updateBeneficiary: { beneficiary: { id: string, version: number }, warnings: Array<{ detail: string }> } };

export type EntryDeleteBeneficiaryMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  reason: string;
}>;


export type EntryDeleteBeneficiaryMutation = { deleteBeneficiary: { deletedId: string } };

export type EntryPairsQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type EntryPairsQuery = { org: { id: string, pairs: { totalCount: number, nodes: Array<{ id: string, version: number, volunteerName: string, beneficiaryName: string, beneficiaryCategory: BeneficiaryCategory, startedOn: string, endedOn: string | null }> } } };

export type EntryCreatePairMutationVariables = Exact<{
  input: CreatePairInput;
}>;


export type EntryCreatePairMutation = { createPair: { pair: { id: string }, warnings: Array<{ detail: string }> } };

export type EntryUpdatePairMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  patch: PairPatch;
}>;


export type EntryUpdatePairMutation = { updatePair: { pair: { id: string, version: number }, warnings: Array<{ detail: string }> } };

export type EntryDeletePairMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  reason: string;
}>;


export type EntryDeletePairMutation = { deletePair: { deletedId: string } };

export type EntryDisbursementsQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type EntryDisbursementsQuery = { org: { id: string, disbursements: { totalCount: number, nodes: Array<{ id: string, version: number, recipientName: string, amountYuan: string, paidOn: string, restrictedPurpose: RestrictedPurpose | null }> } } };

export type EntryCreateDisbursementMutationVariables = Exact<{
  input: CreateDisbursementInput;
}>;


export type EntryCreateDisbursementMutation = { createDisbursement: { disbursement: { id: string }, warnings: Array<{ detail: string }> } };

export type EntryUpdateDisbursementMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  patch: DisbursementPatch;
}>;


export type EntryUpdateDisbursementMutation = { updateDisbursement: { disbursement: { id: string, version: number }, warnings: Array<{ detail: string }> } };

export type EntryDeleteDisbursementMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  reason: string;
}>;


export type EntryDeleteDisbursementMutation = { deleteDisbursement: { deletedId: string } };

export type EntryGuaranteesQueryVariables = Exact<{
  code: string;
  period: unknown;
}>;


export type EntryGuaranteesQuery = { org: { id: string, guarantees: { totalCount: number, nodes: Array<{ id: string, version: number, year: number, hasStaff: boolean, hasOffice: boolean, hasEquipment: boolean, hasFunding: boolean, budgetYuan: string }> } } };

export type EntryCreateGuaranteeMutationVariables = Exact<{
  input: CreateGuaranteeInput;
}>;


export type EntryCreateGuaranteeMutation = { createGuarantee: { guarantee: { id: string }, warnings: Array<{ detail: string }> } };

export type EntryUpdateGuaranteeMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  patch: GuaranteePatch;
}>;


export type EntryUpdateGuaranteeMutation = { updateGuarantee: { guarantee: { id: string, version: number }, warnings: Array<{ detail: string }> } };

export type EntryDeleteGuaranteeMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  reason: string;
}>;


export type EntryDeleteGuaranteeMutation = { deleteGuarantee: { deletedId: string } };

export const YearFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"YearFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Rollup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgCount"}},{"kind":"Field","name":{"kind":"Name","value":"fiveGoodCount"}},{"kind":"Field","name":{"kind":"Name","value":"volunteerCount"}},{"kind":"Field","name":{"kind":"Name","value":"coreVolunteerCount"}}]}}]} as unknown as DocumentNode<YearFiguresFragment, unknown>;
export const EntryAssessmentDocument = {"__meta__":{"hash":"sha256:840c741fc87b11924fb10c910f3c5eda6f0d8ba51660fde8cdfb8ec8e2ca3106"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryAssessment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assessmentCriteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assessments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"criterionKey"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"year"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntryAssessmentQuery, EntryAssessmentQueryVariables>;
export const SetAssessmentDocument = {"__meta__":{"hash":"sha256:3bc61b3ecf39cf478c7cd1df6b840005a192b931a49d30aaa6a089406d765ef3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetAssessment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetAssessmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAssessment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterionKey"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<SetAssessmentMutation, SetAssessmentMutationVariables>;
export const OrgCompletenessDocument = {"__meta__":{"hash":"sha256:c1572c7a2e5d9223b250440b508becf744fcd7fff7a742f8c3ab8e83a879af7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrgCompleteness"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reportBoard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"org"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overdueReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"daysLate"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"org"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrgCompletenessQuery, OrgCompletenessQueryVariables>;
export const OrgDiscrepanciesDocument = {"__meta__":{"hash":"sha256:a692f0931e15378b62e9b5305e0878dd488890a0d971ab1f16810d88b137cae1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrgDiscrepancies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"discrepancies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metricKey"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"reportedValue"}},{"kind":"Field","name":{"kind":"Name","value":"computedValue"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}}]} as unknown as DocumentNode<OrgDiscrepanciesQuery, OrgDiscrepanciesQueryVariables>;
export const RequestExportDocument = {"__meta__":{"hash":"sha256:8f1f7d0ffa6e5c52dece9138117c838b761bc45c042691c09dc446a04b569117"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportFormat"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"figureState"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FigureState"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}},{"kind":"Argument","name":{"kind":"Name","value":"figureState"},"value":{"kind":"Variable","name":{"kind":"Name","value":"figureState"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}}]}}]} as unknown as DocumentNode<RequestExportMutation, RequestExportMutationVariables>;
export const ExportJobDocument = {"__meta__":{"hash":"sha256:f6f2af6f5841af5fdf1eac62f69f69203a9e27ee52f2148c2bd6abaf8ffe2669"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"export"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}}]} as unknown as DocumentNode<ExportJobQuery, ExportJobQueryVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:7167ac5658360b01f0b51b4b78df5157e92977f6935805fdbc5de9e24079c53d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"org"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const EntryReportDocument = {"__meta__":{"hash":"sha256:553cfe31425b270a7c98923539c563b49a8b3d25c86f8fbedad133ffe102e108"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnReason"}},{"kind":"Field","name":{"kind":"Name","value":"forceReason"}}]}}]}}]}}]} as unknown as DocumentNode<EntryReportQuery, EntryReportQueryVariables>;
export const SubmitReportDocument = {"__meta__":{"hash":"sha256:272d0031e65d61e1db0ace88c08bbbe0e0f1b6c2fa86607d9665cff404e9e826"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"forceWithReason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"forceReason"}}]}}]}}]} as unknown as DocumentNode<SubmitReportMutation, SubmitReportMutationVariables>;
export const OrgSummaryDocument = {"__meta__":{"hash":"sha256:c3d564388cf36db18fa5df0cb4654d3ceeb41ddf9b58a62becf5b04676af7c36"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrgSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}]}]}}]}}]} as unknown as DocumentNode<OrgSummaryQuery, OrgSummaryQueryVariables>;
export const EntryOrgDocument = {"__meta__":{"hash":"sha256:c9f3146acf1ea23435a1b90c87ac54041c5bb7e85ba37ea9c212d132ef3445fd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryOrg"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ancestors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volunteerCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activityTheme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"donorKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"donationForm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"restrictedPurpose"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaryCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]} as unknown as DocumentNode<EntryOrgQuery, EntryOrgQueryVariables>;
export const EntryRefsDocument = {"__meta__":{"hash":"sha256:2b2c5f5633b8dd5e9b4c4ce864e60a97a64d26b528465f42f7b401c454486b67"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryRefs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"volunteers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntryRefsQuery, EntryRefsQueryVariables>;
export const LatestYearDocument = {"__meta__":{"hash":"sha256:14d09c4034d86e14a54080a629d229f7a8d4bb6b5af7ce4e390d4c1f69a0fb8c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LatestYear"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"y0"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"y1"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"y2"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"y3"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"y4"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"y5"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","alias":{"kind":"Name","value":"y0"},"name":{"kind":"Name","value":"rollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"y0"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y1"},"name":{"kind":"Name","value":"rollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"y1"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y2"},"name":{"kind":"Name","value":"rollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"y2"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y3"},"name":{"kind":"Name","value":"rollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"y3"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y4"},"name":{"kind":"Name","value":"rollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"y4"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y5"},"name":{"kind":"Name","value":"rollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"y5"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activityCount"}}]}}]}}]}}]} as unknown as DocumentNode<LatestYearQuery, LatestYearQueryVariables>;
export const LoginDocument = {"__meta__":{"hash":"sha256:39f411185f2cbd20d75e668783d06fdd5a35e3d5e49bb7980896876239938e03"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const OrgDashboardDocument = {"__meta__":{"hash":"sha256:8f9a3259d4b91bcb15578183a7e2162ca462b149207a3a1401ae1dd64035464a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrgDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"headline"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FigureKey"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"table"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FigureKey"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"ancestors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"keys"},"value":{"kind":"Variable","name":{"kind":"Name","value":"headline"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"changeUnit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"childRollups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"keys"},"value":{"kind":"Variable","name":{"kind":"Name","value":"table"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"changeUnit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"org"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"keys"},"value":{"kind":"Variable","name":{"kind":"Name","value":"table"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrgDashboardQuery, OrgDashboardQueryVariables>;
export const OrgYearsDocument = {"__meta__":{"hash":"sha256:8ddd5966764e6564c862f4322f43b81297e48d69c6a993071a21ebe19170f463"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrgYears"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"y0"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"y1"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"y2"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"y3"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"y4"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","alias":{"kind":"Name","value":"y0"},"name":{"kind":"Name","value":"rollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"y0"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"YearFigures"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y1"},"name":{"kind":"Name","value":"rollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"y1"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"YearFigures"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y2"},"name":{"kind":"Name","value":"rollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"y2"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"YearFigures"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y3"},"name":{"kind":"Name","value":"rollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"y3"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"YearFigures"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"y4"},"name":{"kind":"Name","value":"rollup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"y4"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"YearFigures"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"YearFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Rollup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgCount"}},{"kind":"Field","name":{"kind":"Name","value":"fiveGoodCount"}},{"kind":"Field","name":{"kind":"Name","value":"volunteerCount"}},{"kind":"Field","name":{"kind":"Name","value":"coreVolunteerCount"}}]}}]} as unknown as DocumentNode<OrgYearsQuery, OrgYearsQueryVariables>;
export const ReviewBoardDocument = {"__meta__":{"hash":"sha256:1d18eac3747331153be827a5db85f38cafaa2199b6a8448932e23a603f18c425"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewBoard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"reportBoard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"org"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"forceReason"}},{"kind":"Field","name":{"kind":"Name","value":"returnReason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReviewBoardQuery, ReviewBoardQueryVariables>;
export const ApproveReportDocument = {"__meta__":{"hash":"sha256:440b9f3fc79bf0853778f33215d8e426c60263516ab5e5eee7f59b02b372e86c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApproveReportMutation, ApproveReportMutationVariables>;
export const ReturnReportDocument = {"__meta__":{"hash":"sha256:a26bd0d75f7b2b6abea60738dfb90b762b8c27bfcceb8f756d0e5e40da7dfc33"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReturnReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"returnReason"}}]}}]}}]} as unknown as DocumentNode<ReturnReportMutation, ReturnReportMutationVariables>;
export const EntryVolunteersDocument = {"__meta__":{"hash":"sha256:b51d2ea2a48023507bffa8f4337fd7667f0d41f615f72286f9ab411efde79a94"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryVolunteers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"volunteers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"isCore"}},{"kind":"Field","name":{"kind":"Name","value":"joinedOn"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntryVolunteersQuery, EntryVolunteersQueryVariables>;
export const EntryCreateVolunteerDocument = {"__meta__":{"hash":"sha256:05ee454adda551bb485957afd84a73a3a6a2aeb99bbbe0bda26b83b0041cda87"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryCreateVolunteer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateVolunteerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createVolunteer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volunteer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryCreateVolunteerMutation, EntryCreateVolunteerMutationVariables>;
export const EntryUpdateVolunteerDocument = {"__meta__":{"hash":"sha256:7c0c5306915c16e728fb13af91a14a405ec42dd5d1f4e54fb181776e17f62ef8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryUpdateVolunteer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VolunteerPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateVolunteer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volunteer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryUpdateVolunteerMutation, EntryUpdateVolunteerMutationVariables>;
export const EntryDeleteVolunteerDocument = {"__meta__":{"hash":"sha256:ab7c0e555bfd976fd3269bc71c8e69f4f3c650301cc10977b8853aa3e7b05b59"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryDeleteVolunteer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteVolunteer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<EntryDeleteVolunteerMutation, EntryDeleteVolunteerMutationVariables>;
export const EntryActivitiesDocument = {"__meta__":{"hash":"sha256:01570b05023fbe8bf12b2f9a7221cba9c884c0acbf7c0c476d2980d961b81e58"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryActivities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"youthReached"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntryActivitiesQuery, EntryActivitiesQueryVariables>;
export const EntryCreateActivityDocument = {"__meta__":{"hash":"sha256:3281d5be33163afc951d45ab13cfbbb1024dd33b284d5770dc9fce32f088bb7a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryCreateActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryCreateActivityMutation, EntryCreateActivityMutationVariables>;
export const EntryUpdateActivityDocument = {"__meta__":{"hash":"sha256:bc670c731d5d7ee1958bd3b77ef9e52f83a692f427e8296dd7cd1197e675e055"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryUpdateActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryUpdateActivityMutation, EntryUpdateActivityMutationVariables>;
export const EntryDeleteActivityDocument = {"__meta__":{"hash":"sha256:212e0d4bfe381b79c854921806e81c41660c7dc3977b7a93c2c4b7f2573572b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryDeleteActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<EntryDeleteActivityMutation, EntryDeleteActivityMutationVariables>;
export const EntryDonationsDocument = {"__meta__":{"hash":"sha256:b1c04cb87193a6dddd436298f815b049f02cb6d14714601c589c3677880f51f7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryDonations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"donations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"donorName"}},{"kind":"Field","name":{"kind":"Name","value":"donorKind"}},{"kind":"Field","name":{"kind":"Name","value":"form"}},{"kind":"Field","name":{"kind":"Name","value":"amountYuan"}},{"kind":"Field","name":{"kind":"Name","value":"receivedOn"}},{"kind":"Field","name":{"kind":"Name","value":"restrictedPurpose"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntryDonationsQuery, EntryDonationsQueryVariables>;
export const EntryCreateDonationDocument = {"__meta__":{"hash":"sha256:79c865e5998afc2a3a536420f568957fbbeaeb54bf8da9974eb70673ac84c483"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryCreateDonation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDonationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDonation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"donation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryCreateDonationMutation, EntryCreateDonationMutationVariables>;
export const EntryUpdateDonationDocument = {"__meta__":{"hash":"sha256:41033bb9cec7854b9659486c6d4eaf84d53bd07924491ddd7976da2698215f95"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryUpdateDonation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DonationPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateDonation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"donation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryUpdateDonationMutation, EntryUpdateDonationMutationVariables>;
export const EntryDeleteDonationDocument = {"__meta__":{"hash":"sha256:e8958fedf6bbb606dae9b91b4e26fe62b5a89fd6defe8d3f1c31607e476e47bc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryDeleteDonation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteDonation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<EntryDeleteDonationMutation, EntryDeleteDonationMutationVariables>;
export const EntryArticlesDocument = {"__meta__":{"hash":"sha256:2f4ff0c4b06b4e7089d485a1f643d65b7ac911c3050ef4666d77050ea0d4322a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryArticles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"submittedOn"}},{"kind":"Field","name":{"kind":"Name","value":"adopted"}},{"kind":"Field","name":{"kind":"Name","value":"adoptedLevel"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntryArticlesQuery, EntryArticlesQueryVariables>;
export const EntryCreateArticleDocument = {"__meta__":{"hash":"sha256:fd9caade9337ad6ef3d0b4c719c00108f45f3a54765bfa4964f74517737db500"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryCreateArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateArticleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createArticle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryCreateArticleMutation, EntryCreateArticleMutationVariables>;
export const EntryUpdateArticleDocument = {"__meta__":{"hash":"sha256:6fa048e227f52002401d8179326a2b4459c6cdc51ba6ca46d76f9d7cb561991d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryUpdateArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArticlePatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateArticle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryUpdateArticleMutation, EntryUpdateArticleMutationVariables>;
export const EntryDeleteArticleDocument = {"__meta__":{"hash":"sha256:8ca124057a9d1ddd48ea737f657e037996456ba8371018663c72cbd6b9010056"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryDeleteArticle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteArticle"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<EntryDeleteArticleMutation, EntryDeleteArticleMutationVariables>;
export const EntryBeneficiariesDocument = {"__meta__":{"hash":"sha256:6e3dc71f84f89e35c65a2056ac4f8af00906f397e145b56143aa1eecdd909c25"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryBeneficiaries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntryBeneficiariesQuery, EntryBeneficiariesQueryVariables>;
export const EntryCreateBeneficiaryDocument = {"__meta__":{"hash":"sha256:38f53a17a0a272628c1291f50831b05843ae80a3c76c5fc2734f690d19dee6e7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryCreateBeneficiary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateBeneficiaryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBeneficiary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"beneficiary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryCreateBeneficiaryMutation, EntryCreateBeneficiaryMutationVariables>;
export const EntryUpdateBeneficiaryDocument = {"__meta__":{"hash":"sha256:a02205191498cc62f30a13543e48ca8db07b6d5865e1f8f961f4a41b0a6cefe8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryUpdateBeneficiary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BeneficiaryPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateBeneficiary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"beneficiary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryUpdateBeneficiaryMutation, EntryUpdateBeneficiaryMutationVariables>;
export const EntryDeleteBeneficiaryDocument = {"__meta__":{"hash":"sha256:8ef1a7d8a0948a0408169a22d993e6d24cc3c77f0e3c4b9657e1c278ad95c169"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryDeleteBeneficiary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteBeneficiary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<EntryDeleteBeneficiaryMutation, EntryDeleteBeneficiaryMutationVariables>;
export const EntryPairsDocument = {"__meta__":{"hash":"sha256:095e069885242c58a948022d13f793ba8e947310140b39f734f5884d23188c2e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryPairs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pairs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"volunteerName"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaryName"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaryCategory"}},{"kind":"Field","name":{"kind":"Name","value":"startedOn"}},{"kind":"Field","name":{"kind":"Name","value":"endedOn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntryPairsQuery, EntryPairsQueryVariables>;
export const EntryCreatePairDocument = {"__meta__":{"hash":"sha256:90d256c0f41afa05aa6dff78492f2011d65da5812e5c09b9d9c8b817067b7833"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryCreatePair"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePairInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPair"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pair"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryCreatePairMutation, EntryCreatePairMutationVariables>;
export const EntryUpdatePairDocument = {"__meta__":{"hash":"sha256:3786bea2cbddcb99445069fd0f3d11b45826fdb7decab2391d3d58d91b86fe04"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryUpdatePair"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PairPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePair"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pair"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryUpdatePairMutation, EntryUpdatePairMutationVariables>;
export const EntryDeletePairDocument = {"__meta__":{"hash":"sha256:0cc4644e1218f4e44ba82b94a9c996d1fa514cd8e9ab3ee4902b9ae08b20b8c9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryDeletePair"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePair"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<EntryDeletePairMutation, EntryDeletePairMutationVariables>;
export const EntryDisbursementsDocument = {"__meta__":{"hash":"sha256:2e8d5088be69ddddb0866553ab230e10c1567f2681816addb25fa40e72b175bb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryDisbursements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"disbursements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"amountYuan"}},{"kind":"Field","name":{"kind":"Name","value":"paidOn"}},{"kind":"Field","name":{"kind":"Name","value":"restrictedPurpose"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntryDisbursementsQuery, EntryDisbursementsQueryVariables>;
export const EntryCreateDisbursementDocument = {"__meta__":{"hash":"sha256:2ca65243ae04c7ef143ab539f0614be52d805a6c81cd2765b3eeb22e29665d50"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryCreateDisbursement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDisbursementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDisbursement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disbursement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryCreateDisbursementMutation, EntryCreateDisbursementMutationVariables>;
export const EntryUpdateDisbursementDocument = {"__meta__":{"hash":"sha256:0627782faea3af4065174c552e39ca9e231dfe7bd69b9809c2c84670e7742916"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryUpdateDisbursement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DisbursementPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateDisbursement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disbursement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryUpdateDisbursementMutation, EntryUpdateDisbursementMutationVariables>;
export const EntryDeleteDisbursementDocument = {"__meta__":{"hash":"sha256:de58aae86bcaaff760d991e78d2b7ae0428c783e8a80cf74a056bf7065fe45a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryDeleteDisbursement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteDisbursement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<EntryDeleteDisbursementMutation, EntryDeleteDisbursementMutationVariables>;
export const EntryGuaranteesDocument = {"__meta__":{"hash":"sha256:c1a7306da8015676dc8e8adf4d83171704a64b6347ea6b6ad93772a0b40b40e4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntryGuarantees"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Period"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"org"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"guarantees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"hasStaff"}},{"kind":"Field","name":{"kind":"Name","value":"hasOffice"}},{"kind":"Field","name":{"kind":"Name","value":"hasEquipment"}},{"kind":"Field","name":{"kind":"Name","value":"hasFunding"}},{"kind":"Field","name":{"kind":"Name","value":"budgetYuan"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntryGuaranteesQuery, EntryGuaranteesQueryVariables>;
export const EntryCreateGuaranteeDocument = {"__meta__":{"hash":"sha256:46f777dc0ef04b7b9b667f999a035bb9109fbf45487401ad1c56b5dd05251b65"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryCreateGuarantee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGuaranteeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGuarantee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guarantee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryCreateGuaranteeMutation, EntryCreateGuaranteeMutationVariables>;
export const EntryUpdateGuaranteeDocument = {"__meta__":{"hash":"sha256:268d2f816cf64d129bb414e985dbf8e138afcf1f495d3c35a4b6e13d50ac488a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryUpdateGuarantee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GuaranteePatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGuarantee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guarantee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<EntryUpdateGuaranteeMutation, EntryUpdateGuaranteeMutationVariables>;
export const EntryDeleteGuaranteeDocument = {"__meta__":{"hash":"sha256:4fdad235e41a7a330359cc3363aa3266ef3f66eb93182c6855edc8d7258a2d20"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EntryDeleteGuarantee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteGuarantee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<EntryDeleteGuaranteeMutation, EntryDeleteGuaranteeMutationVariables>;