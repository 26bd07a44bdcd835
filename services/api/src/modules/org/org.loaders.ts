import DataLoader from 'dataloader';
import { RequestSession } from '../../common/session';
import { ORG_COLUMNS, OrgRecord, parseOrgRecord } from './org.record';

/** The loaders' statements run on every request that reads an org: each is planned once per connection. */
const PREPARED = { prepared: true };

/**
 * Siblings in code order, which is their path order (ltree compares a label's bytes, then its
 * length, as JavaScript compares these ASCII codes). Sorted here rather than by the statements:
 * PostgreSQL sorting a county's 217 orgs by path was a quarter of the tree's statement.
 */
const byCode = (a: OrgRecord, b: OrgRecord) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Each key's rows, in the order of `keys` (none for a key without), as DataLoader requires. */
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
  // every org this request has read, by id and by code: a later look-up of one is answered from
  // here, without a statement (a plain map: priming the loaders made a promise for each of a
  // list's rows, most never asked for again)
  const readById = new Map<string, OrgRecord>();
  const readByCode = new Map<string, OrgRecord>();
  const remember = (rows: OrgRecord[]) => {
    for (const r of rows) {
      readById.set(r.id, r);
      readByCode.set(r.code, r);
    }
    return rows;
  };

  const orgById: DataLoader<string, OrgRecord | null> = new DataLoader(async (ids) => {
    const missing = ids.filter((id) => !readById.has(id));
    if (missing.length) remember((await session.query(`SELECT ${ORG_COLUMNS} FROM org o WHERE o.id = ANY($1::uuid[])`, [missing], PREPARED)).map(parseOrgRecord));
    return ids.map((id) => readById.get(id) ?? null);
  });

  const orgByCode: DataLoader<string, OrgRecord | null> = new DataLoader(async (codes) => {
    const missing = codes.filter((code) => !readByCode.has(code));
    if (missing.length) remember((await session.query(`SELECT ${ORG_COLUMNS} FROM org o WHERE o.code = ANY($1::text[])`, [missing], PREPARED)).map(parseOrgRecord));
    return codes.map((code) => readByCode.get(code) ?? null);
  });

  /** Children of each parent id, ordered by code. */
  const childrenByParentId = new DataLoader<string, OrgRecord[]>(async (parentIds) => {
    const rows = remember((await session.query(`SELECT ${ORG_COLUMNS} FROM org o WHERE o.parent_id = ANY($1::uuid[])`, [parentIds], PREPARED)).map(parseOrgRecord));
    return groupByKey(parentIds, rows, (r) => r.parentId ?? '').map((children) => children.sort(byCode));
  });

  /** Ancestors of each path, root first, the org itself excluded. */
  const ancestorsByPath = new DataLoader<string, OrgRecord[]>(async (paths) => {
    const rows = await session.query<{ of: string }>(
      `SELECT p.of::text, ${ORG_COLUMNS}
         FROM unnest($1::ltree[]) AS p(of)
         JOIN org o ON o.path @> p.of AND o.path <> p.of
        ORDER BY p.of, nlevel(o.path)`,
      [paths],
      PREPARED,
    );
    const orgs = rows.map(({ of, ...org }) => ({ of, org: parseOrgRecord(org) }));
    remember(orgs.map((o) => o.org));
    return groupByKey(paths, orgs, (r) => r.of).map((list) => list.map((r) => r.org));
  });

  /**
   * Gives the children loader what a look-up of `root`'s subtree `depth` levels down read (in any
   * order): the children of the root and of every org above the last level, none missing.
   */
  const primeSubtree = (root: OrgRecord, rows: OrgRecord[], depth: number) => {
    const levelOf = (o: OrgRecord) => {
      let level = 1; // the labels of its path, counted without splitting it (once per org of the subtree)
      for (let i = o.path.indexOf('.'); i >= 0; i = o.path.indexOf('.', i + 1)) level++;
      return level;
    };
    const last = levelOf(root) + depth;
    const children = new Map<string, OrgRecord[]>([[root.id, []]]);
    for (const o of remember(rows)) if (levelOf(o) < last) children.set(o.id, []);
    for (const o of rows) if (o.parentId) children.get(o.parentId)?.push(o);
    for (const [parentId, list] of children) childrenByParentId.prime(parentId, list.sort(byCode));
  };

  return { orgById, orgByCode, childrenByParentId, ancestorsByPath, primeSubtree };
}

export type OrgLoaders = ReturnType<typeof createOrgLoaders>;
