import { isUuid, NotFoundError } from '@ggw/domain';
import { findJob } from '@ggw/exports';
import { ServiceContext } from '../../context';
import { findOrg } from '../org/org.service';
import { RECORD_KINDS, RecordKindName, readRecord } from '../records/records.loaders';
import { maskRecords } from '../records/records.masking';
import { RECORD_OBJECT_TYPES } from '../records/records.type';

/** What an id names: the table it is in (as the viewer may read it), and the tenant. */
const KIND_OF_ID = [
  `SELECT 'org' AS kind, tenant_id AS "tenantId" FROM org WHERE id = $1`,
  `SELECT 'export', tenant_id FROM export_job WHERE id = $1`,
  ...Object.entries(RECORD_KINDS).map(([name, k]) => `SELECT '${name}', tenant_id FROM ${k.table} WHERE id = $1`),
].join(' UNION ALL ');

/**
 * Any object by its id (Relay's `node`): an org, an export, or a record of any listed kind,
 * read and masked exactly as its list or field would show it, with its GraphQL type's name.
 * Null when the id names nothing the viewer may read (the same answer as for no such id).
 */
export async function nodeById(ctx: ServiceContext, id: string): Promise<({ __typename: string } & Record<string, unknown>) | null> {
  if (!isUuid(id)) return null;
  const [hit] = await ctx.session.query<{ kind: string; tenantId: string }>(`${KIND_OF_ID} LIMIT 1`, [id]);
  if (!hit) return null;
  if (hit.kind === 'org') {
    try {
      return { ...(await findOrg(ctx, { id })), __typename: 'Org' };
    } catch (error) {
      if (error instanceof NotFoundError) return null; // an ancestor: only its name is the viewer's (a breadcrumb)
      throw error;
    }
  }
  if (hit.kind === 'export') {
    const job = await ctx.session.serially((m) => findJob(m, id));
    return job && { ...job, __typename: 'ExportJob' };
  }
  const kind = hit.kind as RecordKindName;
  const row = await readRecord(ctx.session, kind, hit.tenantId, id);
  if (!row) return null;
  const [masked] = await maskRecords(ctx, [row], RECORD_KINDS[kind].personal);
  return { ...masked, __typename: RECORD_OBJECT_TYPES[kind].name };
}
