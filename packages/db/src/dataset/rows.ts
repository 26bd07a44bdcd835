import {
  ActivityTheme, BeneficiaryCategory, DonationForm, DonorKind, OrgLevel, OrgType, ReportStatus,
  RestrictedPurpose, VolunteerCategory,
} from '@ggw/domain';

/** Plain rows as inserted, one interface per table; column order is the insert order. */
export interface OrgRow {
  tenant_id: string; id: string; parent_id: string | null; path: string; level: OrgLevel; type: OrgType;
  code: string; name: string; founded_on: string; dissolved_on: string | null;
}
export interface CriterionRow { tenant_id: string; key: string; name: string; position: number }
export interface AssessmentRow { tenant_id: string; id: string; org_id: string; year: number; criterion_key: string; met: boolean }
export interface GuaranteeRow {
  tenant_id: string; id: string; org_id: string; year: number; has_staff: boolean; has_office: boolean;
  has_equipment: boolean; has_funding: boolean; budget_yuan: number;
}
export interface VolunteerRow {
  tenant_id: string; id: string; org_id: string; name: string; phone: string | null; id_number: string | null;
  category: VolunteerCategory; is_core: boolean; joined_on: string; left_on: string | null;
}
export interface BeneficiaryRow {
  tenant_id: string; id: string; org_id: string; name: string; id_number: string | null; category: BeneficiaryCategory;
}
export interface PairRow {
  tenant_id: string; id: string; org_id: string; volunteer_id: string; beneficiary_id: string;
  started_on: string; ended_on: string | null;
}
export interface ActivityRow {
  tenant_id: string; id: string; org_id: string; held_on: string; theme: ActivityTheme; title: string;
  sessions: number; participants: number; youth_reached: number;
}
export interface DonationRow {
  tenant_id: string; id: string; org_id: string; received_on: string; donor_kind: DonorKind; donor_name: string;
  form: DonationForm; amount_yuan: number; restricted_purpose: RestrictedPurpose | null;
}
export interface DisbursementRow {
  tenant_id: string; id: string; org_id: string; paid_on: string; amount_yuan: number;
  restricted_purpose: RestrictedPurpose | null; beneficiary_id: string | null; recipient_name: string;
}
export interface PlanTargetRow {
  tenant_id: string; id: string; org_id: string; year: number; metric_key: string; target_value: number; description: string;
}
export interface ArticleRow { tenant_id: string; id: string; org_id: string; title: string; submitted_on: string; adopted: boolean }
export interface ReportRow {
  tenant_id: string; id: string; org_id: string; period: string; status: ReportStatus;
  submitted_at: string | null; approved_at: string | null;
}

export interface AppUserRow { id: string; username: string; password_hash: string; display_name: string }
export interface RoleAssignmentRow { user_id: string; org_tenant_id: string; org_id: string; role: 'ADMIN' | 'EDITOR' | 'VIEWER' }
export interface ReportedFigureRow {
  tenant_id: string; id: string; org_id: string; period: string; metric_key: string; reported_value: string; source: string;
}

/** Everything a loader inserts, table by table, in foreign-key order. */
export interface Dataset {
  org: OrgRow[];
  assessment_criterion: CriterionRow[];
  assessment: AssessmentRow[];
  guarantee: GuaranteeRow[];
  volunteer: VolunteerRow[];
  beneficiary: BeneficiaryRow[];
  assistance_pair: PairRow[];
  activity: ActivityRow[];
  donation: DonationRow[];
  disbursement: DisbursementRow[];
  plan_target: PlanTargetRow[];
  article: ArticleRow[];
  report: ReportRow[];
  reported_figure: ReportedFigureRow[];
  app_user: AppUserRow[];
  role_assignment: RoleAssignmentRow[];
}

/** PostgreSQL type of each column, for `unnest($n::type[])` bulk inserts. */
export const COLUMN_TYPES: { [T in keyof Dataset]: Record<keyof Dataset[T][number], string> } = {
  org: { tenant_id: 'uuid', id: 'uuid', parent_id: 'uuid', path: 'ltree', level: 'text', type: 'text', code: 'text', name: 'text', founded_on: 'date', dissolved_on: 'date' },
  assessment_criterion: { tenant_id: 'uuid', key: 'text', name: 'text', position: 'int' },
  assessment: { tenant_id: 'uuid', id: 'uuid', org_id: 'uuid', year: 'int', criterion_key: 'text', met: 'boolean' },
  guarantee: { tenant_id: 'uuid', id: 'uuid', org_id: 'uuid', year: 'int', has_staff: 'boolean', has_office: 'boolean', has_equipment: 'boolean', has_funding: 'boolean', budget_yuan: 'numeric' },
  volunteer: { tenant_id: 'uuid', id: 'uuid', org_id: 'uuid', name: 'text', phone: 'text', id_number: 'text', category: 'text', is_core: 'boolean', joined_on: 'date', left_on: 'date' },
  beneficiary: { tenant_id: 'uuid', id: 'uuid', org_id: 'uuid', name: 'text', id_number: 'text', category: 'text' },
  assistance_pair: { tenant_id: 'uuid', id: 'uuid', org_id: 'uuid', volunteer_id: 'uuid', beneficiary_id: 'uuid', started_on: 'date', ended_on: 'date' },
  activity: { tenant_id: 'uuid', id: 'uuid', org_id: 'uuid', held_on: 'date', theme: 'text', title: 'text', sessions: 'int', participants: 'int', youth_reached: 'int' },
  donation: { tenant_id: 'uuid', id: 'uuid', org_id: 'uuid', received_on: 'date', donor_kind: 'text', donor_name: 'text', form: 'text', amount_yuan: 'numeric', restricted_purpose: 'text' },
  disbursement: { tenant_id: 'uuid', id: 'uuid', org_id: 'uuid', paid_on: 'date', amount_yuan: 'numeric', restricted_purpose: 'text', beneficiary_id: 'uuid', recipient_name: 'text' },
  plan_target: { tenant_id: 'uuid', id: 'uuid', org_id: 'uuid', year: 'int', metric_key: 'text', target_value: 'numeric', description: 'text' },
  article: { tenant_id: 'uuid', id: 'uuid', org_id: 'uuid', title: 'text', submitted_on: 'date', adopted: 'boolean' },
  report: { tenant_id: 'uuid', id: 'uuid', org_id: 'uuid', period: 'text', status: 'text', submitted_at: 'timestamptz', approved_at: 'timestamptz' },
  reported_figure: { tenant_id: 'uuid', id: 'uuid', org_id: 'uuid', period: 'text', metric_key: 'text', reported_value: 'numeric', source: 'text' },
  app_user: { id: 'uuid', username: 'text', password_hash: 'text', display_name: 'text' },
  role_assignment: { user_id: 'uuid', org_tenant_id: 'uuid', org_id: 'uuid', role: 'text' },
};

export const TABLE_ORDER = Object.keys(COLUMN_TYPES) as Array<keyof Dataset>;

export function emptyDataset(): Dataset {
  return Object.fromEntries(TABLE_ORDER.map((t) => [t, []])) as unknown as Dataset;
}
