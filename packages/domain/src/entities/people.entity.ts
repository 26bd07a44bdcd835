import { Column, Entity } from 'typeorm';
import { VersionedRecord } from './owned-record';
import { BeneficiaryCategory, VolunteerCategory } from '../enums';

/** A 五老 volunteer registered at an org. Name, phone and ID number are personal data. */
@Entity({ name: 'volunteer' })
export class Volunteer extends VersionedRecord {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ name: 'id_number', type: 'text', nullable: true })
  idNumber: string | null;

  @Column({ type: 'text' })
  category: VolunteerCategory;

  @Column({ name: 'is_core', type: 'boolean' })
  isCore: boolean;

  @Column({ name: 'joined_on', type: 'date' })
  joinedOn: string;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;
}

/** Someone helped by an assistance pair; usually a minor, so name and ID number are sensitive. */
@Entity({ name: 'beneficiary' })
export class Beneficiary extends VersionedRecord {
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'id_number', type: 'text', nullable: true })
  idNumber: string | null;

  @Column({ type: 'text' })
  category: BeneficiaryCategory;
}

/** 结对帮扶: a volunteer paired with a beneficiary over a span of dates. */
@Entity({ name: 'assistance_pair' })
export class AssistancePair extends VersionedRecord {
  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @Column({ name: 'beneficiary_id', type: 'uuid' })
  beneficiaryId: string;

  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;
}
