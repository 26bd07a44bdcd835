import crypto from 'node:crypto';
import { columnNameOf, columnTypeOf, propertiesOf, ConflictError, entityColumns, entityRowParser, ORG_COLUMNS, OrgRecord, parseOrgRecord, ReportLockedError, sqlStateOf } from '@ggw/domain';
import { queryPrepared } from '@ggw/rollup';
import { RECORD_KINDS, RecordRow } from '../records/records.loaders';
import { RequestSession } from '../../common/session';
import { WritableKind } from './entry.kinds';
import { Rule, violationsSql, Violation } from './entry.rules';

/**
 * The SQL of data entry: the only code of the API that writes record tables. Column names come
 * from the kinds' entities; every statement runs in the request's session, under the writer's
 * row-level security (the database refuses a write outside their subtree on its own).
 */

/** The org a write goes to, locked until the write commits: writes to one org take turns, so a rule checked before and after a write sees only that write. */
export type WriteTarget = Pick<OrgRecord, 'tenantId' | 'id' | 'path' | 'foundedOn'>;

/**
 * Locks an org for writing (`FOR NO KEY UPDATE`, which row-level security allows only where the
 * viewer may write) and returns it; null when it is not there or not writable by the viewer.
 */
export async function lockOrg(session: RequestSession, by: { tenantId: string; id: string } | { code: string }): Promise<OrgRecord | null> {
  const [where, params] = 'code' in by ? ['o.code = $1', [by.code]] : ['o.tenant_id = $1 AND o.id = $2', [by.tenantId, by.id]];
  const [row] = await session.serially((m) => queryPrepared(m, `SELECT ${ORG_COLUMNS} FROM org o WHERE ${where} FOR NO KEY UPDATE`, params));
  return row ? parseOrgRecord(row) : null;
}

/** A record as stored, with its keys and version: what an update starts from. */
export type StoredRecord = Record<string, unknown> & { tenantId: string; id: string; orgId: string; version: number };

const parsers = new Map<WritableKind, (row: unknown) => StoredRecord>();
const parserOf = (kind: WritableKind) => {
  if (!parsers.has(kind)) parsers.set(kind, entityRowParser<StoredRecord>(kind.entity));
  return parsers.get(kind)!;
};

/** A record by id (readable to the viewer), or null. `lock`: held until commit. */
export async function findRecord(session: RequestSession, kind: WritableKind, id: string, lock = false): Promise<StoredRecord | null> {
  const [row] = await session.query(
    `SELECT ${entityColumns(kind.entity, 'r')} FROM ${kind.table} r WHERE r.id = $1 ${lock ? 'FOR NO KEY UPDATE' : ''}`,
    [id],
  );
  return row ? parserOf(kind)(row) : null;
}

const STATUS_TEXT: Record<string, string> = { SUBMITTED: '已上报,等待上级审核', APPROVED: '已审核' };

/** What holds an org's records on a day (`ggw_record_lock`): a submitted or approved report, or a closed period. */
export interface RecordLock {
  period?: string;
  status?: string;
  closedBy?: string;
}

/** Why a record cannot be written, in the clerk's words, and what to do. */
export function lockMessage(held: RecordLock): string {
  if (held.status === 'CLOSED') return `${held.closedBy ?? '上级'} ${held.period ?? ''} 已结账,这一期的数据已锁定;如需修改,请${held.closedBy ?? '上级'}管理员重开该期间`;
  return `${held.period ?? ''} 的报表${STATUS_TEXT[held.status ?? ''] ?? '已上报'},这一期的数据已锁定;如需修改,请上级退回或重开报表`;
}

/** The periods whose records are held at each org (`ggw_record_locks`), as [first day, day after] with what holds them. */
export async function recordLocks(session: RequestSession, orgs: Array<{ tenantId: string; id: string }>): Promise<Map<string, Array<{ from: string; to: string; held: RecordLock }>>> {
  const rows = await session.query<{ orgId: string; from: string; to: string; held: RecordLock }>(
    `SELECT x.o AS "orgId", lower(l.days)::text AS "from", upper(l.days)::text AS "to", l.held
       FROM unnest($1::uuid[], $2::uuid[]) AS x(t, o) CROSS JOIN LATERAL ggw_record_locks(x.t, x.o) l
      ORDER BY l.held ->> 'status' = 'CLOSED' DESC`,
    [orgs.map((o) => o.tenantId), orgs.map((o) => o.id)]);
  const byOrg = new Map<string, Array<{ from: string; to: string; held: RecordLock }>>();
  for (const r of rows) {
    const list = byOrg.get(r.orgId);
    if (list) list.push(r);
    else byOrg.set(r.orgId, [r]);
  }
  return byOrg;
}

/**
 * A write refused by the database, in the clerk's words: a repeated unique key (an org's year)
 * is CONFLICT; a record of a period whose report is submitted or approved is REPORT_LOCKED.
 */
export async function translated<T>(what: { unique?: string }, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const state = sqlStateOf(error);
    if (state === '23505' && what.unique) throw new ConflictError(what.unique);
    if (state === 'GG001') {
      const held = JSON.parse((error as { driverError?: { detail?: string } }).driverError?.detail ?? '{}') as RecordLock;
      throw new ReportLockedError(lockMessage(held), { ...held });
    }
    throw error;
  }
}

/** Rows per statement of a bulk write: the aggregate and audit triggers fire once per statement. */
const BATCH = 5000;

/**
 * Inserts many records of one kind (an import), `BATCH` rows per statement, each a set of
 * column arrays (`unnest`); `fields` are the properties every row's values hold. Returns the
 * new ids in the order of `rows`.
 */
export async function insertRecords(
  session: RequestSession, kind: WritableKind, fields: string[], rows: Array<{ tenantId: string; orgId: string; values: Record<string, unknown> }>,
): Promise<string[]> {
  const columns = fields.map((f) => columnNameOf(kind.entity, f));
  const casts = fields.map((f, i) => `$${i + 4}::${columnTypeOf(kind.entity, f)}[]`);
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const fresh = chunk.map(() => crypto.randomUUID());
    await translated(kind, () => session.query(
      `INSERT INTO ${kind.table} (tenant_id, id, org_id${columns.map((c) => `, ${c}`).join('')})
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]${casts.map((c) => `, ${c}`).join('')})`,
      [chunk.map((r) => r.tenantId), fresh, chunk.map((r) => r.orgId), ...fields.map((f) => chunk.map((r) => r.values[f] ?? null))]));
    ids.push(...fresh);
  }
  return ids;
}

/**
 * Updates many records of one kind to new values (an import), `BATCH` per statement, each only
 * if it still has the version read; returns how many were updated (fewer: someone else changed
 * one meanwhile).
 */
export async function updateRecords(
  session: RequestSession, kind: WritableKind, fields: string[], rows: Array<{ tenantId: string; id: string; version: number; values: Record<string, unknown> }>,
): Promise<number> {
  const columns = fields.map((f) => columnNameOf(kind.entity, f));
  const casts = fields.map((f, i) => `$${i + 4}::${columnTypeOf(kind.entity, f)}[]`);
  let updated = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const [{ n }] = await translated(kind, () => session.query<{ n: number }>(
      `WITH u AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[]${casts.map((c) => `, ${c}`).join('')}) AS u(tenant_id, id, version${columns.map((c) => `, ${c}`).join('')})),
       w AS (UPDATE ${kind.table} r SET ${columns.map((c) => `${c} = u.${c}`).join(', ')} FROM u
              WHERE r.tenant_id = u.tenant_id AND r.id = u.id AND r.version = u.version RETURNING 1)
       SELECT count(*)::int AS n FROM w`,
      [chunk.map((r) => r.tenantId), chunk.map((r) => r.id), chunk.map((r) => r.version), ...fields.map((f) => chunk.map((r) => r.values[f] ?? null))]));
    updated += n;
  }
  return updated;
}

/**
 * Every record of a kind at the given orgs, with its keys, its version and the `fields` asked
 * for only (what an import matches its rows against: a county's 100,000 whole records would not
 * fit an import's memory).
 */
export async function recordsAt(session: RequestSession, kind: WritableKind, orgs: Array<{ tenantId: string; id: string }>, fields: string[]): Promise<StoredRecord[]> {
  const keep = new Set(['tenantId', 'id', 'orgId', 'version', ...fields]);
  const except = propertiesOf(kind.entity).filter((p) => !keep.has(p));
  const rows = await session.query(
    `SELECT ${entityColumns(kind.entity, 'r', except)} FROM ${kind.table} r
      WHERE (r.tenant_id, r.org_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
    [orgs.map((o) => o.tenantId), orgs.map((o) => o.id)]);
  return rows.map(entityRowParser<StoredRecord>(kind.entity, except));
}

/** Inserts a record with a fresh id; returns it as its list shows it (before masking), in the same statement. */
export async function insertRecord(session: RequestSession, kind: WritableKind, org: WriteTarget, values: Record<string, unknown>): Promise<RecordRow> {
  const fields = Object.keys(values);
  const columns = fields.map((f) => columnNameOf(kind.entity, f));
  const list = RECORD_KINDS[kind.list];
  const [row] = await translated(kind, () => session.query<RecordRow>(
    `WITH r AS (
       INSERT INTO ${kind.table} (tenant_id, id, org_id${columns.map((c) => `, ${c}`).join('')})
       VALUES ($1, gen_random_uuid(), $2${fields.map((_f, i) => `, $${i + 3}`).join('')}) RETURNING *)
     SELECT r.id, r.org_id AS "orgId", r.${list.sortColumn}::text AS "sortValue", ${list.columns} FROM r ${list.join ?? ''}`,
    [org.tenantId, org.id, ...fields.map((f) => values[f])],
  ));
  return row;
}

/** Updates a record if it still has `expectedVersion`; returns the new version, or null when it did not (changed or gone). */
export async function updateRecord(
  session: RequestSession, kind: WritableKind, record: StoredRecord, expectedVersion: number, values: Record<string, unknown>,
): Promise<number | null> {
  const fields = Object.keys(values);
  // as a SELECT: TypeORM answers a bare UPDATE with [rows, count] instead of the rows
  const [row] = await translated(kind, () => session.query<{ version: number }>(
    `WITH updated AS (
       UPDATE ${kind.table} SET ${fields.map((f, i) => `${columnNameOf(kind.entity, f)} = $${i + 4}`).join(', ')}
        WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING version)
     SELECT version FROM updated`,
    [record.tenantId, record.id, expectedVersion, ...fields.map((f) => values[f])],
  ));
  return row?.version ?? null;
}

/** Deletes a record if it still has `expectedVersion`, keeping `reason` in the audit trail; false when it did not. */
export async function deleteRecord(session: RequestSession, kind: WritableKind, record: StoredRecord, expectedVersion: number, reason: string): Promise<boolean> {
  // the audit trigger reads the reason from the transaction; set in the same statement, before the delete
  try {
    const rows = await translated({}, () => session.query(
      `WITH why AS (SELECT set_config('ggw.reason', $4, true) AS reason),
       deleted AS (DELETE FROM ${kind.table} WHERE tenant_id = $1 AND id = $2 AND version = $3 AND (SELECT reason FROM why) IS NOT NULL RETURNING id)
       SELECT id FROM deleted`,
      [record.tenantId, record.id, expectedVersion, reason],
    ));
    return rows.length === 1;
  } catch (error) {
    if (sqlStateOf(error) === '23503') {
      throw new ConflictError(`还有其他记录引用这条${kind.label}记录(如结对、支出),请先删除或修改那些记录`, { id: record.id });
    }
    throw error;
  }
}

/** Whether another record (`table`) with this id is at the org. */
export async function recordAtOrg(session: RequestSession, table: string, org: WriteTarget, id: string): Promise<boolean> {
  const rows = await session.query(`SELECT 1 FROM ${table} WHERE tenant_id = $1 AND org_id = $2 AND id = $3`, [org.tenantId, org.id, id]);
  return rows.length === 1;
}

/** What `rules` find among the given orgs in [start, end) (dates, or -infinity/infinity), about `record` where a rule is about records. */
export async function findViolations(
  session: RequestSession, rules: Rule[], orgs: Array<{ tenantId: string; id: string }>, period: { start: string; end: string } | null, record: string | null,
): Promise<Violation[]> {
  if (!rules.length || !orgs.length) return [];
  // prepared: planning the catalogue's union costs ten times running it on one org
  return session.serially((m) => queryPrepared<Violation>(m,
    `${violationsSql(rules)} ORDER BY 1, 3, 4`,
    [orgs.map((o) => o.tenantId), orgs.map((o) => o.id), period?.start ?? '-infinity', period?.end ?? 'infinity', record],
  ));
}

/** The record a user's earlier create with this clientMutationId made, if any. */
export async function findClientMutation(session: RequestSession, userId: string, clientMutationId: string): Promise<{ recordKind: string; recordId: string; tenantId: string } | null> {
  // concurrent retries of one create take turns here; the second then finds the first's row
  await session.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`entry:${userId}:${clientMutationId}`]);
  const [row] = await session.query<{ recordKind: string; recordId: string; tenantId: string }>(
    `SELECT record_kind AS "recordKind", record_id AS "recordId", tenant_id AS "tenantId" FROM client_mutation WHERE user_id = $1 AND client_mutation_id = $2`,
    [userId, clientMutationId],
  );
  return row ?? null;
}

export async function saveClientMutation(
  session: RequestSession, userId: string, clientMutationId: string, org: WriteTarget, kind: WritableKind, recordId: string,
): Promise<void> {
  await session.query(
    `INSERT INTO client_mutation (tenant_id, user_id, client_mutation_id, org_id, record_kind, record_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [org.tenantId, userId, clientMutationId, org.id, kind.table, recordId],
  );
}

/** The criteria of a tenant's assessment set (五好, or 六好 where a county adds one), in order. */
export async function criteriaOf(session: RequestSession, tenantId: string): Promise<Array<{ key: string; name: string }>> {
  return session.query(`SELECT key, name FROM assessment_criterion WHERE tenant_id = $1 ORDER BY position`, [tenantId]);
}

/** The version of an org's assessment of a year (the highest of its rows' versions; 0 when there is none). */
export async function assessmentVersion(session: RequestSession, org: WriteTarget, year: number): Promise<number> {
  const [{ v }] = await session.query<{ v: number }>(
    `SELECT coalesce(max(version), 0)::int AS v FROM assessment WHERE tenant_id = $1 AND org_id = $2 AND year = $3`, [org.tenantId, org.id, year]);
  return v;
}

/** Makes an org's assessment of a year exactly `results`: one row per criterion, every existing row rewritten (so the version rises). */
export async function putAssessment(session: RequestSession, org: WriteTarget, year: number, results: Array<{ criterionKey: string; met: boolean }>): Promise<void> {
  await translated({}, () => session.query(
    `WITH gone AS (DELETE FROM assessment WHERE tenant_id = $1 AND org_id = $2 AND year = $3 AND criterion_key <> ALL ($4::text[]) RETURNING 1)
     INSERT INTO assessment (tenant_id, id, org_id, year, criterion_key, met)
     SELECT $1, gen_random_uuid(), $2, $3, k, m FROM unnest($4::text[], $5::boolean[]) AS x(k, m)
     ON CONFLICT (tenant_id, org_id, year, criterion_key) DO UPDATE SET met = excluded.met`,
    [org.tenantId, org.id, year, results.map((r) => r.criterionKey), results.map((r) => r.met)],
  ));
}

/** Deletes an org's assessment of a year if it is still at `expectedVersion`; false when it is not. */
export async function removeAssessment(session: RequestSession, org: WriteTarget, year: number, expectedVersion: number, reason: string): Promise<boolean> {
  const rows = await translated({}, () => session.query<{ n: number }>(
    `WITH why AS (SELECT set_config('ggw.reason', $5, true) AS reason),
          current AS (SELECT coalesce(max(version), 0) AS v FROM assessment WHERE tenant_id = $1 AND org_id = $2 AND year = $3),
          deleted AS (DELETE FROM assessment WHERE tenant_id = $1 AND org_id = $2 AND year = $3
                         AND (SELECT v FROM current) = $4 AND (SELECT reason FROM why) IS NOT NULL RETURNING 1)
     SELECT count(*)::int AS n FROM deleted`,
    [org.tenantId, org.id, year, expectedVersion, reason],
  ));
  return rows[0].n > 0;
}
