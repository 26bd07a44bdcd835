import { Column, Entity } from 'typeorm';
import { VersionedRecord } from './owned-record';
import { ActivityTheme, AdoptionLevel, DonationForm, DonorKind, ReportStatus, RestrictedPurpose } from '../enums';

/** An activity held by an org: theme, sessions (场/次/期), participants, youth reached (人次). */
@Entity({ name: 'activity' })
export class Activity extends VersionedRecord {
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ type: 'text' })
  theme: ActivityTheme;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'int' })
  sessions: number;

  @Column({ type: 'int' })
  participants: number;

  @Column({ name: 'youth_reached', type: 'int' })
  youthReached: number;
}

/** Money or goods (valued in 元) received by an org. A restricted purpose means 专款专用. */
@Entity({ name: 'donation' })
export class Donation extends VersionedRecord {
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ name: 'donor_kind', type: 'text' })
  donorKind: DonorKind;

  @Column({ name: 'donor_name', type: 'text' })
  donorName: string;

  @Column({ type: 'text' })
  form: DonationForm;

  @Column({ name: 'amount_yuan', type: 'numeric' })
  amountYuan: string;

  @Column({ name: 'restricted_purpose', type: 'text', nullable: true })
  restrictedPurpose: RestrictedPurpose | null;
}

/** Money paid out of an org's funds, e.g. a 助学 grant to a named student. */
@Entity({ name: 'disbursement' })
export class Disbursement extends VersionedRecord {
  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Column({ name: 'amount_yuan', type: 'numeric' })
  amountYuan: string;

  @Column({ name: 'restricted_purpose', type: 'text', nullable: true })
  restrictedPurpose: RestrictedPurpose | null;

  @Column({ name: 'beneficiary_id', type: 'uuid', nullable: true })
  beneficiaryId: string | null;

  @Column({ name: 'recipient_name', type: 'text' })
  recipientName: string;
}

/** A work-plan target set at the start of a year; actuals come from the data. */
@Entity({ name: 'plan_target' })
export class PlanTarget extends VersionedRecord {
  @Column({ type: 'int' })
  year: number;

  @Column({ name: 'metric_key', type: 'text' })
  metricKey: string;

  @Column({ name: 'target_value', type: 'numeric' })
  targetValue: string;

  @Column({ type: 'text' })
  description: string;
}

/** A publicity article an org submitted upward, and whether it was adopted (采用). */
@Entity({ name: 'article' })
export class Article extends VersionedRecord {
  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'submitted_on', type: 'date' })
  submittedOn: string;

  @Column({ type: 'boolean' })
  adopted: boolean;

  /** The level whose publication adopted it (县级、市级、省级、国家级); only when adopted. */
  @Column({ name: 'adopted_level', type: 'text', nullable: true })
  adoptedLevel: AdoptionLevel | null;
}

/** An org's report for a period: draft, submitted upward, approved (then locked). */
@Entity({ name: 'report' })
export class Report extends VersionedRecord {
  @Column({ type: 'text' })
  period: string;

  @Column({ type: 'text' })
  status: ReportStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: string | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  /** why it was last returned (退回) or reopened */
  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason: string | null;

  /** the explanation of a submission made despite warnings (强制上报说明) */
  @Column({ name: 'force_reason', type: 'text', nullable: true })
  forceReason: string | null;

  /** the first submission, which decides whether the report was on time (a resubmission after a return does not) */
  @Column({ name: 'first_submitted_at', type: 'timestamptz', nullable: true })
  firstSubmittedAt: string | null;

  /** the org's own figures (sum metric → value) as they were when the report was last submitted: what an approval approves */
  @Column({ type: 'jsonb', nullable: true })
  frozen: Record<string, number> | null;
}

/** A figure an org published by hand, kept to compare with the computed one. */
@Entity({ name: 'reported_figure' })
export class ReportedFigure extends VersionedRecord {
  @Column({ type: 'text' })
  period: string;

  @Column({ name: 'metric_key', type: 'text' })
  metricKey: string;

  /** as published; a rate as a fraction (0.29) */
  @Column({ name: 'reported_value', type: 'numeric' })
  reportedValue: string;

  @Column({ type: 'text' })
  source: string;
}
