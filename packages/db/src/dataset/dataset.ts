import {
  Activity, AppUser, Article, Assessment, AssessmentCriterion, AssistancePair, Beneficiary, Disbursement, Donation, Guarantee, Org,
  PlanTarget, Report, ReportedFigure, RoleAssignment, Volunteer,
} from '@ggw/domain';

/**
 * The tables a dataset fills, in foreign-key order, each with its entity: the entity is the one
 * declaration of the table's columns, their names and types, for the builder and the insert.
 */
export const DATASET_TABLES = {
  org: Org,
  assessment_criterion: AssessmentCriterion,
  assessment: Assessment,
  guarantee: Guarantee,
  volunteer: Volunteer,
  beneficiary: Beneficiary,
  assistance_pair: AssistancePair,
  activity: Activity,
  donation: Donation,
  disbursement: Disbursement,
  plan_target: PlanTarget,
  article: Article,
  report: Report,
  reported_figure: ReportedFigure,
  app_user: AppUser,
  role_assignment: RoleAssignment,
} as const;

export type DatasetTable = keyof typeof DATASET_TABLES;

/** Columns the database fills when a row leaves them out. */
type Defaulted = 'createdAt' | 'disabled' | 'version' | 'adoptedLevel' | 'submittedBy' | 'approvedBy' | 'forceReason' | 'frozen';

/** A row of a table as a dataset holds it: its entity, less what the database fills in. */
export type DatasetRow<T extends DatasetTable> = Omit<InstanceType<(typeof DATASET_TABLES)[T]>, Defaulted>;

/** Everything a loader inserts, table by table. */
export type Dataset = { [T in DatasetTable]: Array<DatasetRow<T>> };


export const TABLE_ORDER = Object.keys(DATASET_TABLES) as DatasetTable[];

export function emptyDataset(): Dataset {
  return Object.fromEntries(TABLE_ORDER.map((t) => [t, []])) as unknown as Dataset;
}

/** Money as the entities hold it: a decimal string in 元, never a float. */
export const yuan = (amount: number): string => amount.toFixed(2);
