import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person who signs in. The password is kept only as an argon2id hash (none until the account
 * is activated). The admins at or above the home org manage the account.
 */
@Entity({ name: 'app_user' })
export class AppUser {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ name: 'home_tenant_id', type: 'uuid', nullable: true })
  homeTenantId?: string | null;

  @Column({ name: 'home_org_id', type: 'uuid', nullable: true })
  homeOrgId?: string | null;

  /** an operator: onboards counties, holds no role and reads nothing */
  @Column({ name: 'platform_admin', type: 'boolean', default: false })
  platformAdmin?: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: string;
}

/** A user's role at an org; it reaches the org's whole subtree. */
@Entity({ name: 'role_assignment' })
export class RoleAssignment {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'org_tenant_id', type: 'uuid' })
  orgTenantId: string;

  @PrimaryColumn({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @PrimaryColumn({ type: 'text' })
  role: 'ADMIN' | 'EDITOR' | 'VIEWER';
}
