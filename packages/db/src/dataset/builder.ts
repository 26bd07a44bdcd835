import { OrgLevel, OrgRecord, OrgType, stableId } from '@ggw/domain';
import { Dataset, DatasetRow, emptyDataset } from './dataset';

export interface OrgSpec {
  code: string;
  name: string;
  level: OrgLevel;
  type: OrgType;
  foundedOn?: string;
  dissolvedOn?: string | null;
}

type RecordTable = Exclude<keyof Dataset, 'org' | 'assessment_criterion' | 'app_user' | 'role_assignment'>;
type RecordFields<T extends RecordTable> = Omit<DatasetRow<T>, 'tenantId' | 'id' | 'orgId'>;

/**
 * Builds a dataset org by org. Ids are derived from org codes and a per-org sequence, so the
 * same build always produces the same ids; tenant and path follow from the parent.
 */
export class DatasetBuilder {
  readonly data: Dataset = emptyDataset();
  private readonly counters = new Map<string, number>();

  org(parent: OrgRecord | null, spec: OrgSpec): OrgRecord {
    const id = stableId('org', spec.code);
    const ownTenant = spec.level === OrgLevel.PROVINCE || spec.level === OrgLevel.CITY || spec.level === OrgLevel.COUNTY;
    if (!ownTenant && !parent) throw new Error(`org ${spec.code} below county level needs a parent`);
    const row: OrgRecord = {
      tenantId: ownTenant ? id : parent!.tenantId,
      id,
      parentId: parent?.id ?? null,
      path: parent ? `${parent.path}.${spec.code}` : spec.code,
      level: spec.level,
      type: spec.type,
      code: spec.code,
      name: spec.name,
      foundedOn: spec.foundedOn ?? '2000-01-01',
      dissolvedOn: spec.dissolvedOn ?? null,
    };
    this.data.org.push(row);
    return row;
  }

  /** Declares a tenant's assessment criteria (五好, 六好, …) in order. */
  criteria(tenant: OrgRecord, criteria: ReadonlyArray<{ key: string; name: string }>): void {
    criteria.forEach((c, i) => this.data.assessment_criterion.push({ tenantId: tenant.tenantId, key: c.key, name: c.name, position: i + 1 }));
  }

  /** Adds a record owned by `org` and returns it (with its id, for references). */
  add<T extends RecordTable>(table: T, org: OrgRecord, fields: RecordFields<T>): DatasetRow<T> {
    const key = `${table}:${org.code}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    const row = { tenantId: org.tenantId, id: stableId(table, org.code, n), orgId: org.id, ...fields } as DatasetRow<T>;
    (this.data[table] as Array<DatasetRow<T>>).push(row);
    return row;
  }
}
