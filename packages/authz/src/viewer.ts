import { OrgLevel } from '@ggw/domain';

export type Role = 'ADMIN' | 'EDITOR' | 'VIEWER';

export interface RoleGrant {
  orgId: string;
  tenantId: string;
  /** ltree path of the org where the role is held */
  path: string;
  level: OrgLevel;
  role: Role;
}

/** Who is asking: a user and the roles they hold. Each role reaches the whole subtree of its org. */
export interface Viewer {
  userId: string;
  roles: RoleGrant[];
}

/** True when `path` is `scope` or below it (ltree semantics on dotted code paths). */
export function isWithin(path: string, scope: string): boolean {
  // checked on every field of every org answered: no string is built for it
  return path.length === scope.length ? path === scope : path.length > scope.length && path.charCodeAt(scope.length) === 46 /* . */ && path.startsWith(scope);
}

/** May the viewer read the org at `path` (its figures, records, everything)? */
export function canRead(viewer: Viewer, path: string): boolean {
  return viewer.roles.some((r) => isWithin(path, r.path));
}

/** May the viewer write the records of the org at `path`? */
export function canWrite(viewer: Viewer, path: string): boolean {
  return viewer.roles.some((r) => (r.role === 'ADMIN' || r.role === 'EDITOR') && isWithin(path, r.path));
}

export function isAdminAt(viewer: Viewer, path: string): boolean {
  return viewer.roles.some((r) => r.role === 'ADMIN' && isWithin(path, r.path));
}

/**
 * Personal data (names, phones, ID numbers) of an org's volunteers and beneficiaries is shown
 * in full only to users holding a role at that org or at the org directly above it.
 */
export function maySeePersonalData(viewer: Viewer | null, orgId: string, parentId: string | null): boolean {
  return !!viewer && viewer.roles.some((r) => r.orgId === orgId || (parentId !== null && r.orgId === parentId));
}

/** The paths the viewer may read, for SQL filters (`path <@ ANY(...)`). */
export function readPaths(viewer: Viewer): string[] {
  return [...new Set(viewer.roles.map((r) => r.path))];
}
