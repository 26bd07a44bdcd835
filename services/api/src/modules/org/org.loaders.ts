import DataLoader from 'dataloader';
import { RequestSession } from '../../common/session';
import { ORG_COLUMNS, OrgRecord, parseOrgRecord } from './org.record';

/** Keeps `keys` order and answers null for a key with no row, as DataLoader requires. */
function byKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupByKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) map.get(keyOf(r))?.push(r);
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * The org loaders of one request. Each turns the lookups of one tick of GraphQL execution into
 * a single statement, so a list of N orgs with their parents and children costs a constant
 * number of statements, not N.
 */
export function createOrgLoaders(session: RequestSession) {
  const orgById: DataLoader<string, OrgRecord | null> = new DataLoader(async (ids) => {
    const rows = (await session.query(`SELECT ${ORG_COLUMNS} FROM org o WHERE o.id = ANY($1::uuid[])`, [ids])).map(parseOrgRecord);
    for (const r of rows) orgByCode.prime(r.code, r);
    return byKey(ids, rows, (r) => r.id);
  });

  const orgByCode: DataLoader<string, OrgRecord | null> = new DataLoader(async (codes) => {
    const rows = (await session.query(`SELECT ${ORG_COLUMNS} FROM org o WHERE o.code = ANY($1::text[])`, [codes])).map(parseOrgRecord);
    for (const r of rows) orgById.prime(r.id, r);
    return byKey(codes, rows, (r) => r.code);
  });

  /** Children of each parent id, ordered by code. */
  const childrenByParentId = new DataLoader<string, OrgRecord[]>(async (parentIds) => {
    const rows = (await session.query(`SELECT ${ORG_COLUMNS} FROM org o WHERE o.parent_id = ANY($1::uuid[]) ORDER BY o.path`, [parentIds])).map(parseOrgRecord);
    for (const r of rows) orgById.prime(r.id, r);
    return groupByKey(parentIds, rows, (r) => r.parentId ?? '');
  });

  /** Ancestors of each path, root first, the org itself excluded. */
  const ancestorsByPath = new DataLoader<string, OrgRecord[]>(async (paths) => {
    const rows = await session.query<{ of: string }>(
      `SELECT p.of::text, ${ORG_COLUMNS}
         FROM unnest($1::ltree[]) AS p(of)
         JOIN org o ON o.path @> p.of AND o.path <> p.of
        ORDER BY p.of, nlevel(o.path)`,
      [paths],
    );
    const orgs = rows.map(({ of, ...org }) => ({ of, org: parseOrgRecord(org) }));
    for (const { org } of orgs) orgById.prime(org.id, org);
    return groupByKey(paths, orgs, (r) => r.of).map((list) => list.map((r) => r.org));
  });

  return { orgById, orgByCode, childrenByParentId, ancestorsByPath };
}

export type OrgLoaders = ReturnType<typeof createOrgLoaders>;
