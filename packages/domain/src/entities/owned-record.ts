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

/** A record people write (data entry): it carries a version, and every change to it is audited. */
export abstract class VersionedRecord extends OwnedRecord {
  /** Raised by the database on every update: a writer names the version it read, and a stale one changes nothing. */
  @Column({ type: 'int' })
  version: number;
}
