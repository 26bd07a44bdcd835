import { maySeePersonalData } from '@ggw/authz';
import { maskName, maskNamesInText, maskPhone } from '@ggw/domain';
import { ServiceContext } from '../../context';
import { PersonalFields, RecordRow } from './records.loaders';

/**
 * Masks the personal fields of records: shown in full only to viewers holding a role at the
 * record's org or the org directly above it; everyone else gets them masked, also where a
 * registered person's name appears inside free text. Returns copies of the masked rows (a
 * loader's cached rows stay as read). Every list, a write's answer and the audit trail use it.
 */
export async function maskRecords<R extends { orgId: string; [field: string]: unknown }>(ctx: ServiceContext, rows: R[], fields: PersonalFields | undefined): Promise<R[]> {
  if (!fields || !rows.length) return rows;
  const viewer = await ctx.viewer();
  // a list's rows carry their org's tenant and parent; other rows' orgs are read (one statement)
  const orgOf = new Map<string, { tenantId: string; parentId: string | null }>();
  for (const r of rows) if (typeof r.orgTenantId === 'string' && r.orgParentId !== undefined) orgOf.set(r.orgId, { tenantId: r.orgTenantId, parentId: r.orgParentId as string | null });
  const unknown = [...new Set(rows.filter((r) => !orgOf.has(r.orgId)).map((r) => r.orgId))];
  const orgs = unknown.length ? await ctx.loaders.orgById.loadMany(unknown) : [];
  for (const o of orgs) if (o && !(o instanceof Error)) orgOf.set(o.id, o);
  const masked = rows.filter((row) => !maySeePersonalData(viewer, row.orgId, orgOf.get(row.orgId)?.parentId ?? null));
  if (!masked.length) return rows;
  const namesOf = new Map<string, string[]>();
  if (fields.texts?.length) {
    const keys = [...new Set(masked.map((r) => `${orgOf.get(r.orgId)?.tenantId}:${r.orgId}`))];
    const names = await ctx.loaders.peopleNames.loadMany(keys);
    keys.forEach((k, i) => namesOf.set(k.split(':')[1], Array.isArray(names[i]) ? names[i] : []));
  }
  const hidden = new Set(masked);
  return rows.map((row) => {
    if (!hidden.has(row)) return row;
    const copy: Record<string, unknown> = { ...row };
    const personal = fields.applies?.(row as unknown as RecordRow) ?? true;
    for (const f of personal ? fields.names ?? [] : []) if (typeof row[f] === 'string') copy[f] = maskName(row[f] as string);
    for (const f of personal ? fields.phones ?? [] : []) if (typeof row[f] === 'string') copy[f] = maskPhone(row[f] as string);
    for (const f of fields.texts ?? []) if (typeof row[f] === 'string') copy[f] = maskNamesInText(row[f] as string, namesOf.get(row.orgId) ?? []);
    return copy as R;
  });
}
