import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VersionedRecord } from './owned-record';

/** One criterion of a tenant's assessment set (五好, or 六好 where a county adds one). */
@Entity({ name: 'assessment_criterion' })
export class AssessmentCriterion {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int' })
  position: number;
}

/** Whether an org met one criterion in a year. An org is 五好 when it met every criterion of its tenant's set. */
@Entity({ name: 'assessment' })
export class Assessment extends VersionedRecord {
  @Column({ type: 'int' })
  year: number;

  @Column({ name: 'criterion_key', type: 'text' })
  criterionKey: string;

  @Column({ type: 'boolean' })
  met: boolean;
}

/** 四有 guarantees and the yearly budget of one org. */
@Entity({ name: 'guarantee' })
export class Guarantee extends VersionedRecord {
  @Column({ type: 'int' })
  year: number;

  @Column({ name: 'has_staff', type: 'boolean' })
  hasStaff: boolean;

  @Column({ name: 'has_office', type: 'boolean' })
  hasOffice: boolean;

  @Column({ name: 'has_equipment', type: 'boolean' })
  hasEquipment: boolean;

  @Column({ name: 'has_funding', type: 'boolean' })
  hasFunding: boolean;

  @Column({ name: 'budget_yuan', type: 'numeric' })
  budgetYuan: string;
}
