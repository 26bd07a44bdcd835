import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from '../gql';

/**
 * The kinds of record a village (or any org) enters, one declaration each: the documents that
 * list, create, update and delete them, and the fields of their form. The form, the list and
 * the errors are one component for all of them (EntryPage).
 */
export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'date' | 'int' | 'money' | 'bool' | 'enum' | 'ref';
  /** the labels of an enum field's values (query `labels`, as EntryPage asks for them) */
  options?: 'volunteerCategory' | 'activityTheme' | 'donorKind' | 'donationForm' | 'restrictedPurpose' | 'beneficiaryCategory';
  /** a ref field picks one of the org's volunteers or beneficiaries (by id) */
  ref?: 'volunteers' | 'beneficiaries';
  required?: boolean;
}

export interface RecordRow {
  id: string;
  version: number;
  [field: string]: unknown;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- one component serves every kind; each document is still typed and checked by graphql-codegen */
export interface KindSpec {
  kind: string;
  title: string;
  /** the field the created record comes back under in the payload */
  payloadField: string;
  list: TypedDocumentNode<any, { code: string; period: string }>;
  rows: (data: any) => { totalCount: number; nodes: RecordRow[] } | null;
  create: TypedDocumentNode<any, { input: any }>;
  update: TypedDocumentNode<any, { id: string; expectedVersion: number; patch: any }>;
  remove: TypedDocumentNode<any, { id: string; expectedVersion: number; reason: string }>;
  fields: FieldSpec[];
  /** the list's columns, when they are not the form's fields (a pair lists names, its form picks ids) */
  columns?: Array<{ name: string; label: string; type?: FieldSpec['type']; options?: FieldSpec['options'] }>;
}

const VolunteersList = graphql(`
  query EntryVolunteers($code: String!, $period: Period!) {
    org(code: $code) { id volunteers(period: $period, first: 200) { totalCount nodes { id version name category isCore joinedOn phone } } }
  }
`);
const CreateVolunteer = graphql(`
  mutation EntryCreateVolunteer($input: CreateVolunteerInput!) { createVolunteer(input: $input) { volunteer { id } warnings { detail } } }
`);
const UpdateVolunteer = graphql(`
  mutation EntryUpdateVolunteer($id: ID!, $expectedVersion: Int!, $patch: VolunteerPatch!) {
    updateVolunteer(id: $id, expectedVersion: $expectedVersion, patch: $patch) { volunteer { id version } warnings { detail } }
  }
`);
const DeleteVolunteer = graphql(`
  mutation EntryDeleteVolunteer($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteVolunteer(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }
`);

const ActivitiesList = graphql(`
  query EntryActivities($code: String!, $period: Period!) {
    org(code: $code) { id activities(period: $period, first: 200) { totalCount nodes { id version title theme heldOn participants sessions youthReached } } }
  }
`);
const CreateActivity = graphql(`
  mutation EntryCreateActivity($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } warnings { detail } } }
`);
const UpdateActivity = graphql(`
  mutation EntryUpdateActivity($id: ID!, $expectedVersion: Int!, $patch: ActivityPatch!) {
    updateActivity(id: $id, expectedVersion: $expectedVersion, patch: $patch) { activity { id version } warnings { detail } }
  }
`);
const DeleteActivity = graphql(`
  mutation EntryDeleteActivity($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteActivity(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }
`);

const DonationsList = graphql(`
  query EntryDonations($code: String!, $period: Period!) {
    org(code: $code) { id donations(period: $period, first: 200) { totalCount nodes { id version donorName donorKind form amountYuan receivedOn restrictedPurpose } } }
  }
`);
const CreateDonation = graphql(`
  mutation EntryCreateDonation($input: CreateDonationInput!) { createDonation(input: $input) { donation { id } warnings { detail } } }
`);
const UpdateDonation = graphql(`
  mutation EntryUpdateDonation($id: ID!, $expectedVersion: Int!, $patch: DonationPatch!) {
    updateDonation(id: $id, expectedVersion: $expectedVersion, patch: $patch) { donation { id version } warnings { detail } }
  }
`);
const DeleteDonation = graphql(`
  mutation EntryDeleteDonation($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteDonation(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }
`);

const ArticlesList = graphql(`
  query EntryArticles($code: String!, $period: Period!) {
    org(code: $code) { id articles(period: $period, first: 200) { totalCount nodes { id version title submittedOn adopted adoptedLevel } } }
  }
`);
const CreateArticle = graphql(`
  mutation EntryCreateArticle($input: CreateArticleInput!) { createArticle(input: $input) { article { id } warnings { detail } } }
`);
const UpdateArticle = graphql(`
  mutation EntryUpdateArticle($id: ID!, $expectedVersion: Int!, $patch: ArticlePatch!) {
    updateArticle(id: $id, expectedVersion: $expectedVersion, patch: $patch) { article { id version } warnings { detail } }
  }
`);
const DeleteArticle = graphql(`
  mutation EntryDeleteArticle($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteArticle(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }
`);

const BeneficiariesList = graphql(`
  query EntryBeneficiaries($code: String!, $period: Period!) {
    org(code: $code) { id beneficiaries(period: $period, first: 200) { totalCount nodes { id version name category } } }
  }
`);
const CreateBeneficiary = graphql(`
  mutation EntryCreateBeneficiary($input: CreateBeneficiaryInput!) { createBeneficiary(input: $input) { beneficiary { id } warnings { detail } } }
`);
const UpdateBeneficiary = graphql(`
  mutation EntryUpdateBeneficiary($id: ID!, $expectedVersion: Int!, $patch: BeneficiaryPatch!) {
    updateBeneficiary(id: $id, expectedVersion: $expectedVersion, patch: $patch) { beneficiary { id version } warnings { detail } }
  }
`);
const DeleteBeneficiary = graphql(`
  mutation EntryDeleteBeneficiary($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteBeneficiary(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }
`);

const PairsList = graphql(`
  query EntryPairs($code: String!, $period: Period!) {
    org(code: $code) { id pairs(period: $period, first: 200) { totalCount nodes { id version volunteerName beneficiaryName beneficiaryCategory startedOn endedOn } } }
  }
`);
const CreatePair = graphql(`
  mutation EntryCreatePair($input: CreatePairInput!) { createPair(input: $input) { pair { id } warnings { detail } } }
`);
const UpdatePair = graphql(`
  mutation EntryUpdatePair($id: ID!, $expectedVersion: Int!, $patch: PairPatch!) {
    updatePair(id: $id, expectedVersion: $expectedVersion, patch: $patch) { pair { id version } warnings { detail } }
  }
`);
const DeletePair = graphql(`
  mutation EntryDeletePair($id: ID!, $expectedVersion: Int!, $reason: String!) { deletePair(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }
`);

const DisbursementsList = graphql(`
  query EntryDisbursements($code: String!, $period: Period!) {
    org(code: $code) { id disbursements(period: $period, first: 200) { totalCount nodes { id version recipientName amountYuan paidOn restrictedPurpose } } }
  }
`);
const CreateDisbursement = graphql(`
  mutation EntryCreateDisbursement($input: CreateDisbursementInput!) { createDisbursement(input: $input) { disbursement { id } warnings { detail } } }
`);
const UpdateDisbursement = graphql(`
  mutation EntryUpdateDisbursement($id: ID!, $expectedVersion: Int!, $patch: DisbursementPatch!) {
    updateDisbursement(id: $id, expectedVersion: $expectedVersion, patch: $patch) { disbursement { id version } warnings { detail } }
  }
`);
const DeleteDisbursement = graphql(`
  mutation EntryDeleteDisbursement($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteDisbursement(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }
`);

const GuaranteesList = graphql(`
  query EntryGuarantees($code: String!, $period: Period!) {
    org(code: $code) { id guarantees(period: $period, first: 200) { totalCount nodes { id version year hasStaff hasOffice hasEquipment hasFunding budgetYuan } } }
  }
`);
const CreateGuarantee = graphql(`
  mutation EntryCreateGuarantee($input: CreateGuaranteeInput!) { createGuarantee(input: $input) { guarantee { id } warnings { detail } } }
`);
const UpdateGuarantee = graphql(`
  mutation EntryUpdateGuarantee($id: ID!, $expectedVersion: Int!, $patch: GuaranteePatch!) {
    updateGuarantee(id: $id, expectedVersion: $expectedVersion, patch: $patch) { guarantee { id version } warnings { detail } }
  }
`);
const DeleteGuarantee = graphql(`
  mutation EntryDeleteGuarantee($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteGuarantee(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }
`);

export const KINDS: KindSpec[] = [
  {
    kind: 'volunteers',
    title: '五老志愿者',
    payloadField: 'volunteer',
    list: VolunteersList,
    rows: (d) => d?.org?.volunteers ?? null,
    create: CreateVolunteer,
    update: UpdateVolunteer,
    remove: DeleteVolunteer,
    fields: [
      { name: 'name', label: '姓名', type: 'text', required: true },
      { name: 'category', label: '五老类别', type: 'enum', options: 'volunteerCategory', required: true },
      { name: 'isCore', label: '骨干', type: 'bool' },
      { name: 'joinedOn', label: '加入日期', type: 'date', required: true },
      { name: 'phone', label: '手机号', type: 'text' },
    ],
  },
  {
    kind: 'activities',
    title: '活动',
    payloadField: 'activity',
    list: ActivitiesList,
    rows: (d) => d?.org?.activities ?? null,
    create: CreateActivity,
    update: UpdateActivity,
    remove: DeleteActivity,
    fields: [
      { name: 'title', label: '活动名称', type: 'text', required: true },
      { name: 'theme', label: '活动主题', type: 'enum', options: 'activityTheme', required: true },
      { name: 'heldOn', label: '举办日期', type: 'date', required: true },
      { name: 'sessions', label: '场次', type: 'int' },
      { name: 'participants', label: '参加人数', type: 'int' },
      { name: 'youthReached', label: '受教育青少年(人次)', type: 'int' },
    ],
  },
  {
    kind: 'donations',
    title: '捐款捐物',
    payloadField: 'donation',
    list: DonationsList,
    rows: (d) => d?.org?.donations ?? null,
    create: CreateDonation,
    update: UpdateDonation,
    remove: DeleteDonation,
    fields: [
      { name: 'donorName', label: '捐赠方', type: 'text', required: true },
      { name: 'donorKind', label: '捐赠方类别', type: 'enum', options: 'donorKind', required: true },
      { name: 'form', label: '捐赠形式', type: 'enum', options: 'donationForm', required: true },
      { name: 'amountYuan', label: '金额(元)', type: 'money', required: true },
      { name: 'receivedOn', label: '收到日期', type: 'date', required: true },
      { name: 'restrictedPurpose', label: '定向用途', type: 'enum', options: 'restrictedPurpose' },
    ],
  },
  {
    kind: 'articles',
    title: '宣传稿件',
    payloadField: 'article',
    list: ArticlesList,
    rows: (d) => d?.org?.articles ?? null,
    create: CreateArticle,
    update: UpdateArticle,
    remove: DeleteArticle,
    fields: [
      { name: 'title', label: '标题', type: 'text', required: true },
      { name: 'submittedOn', label: '报送日期', type: 'date', required: true },
    ],
  },
  {
    kind: 'beneficiaries',
    title: '帮扶对象',
    payloadField: 'beneficiary',
    list: BeneficiariesList,
    rows: (d) => d?.org?.beneficiaries ?? null,
    create: CreateBeneficiary,
    update: UpdateBeneficiary,
    remove: DeleteBeneficiary,
    fields: [
      { name: 'name', label: '姓名', type: 'text', required: true },
      { name: 'category', label: '类别', type: 'enum', options: 'beneficiaryCategory', required: true },
    ],
  },
  {
    kind: 'pairs',
    title: '结对帮扶',
    payloadField: 'pair',
    list: PairsList,
    rows: (d) => d?.org?.pairs ?? null,
    create: CreatePair,
    update: UpdatePair,
    remove: DeletePair,
    fields: [
      { name: 'volunteerId', label: '五老志愿者', type: 'ref', ref: 'volunteers', required: true },
      { name: 'beneficiaryId', label: '帮扶对象', type: 'ref', ref: 'beneficiaries', required: true },
      { name: 'startedOn', label: '结对日期', type: 'date', required: true },
    ],
    columns: [
      { name: 'volunteerName', label: '五老志愿者' },
      { name: 'beneficiaryName', label: '帮扶对象' },
      { name: 'beneficiaryCategory', label: '类别', type: 'enum', options: 'beneficiaryCategory' },
      { name: 'startedOn', label: '结对日期' },
      { name: 'endedOn', label: '结束日期' },
    ],
  },
  {
    kind: 'disbursements',
    title: '资金支出',
    payloadField: 'disbursement',
    list: DisbursementsList,
    rows: (d) => d?.org?.disbursements ?? null,
    create: CreateDisbursement,
    update: UpdateDisbursement,
    remove: DeleteDisbursement,
    fields: [
      { name: 'recipientName', label: '收款人', type: 'text', required: true },
      { name: 'amountYuan', label: '金额(元)', type: 'money', required: true },
      { name: 'paidOn', label: '支出日期', type: 'date', required: true },
      { name: 'restrictedPurpose', label: '定向用途', type: 'enum', options: 'restrictedPurpose' },
    ],
  },
  {
    kind: 'guarantees',
    title: '四有保障',
    payloadField: 'guarantee',
    list: GuaranteesList,
    rows: (d) => d?.org?.guarantees ?? null,
    create: CreateGuarantee,
    update: UpdateGuarantee,
    remove: DeleteGuarantee,
    fields: [
      { name: 'year', label: '年度', type: 'int', required: true },
      { name: 'hasStaff', label: '有人员', type: 'bool' },
      { name: 'hasOffice', label: '有办公场所', type: 'bool' },
      { name: 'hasEquipment', label: '有办公设施', type: 'bool' },
      { name: 'hasFunding', label: '有工作经费', type: 'bool' },
      { name: 'budgetYuan', label: '年度预算(元)', type: 'money' },
    ],
  },
];
