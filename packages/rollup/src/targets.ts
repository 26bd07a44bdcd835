import { orgColumns, OrgLevel, OrgType } from '@ggw/domain';

/** Which orgs to compute roll-ups for. Specs are resolved in SQL, so a table of children or a page of villages costs no extra statement. */
export type TargetSpec =
  | { kind: 'orgs'; ids: string[] }
  /** one org by its code: its roll-up can be read in the same message as the org itself, before its id is known */
  | { kind: 'code'; code: string }
  /** `during`: the orgs below the parent, and in existence, at some time in this period (the tree as it was); otherwise today's children */
  | { kind: 'children'; parentId: string; during?: { start: string; end: string } }
  /** the children of an org by its code: asked in the same message as the org itself, as `code` is */
  | { kind: 'childrenOfCode'; parentCode: string; during?: { start: string; end: string } }
  | { kind: 'descendants'; rootId: string; level?: OrgLevel | null; type?: OrgType | null; limit: number; afterPath?: string | null }
  /** the first page of an org's descendants by its code: asked in the same message as the org itself */
  | { kind: 'descendantsOfCode'; rootCode: string; level?: OrgLevel | null; type?: OrgType | null; limit: number };

/** The result column of a sum metric for the period at `periodIndex`. */
export const sumColumn = (key: string, periodIndex: number) => `"${key}__${periodIndex}"`;

/** The target org columns every roll-up statement returns (from `t`), and groups by. */
export const TARGET_COLUMNS = `t.spec, ${orgColumns('t')}`;
export const TARGET_GROUP = 't.spec, t.tenant_id, t.id, t.parent_id, t.path, t.level, t.type, t.code, t.name, t.founded_on, t.dissolved_on';

/**
 * The SELECT of the orgs of one spec, numbered `index`, with its parameters added through `add`;
 * each org with the name it had on the day before `nameBefore` (a period's end: the 2019 table
 * shows the 2019 names), or today's when it had none then.
 */
export function targetSql(spec: TargetSpec, index: number, add: (v: unknown) => string, nameBefore?: string): string {
  const name = nameBefore === undefined ? 'o.name'
    : `coalesce((SELECT n.name FROM org_name n WHERE n.tenant_id = o.tenant_id AND n.org_id = o.id AND n.valid_from < ${add(nameBefore)}::date ORDER BY n.valid_from DESC LIMIT 1), o.name) AS name`;
  const select = `SELECT ${index} AS spec, o.tenant_id, o.id, o.parent_id, o.path, o.level, o.type, o.code, ${name}, o.founded_on, o.dissolved_on FROM org o`;
  switch (spec.kind) {
    case 'orgs':
      return `${select} WHERE o.id = ANY(${add(spec.ids)}::uuid[])`;
    case 'code':
      return `${select} WHERE o.code = ${add(spec.code)}::text`;
    case 'children':
    case 'childrenOfCode': {
      const parent = spec.kind === 'children' ? `${add(spec.parentId)}::uuid` : `(SELECT p.id FROM org p WHERE p.code = ${add(spec.parentCode)}::text)`;
      if (!spec.during) return `${select} WHERE o.parent_id = ${parent}`;
      return `${select} WHERE o.id IN (SELECT l.org_id FROM org_link l WHERE l.parent_id = ${parent}
                 AND l.valid_from < ${add(spec.during.end)}::date AND (l.valid_to IS NULL OR l.valid_to > ${add(spec.during.start)}::date))
                 AND o.founded_on < ${add(spec.during.end)}::date AND (o.dissolved_on IS NULL OR o.dissolved_on > ${add(spec.during.start)}::date)`;
    }
    case 'descendants':
    case 'descendantsOfCode': {
      const where = spec.kind === 'descendants'
        ? [`o.path <@ (SELECT path FROM org WHERE id = ${add(spec.rootId)}::uuid)`, `o.id <> ${add(spec.rootId)}::uuid`]
        : [`o.path <@ (SELECT path FROM org WHERE code = ${add(spec.rootCode)}::text)`, `o.code <> ${add(spec.rootCode)}::text`];
      if (spec.level) where.push(`o.level = ${add(spec.level)}`);
      if (spec.type) where.push(`o.type = ${add(spec.type)}`);
      if (spec.kind === 'descendants' && spec.afterPath) where.push(`o.path > ${add(spec.afterPath)}::ltree`);
      return `(${select} WHERE ${where.join(' AND ')} ORDER BY o.path LIMIT ${add(spec.limit)})`;
    }
  }
}

/** Collects positional parameters; `lazy` adds one only when first used (PostgreSQL rejects a parameter no clause refers to). */
export class SqlParams {
  /** `values`: an existing parameter list to add to (a statement built partly elsewhere) */
  constructor(readonly values: unknown[] = []) {}

  add = (v: unknown): string => `$${this.values.push(v)}`;
  lazy(value: unknown, type: string): () => string {
    let placeholder: string | undefined;
    return () => (placeholder ??= `${this.add(value)}::${type}`);
  }
}
