import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { OrgLevel, OrgType } from '../enums';

/**
 * A 关工委 organisation, a node of the tree. `path` is an ltree of org codes from the root, so
 * a subtree is `path <@ :path`. `tenantId` is the county at or above the org; an org above
 * county level (a city, a province) is its own tenant.
 */
@Entity({ name: 'org' })
@Index(['tenantId', 'code'], { unique: true })
export class Org {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'ltree' })
  path: string;

  @Column({ type: 'text' })
  level: OrgLevel;

  @Column({ type: 'text' })
  type: OrgType;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'founded_on', type: 'date' })
  foundedOn: string;

  @Column({ name: 'dissolved_on', type: 'date', nullable: true })
  dissolvedOn: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: string;
}
