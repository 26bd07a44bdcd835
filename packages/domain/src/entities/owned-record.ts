import { Column, PrimaryColumn } from 'typeorm';

/** The key every record an org owns carries: its tenant (the county), its id, and the org. */
export abstract class OwnedRecord {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;
}
