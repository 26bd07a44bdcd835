import { InitialSchema1732000000000 } from './1732000000000-initial-schema';
import { ReportedFigures1732000000100 } from './1732000000100-reported-figures';
import { AuthAndRowSecurity1732000000200 } from './1732000000200-auth-and-row-security';
import { RollupAggregates1732000000300 } from './1732000000300-rollup-aggregates';
import { ScopesFromTenantRoots1732000000400 } from './1732000000400-scopes-from-tenant-roots';
import { Exports1732000000500 } from './1732000000500-exports';
import { AppRoleTimeouts1732000000600 } from './1732000000600-app-role-timeouts';
import { LoginThrottle1732000000700 } from './1732000000700-login-throttle';
import { ExportFormatsAsRows1732000000800 } from './1732000000800-export-formats-as-rows';
import { DataEntry1732000000900 } from './1732000000900-data-entry';
import { ReportingCycle1732000001000 } from './1732000001000-reporting-cycle';
import { ReportLocks1732000001100 } from './1732000001100-report-locks';
import { ReportCalendar1732000001200 } from './1732000001200-report-calendar';
import { ClosingAndReminders1732000001300 } from './1732000001300-closing-and-reminders';
import { Imports1732000001400 } from './1732000001400-imports';
import { PeopleAndRoles1732000001500 } from './1732000001500-people-and-roles';
import { OrgsCreatedByAdmins1732000001600 } from './1732000001600-orgs-created-by-admins';
import { DatedHierarchy1732000001700 } from './1732000001700-dated-hierarchy';
import { TenantKeys1732000001800 } from './1732000001800-tenant-keys';
import { NotificationTenantKey1732000001900 } from './1732000001900-notification-tenant-key';
import { SharedRateLimits1732000002000 } from './1732000002000-shared-rate-limits';
import { CitusKeys1732000002100 } from './1732000002100-citus-keys';
import { ScopeSets1732000002200 } from './1732000002200-scope-sets';
import { TenantListOrder1732000002300 } from './1732000002300-tenant-list-order';

/** Every migration, in order. Hand-written and reviewed; the schema is never synchronised. */
export const MIGRATIONS = [InitialSchema1732000000000, ReportedFigures1732000000100, AuthAndRowSecurity1732000000200, RollupAggregates1732000000300,
  ScopesFromTenantRoots1732000000400, Exports1732000000500, AppRoleTimeouts1732000000600,
  LoginThrottle1732000000700, ExportFormatsAsRows1732000000800, DataEntry1732000000900,
  ReportingCycle1732000001000, ReportLocks1732000001100, ReportCalendar1732000001200,
  ClosingAndReminders1732000001300, Imports1732000001400, PeopleAndRoles1732000001500,
  OrgsCreatedByAdmins1732000001600, DatedHierarchy1732000001700, TenantKeys1732000001800,
  NotificationTenantKey1732000001900, SharedRateLimits1732000002000,
  CitusKeys1732000002100, ScopeSets1732000002200, TenantListOrder1732000002300];
