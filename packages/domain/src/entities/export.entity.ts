import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ExportFormat, ExportPeriodRule, ExportStatus, FigureState } from '../enums';
import { OwnedRecord } from './owned-record';

/** A schedule of exports of an org's subtree, run with its creator's rights. Times are ISO 8601 text as read. */
@Entity({ name: 'export_schedule' })
export class ExportSchedule extends OwnedRecord {
  @Column({ type: 'text' })
  cron: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ name: 'period_rule', type: 'text' })
  periodRule: ExportPeriodRule;

  @Column({ type: 'text', array: true })
  formats: ExportFormat[];

  /** which figures its exports carry (a year-end export: the approved ones) */
  @Column({ name: 'figure_state', type: 'text', default: 'LIVE' })
  figureState: FigureState;

  @Column({ type: 'boolean', default: false })
  paused: boolean;

  @Column({ name: 'next_run_at', type: 'timestamptz' })
  nextRunAt: string;

  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true })
  lastRunAt: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: string;
}

/** One export of an org's subtree: its request, its progress, and what its file is. */
@Entity({ name: 'export_job' })
export class ExportJob extends OwnedRecord {
  @Column({ type: 'text' })
  period: string;

  @Column({ type: 'text' })
  format: ExportFormat;

  @Column({ name: 'figure_state', type: 'text', default: 'LIVE' })
  figureState: FigureState;

  @Column({ type: 'text', default: 'QUEUED' })
  status: ExportStatus;

  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** whose rights it runs with: the requester, or the schedule's creator */
  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @Column({ name: 'schedule_id', type: 'uuid', nullable: true })
  scheduleId: string | null;

  @Column({ name: 'scheduled_for', type: 'timestamptz', nullable: true })
  scheduledFor: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: string;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: string | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: string | null;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName: string | null;

  @Column({ name: 'size_bytes', type: 'bigint', nullable: true })
  sizeBytes: number | null;

  @Column({ type: 'text', nullable: true })
  sha256: string | null;
}

/** The file of a finished export, kept beside its job under the same row-level security. */
@Entity({ name: 'export_file' })
export class ExportFile {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'export_id', type: 'uuid' })
  exportId: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @Column({ type: 'bytea' })
  content: Buffer;
}
