import { Activity, Article, Disbursement, Donation, PlanTarget, Report, ReportedFigure } from './work.entity';
import { Assessment, AssessmentCriterion, Guarantee } from './assessment.entity';
import { AssistancePair, Beneficiary, Volunteer } from './people.entity';
import { Org } from './org.entity';
import { AppUser, RoleAssignment } from './auth.entity';
import { ExportFile, ExportJob, ExportSchedule } from './export.entity';

export * from './org.entity';
export * from './assessment.entity';
export * from './people.entity';
export * from './work.entity';
export * from './auth.entity';
export * from './export.entity';
export * from './columns';
export * from './owned-record';

/** Every entity, for the data source. */
export const ENTITIES = [
  Org, AssessmentCriterion, Assessment, Guarantee, Volunteer, Beneficiary, AssistancePair,
  Activity, Donation, Disbursement, PlanTarget, Article, Report, ReportedFigure, AppUser, RoleAssignment,
  ExportSchedule, ExportJob, ExportFile,
];
