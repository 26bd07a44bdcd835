import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person who signs in. The password is kept only as an argon2id hash. */
@Entity({ name: 'app_user' })
export class AppUser {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

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
