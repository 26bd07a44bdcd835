import DataLoader from 'dataloader';
import {
  Activity, Article, Assessment, AssistancePair, BadUserInputError, Beneficiary, Disbursement, Donation, entityColumns, Guarantee, OrgLevel, Period, PlanTarget,
  ReportedFigure, Volunteer,
} from '@ggw/domain';
import { periodConditionSql, periodParamsOf, recordTreeDaySql, SourceName, SOURCES, SqlParams } from '@ggw/rollup';
import { CursorCodec, CursorPart } from '../../common/cursor';
import { Page, toPage } from '../../common/pagination';
import { RequestSession } from '../../common/session';
import { OrgRecord } from '../org/org.record';

/** Which fields of a kind of record hold personal data, and how each is masked. */
export interface PersonalFields {
  names?: string[];
  phones?: string[];
  /** free text in which the names of the org's registered people are masked */
  texts?: string[];
  /** only rows for which this holds carry personal data (a donation from an enterprise does not) */
  applies?: (row: RecordRow) => boolean;
}

/** Donor kinds that may be a person (an enterprise is not): their names are personal data. */
export const PERSONAL_DONOR_KINDS = ['SOCIAL', 'VETERAN', 'CADRE'];

/**
 * The registry of listed record kinds: for each, its table, its select list (aliased to the
 * GraphQL fields), its sort column (newest first, then id), the roll-up source whose time rule
 * says what "in the period" means for it (so the list behind a figure holds exactly what the
 * figure counts), and its personal fields (masked outside the owning level).
 */
export interface RecordKind {
  table: string;
  columns: string;
  /** a table the select list reads besides the record (`r`) */
  join?: string;
  sortColumn: string;
  /** What the sort column's text is, for checking a cursor before it reaches SQL. */
  sortPart: CursorPart;
  /** none: the kind has no dates (a beneficiary), and its list takes no period */
  source?: SourceName;
  personal?: PersonalFields;
}

/** Selected by every list on its own (`r.id`, `r.org_id AS "orgId"`), or not at all. */
const KEYS = ['tenantId', 'id', 'orgId'];

export type RecordKindName =
  | 'volunteer' | 'beneficiary' | 'activity' | 'pair' | 'donation' | 'disbursement' | 'assessment' | 'article' | 'guarantee' | 'planTarget'
  | 'reportedFigure';

export const RECORD_KINDS: Record<RecordKindName, RecordKind> = {
  volunteer: {
    table: 'volunteer',
    // the ID number is never listed
    columns: entityColumns(Volunteer, 'r', [...KEYS, 'idNumber']),
    sortColumn: 'joined_on',
    sortPart: 'date',
    source: 'volunteer',
    personal: { names: ['name'], phones: ['phone'] },
  },
  beneficiary: {
    table: 'beneficiary',
    // the ID number is never listed
    columns: entityColumns(Beneficiary, 'r', [...KEYS, 'idNumber']),
    sortColumn: 'id',
    sortPart: 'uuid',
    personal: { names: ['name'] },
  },
  activity: {
    table: 'activity',
    columns: entityColumns(Activity, 'r', KEYS),
    sortColumn: 'held_on',
    sortPart: 'date',
    source: 'activity',
    personal: { texts: ['title'] },
  },
  pair: {
    table: 'assistance_pair',
    columns: `${entityColumns(AssistancePair, 'r', [...KEYS, 'volunteerId', 'beneficiaryId'])},
      (SELECT v.name FROM volunteer v WHERE v.tenant_id = r.tenant_id AND v.id = r.volunteer_id) AS "volunteerName",
      b.name AS "beneficiaryName", b.category AS "beneficiaryCategory"`,
    join: 'JOIN beneficiary b ON b.tenant_id = r.tenant_id AND b.id = r.beneficiary_id',
    sortColumn: 'started_on',
    sortPart: 'date',
    source: 'pair',
    personal: { names: ['volunteerName', 'beneficiaryName'] },
  },
  donation: {
    table: 'donation',
    columns: entityColumns(Donation, 'r', KEYS),
    sortColumn: 'received_on',
    sortPart: 'date',
    source: 'donation',
    personal: { names: ['donorName'], applies: (row) => PERSONAL_DONOR_KINDS.includes(String(row.donorKind)) },
  },
  disbursement: {
    table: 'disbursement',
    columns: entityColumns(Disbursement, 'r', KEYS),
    sortColumn: 'paid_on',
    sortPart: 'date',
    source: 'disbursement',
    personal: { names: ['recipientName'] },
  },
  assessment: {
    table: 'assessment',
    columns: `${entityColumns(Assessment, 'r', KEYS)},
      (SELECT c.name FROM assessment_criterion c WHERE c.tenant_id = r.tenant_id AND c.key = r.criterion_key) AS "criterionName"`,
    sortColumn: 'year',
    sortPart: 'year',
    source: 'assessmentYear',
  },
  article: {
    table: 'article',
    columns: entityColumns(Article, 'r', KEYS),
    sortColumn: 'submitted_on',
    sortPart: 'date',
    source: 'article',
  },
  guarantee: {
    table: 'guarantee',
    columns: entityColumns(Guarantee, 'r', KEYS),
    sortColumn: 'year',
    sortPart: 'year',
    source: 'guarantee',
  },
  planTarget: {
    table: 'plan_target',
    columns: entityColumns(PlanTarget, 'r', KEYS),
    sortColumn: 'year',
    sortPart: 'year',
  },
  reportedFigure: {
    table: 'reported_figure',
    columns: entityColumns(ReportedFigure, 'r', KEYS),
    sortColumn: 'id',
    sortPart: 'uuid',
  },
};


/** What a list field was asked for, besides the org. */
export interface RecordListArgs {
  period: Period | null;
  /** Include the records of every org below, not only the org's own. */
  subtree: boolean;
  size: number;
  after: string | null;
}

interface ListKey extends RecordListArgs {
  org: OrgRecord;
}

/** Every row carries its id, org and the sort value its cursor is made of. */
export interface RecordRow {
  id: string;
  orgId: string;
  sortValue: string | number;
  /** a list's rows carry their org's tenant and parent: what masking needs, without reading the orgs again */
  orgTenantId?: string;
  orgParentId?: string | null;
  [column: string]: unknown;
}

/**
 * Builds the FROM/WHERE of a list for a batch of orgs: `t` is the org being asked about, `r`
 * the record; parameters $1 to $4 (tenant ids, org ids, paths, parent ids) are the batch.
 */
function listSql(kind: RecordKind, args: RecordListArgs, params: unknown[], wholeTenant: boolean): string {
  const where: string[] = [];
  const p = args.period;
  if (p && !kind.source) throw new BadUserInputError('这类记录没有日期,不能按期间列出;请去掉 period', 'period');
  // only the bounds the rule uses become parameters (an unused one has no type)
  const bounds = p ? periodParamsOf(new SqlParams(params), p) : null;
  // the subtree as it was, like the figure's: an org that ever moved under or away from the
  // target (org_history_reach) counts by the days it was below it; any other by today's tree
  const day = kind.source ? recordTreeDaySql(SOURCES[kind.source].time, bounds) : 'CURRENT_DATE';
  const scope = args.subtree
    ? `JOIN org ro ON ro.tenant_id = r.tenant_id AND ro.id = r.org_id
       LEFT JOIN org_history_reach hr ON hr.tenant_id = t.tenant_id AND hr.ancestor_id = t.id AND hr.org_id = ro.id`
    : '';
  if (args.subtree) where.push(`CASE WHEN hr.org_id IS NULL THEN ro.path <@ t.path ELSE hr.days @> ${day} END`);
  else where.push('r.tenant_id = t.tenant_id AND r.org_id = t.id');
  // true of every record below a county already; said, it lets a page walk the tenant's index in
  // list order and stop at its size (only for counties: a small subtree would walk the whole tenant)
  if (args.subtree && wholeTenant) where.push('r.tenant_id = t.tenant_id');
  if (p) where.push(periodConditionSql(SOURCES[kind.source!].time, bounds!));
  return `FROM ${kind.table} r ${scope} ${kind.join ?? ''} WHERE ${where.length ? where.join(' AND ') : 'true'}`;
}

/** One record as its list shows it (before masking), or null when it is not there or not readable. */
export async function readRecord(session: RequestSession, kind: RecordKindName, tenantId: string, id: string): Promise<RecordRow | null> {
  const k = RECORD_KINDS[kind];
  const [row] = await session.query<RecordRow>(
    `SELECT r.id, r.org_id AS "orgId", r.${k.sortColumn}::text AS "sortValue", ${k.columns}
       FROM ${k.table} r ${k.join ?? ''} WHERE r.tenant_id = $1 AND r.id = $2`,
    [tenantId, id],
  );
  return row ?? null;
}

function batchParams(keys: readonly ListKey[]): unknown[] {
  return [keys.map((k) => k.org.tenantId), keys.map((k) => k.org.id), keys.map((k) => k.org.path), keys.map((k) => k.org.parentId)];
}

/** A list's statements vary only with the shape of its arguments: each shape is planned once per connection. */
const PREPARED = { prepared: true };

const ORGS = `unnest($1::uuid[], $2::uuid[], $3::ltree[], $4::uuid[]) AS t(tenant_id, id, path, parent_id)`;

/** A county's subtree is its whole tenant (a list of it reads the tenant's index in order). */
const wholeTenant = (k: ListKey) => k.subtree && k.org.level === OrgLevel.COUNTY;

function groupKey(args: ListKey): string {
  return JSON.stringify([args.period?.key ?? null, args.subtree, args.size, args.after, wholeTenant(args)]);
}

/** Groups a batch by everything but the org: one statement per distinct argument set. */
function groupBatch(keys: readonly ListKey[]): ListKey[][] {
  const groups = new Map<string, ListKey[]>();
  for (const k of keys) {
    const g = groupKey(k);
    groups.set(g, [...(groups.get(g) ?? []), k]);
  }
  return [...groups.values()];
}

/**
 * The statement of a page of each org of `orgs` (a FROM item giving `t(tenant_id, id, path,
 * parent_id)`), with `params` holding what `orgs` refers to; each row names the org it is for.
 */
function pagesStatement(kind: RecordKind, cursors: CursorCodec, args: RecordListArgs, params: unknown[], orgs: string, whole: boolean): string {
  let sql = listSql(kind, args, params, whole);
  if (args.after !== null) {
    const [sortValue, id] = cursors.decode(args.after, kind.table, [kind.sortPart, 'uuid']);
    params.push(sortValue, id);
    sql += ` AND (r.${kind.sortColumn}, r.id) < ($${params.length - 1}, $${params.length}::uuid)`;
  }
  params.push(args.size + 1);
  return `SELECT x.* FROM ${orgs} CROSS JOIN LATERAL (
             SELECT t.id AS "forOrg", r.id, r.org_id AS "orgId", r.${kind.sortColumn}::text AS "sortValue", ${kind.columns},
                    r.tenant_id AS "orgTenantId", ${args.subtree ? 'ro' : 't'}.parent_id AS "orgParentId"
             ${sql}
             ORDER BY r.${kind.sortColumn} DESC, r.id DESC
             LIMIT $${params.length}) x`;
}

function createListLoader(session: RequestSession, cursors: CursorCodec, kind: RecordKind) {
  const pages = new DataLoader<ListKey, RecordRow[], string>(
    async (keys) => {
      const result = new Map<ListKey, RecordRow[]>();
      for (const group of groupBatch(keys)) {
        const params = batchParams(group);
        const sql = pagesStatement(kind, cursors, group[0], params, ORGS, wholeTenant(group[0]));
        const rows = await session.query<RecordRow & { forOrg: string }>(sql, params, PREPARED);
        for (const k of group) result.set(k, rows.filter((r) => r.forOrg === k.org.id));
      }
      return keys.map((k) => result.get(k) ?? []);
    },
    { cacheKeyFn: (k) => `${k.org.id}:${groupKey(k)}` },
  );

  /**
   * The first page of the list of the org of `code`, asked for before the org is known (in the
   * round trip that looks it up): a subtree's page is read as a county's (the tenant's index in
   * list order), so it is kept only if the org is one. `answer` gives it to the loader.
   */
  const aheadByCode = (code: string, args: RecordListArgs) => {
    const params: unknown[] = [code];
    const asCounty = args.subtree;
    const org = `(SELECT o.tenant_id, o.id, o.path, o.parent_id FROM org o WHERE o.code = $1::text${asCounty ? ` AND o.level = '${OrgLevel.COUNTY}'` : ''}) AS t(tenant_id, id, path, parent_id)`;
    const rows = session.query<RecordRow & { forOrg: string }>(pagesStatement(kind, cursors, args, params, org, asCounty), params, PREPARED)
      .catch(() => null); // a failure is the list's own to report, when it asks again
    return {
      async answer(found: OrgRecord) {
        const read = await rows;
        const key = { org: found, ...args };
        if (read && wholeTenant(key) === asCounty) pages.prime(key, read.filter((r) => r.forOrg === found.id));
      },
    };
  };

  const counts = new DataLoader<ListKey, number, string>(
    async (keys) => {
      const result = new Map<ListKey, number>();
      for (const group of groupBatch(keys)) {
        const params = batchParams(group);
        const sql = listSql(kind, group[0], params, wholeTenant(group[0]));
        const rows = await session.query<{ id: string; n: number }>(
          `SELECT t.id, (SELECT count(*)::int ${sql}) AS n FROM ${ORGS}`,
          params,
          PREPARED,
        );
        for (const k of group) result.set(k, rows.find((r) => r.id === k.org.id)?.n ?? 0);
      }
      return keys.map((k) => result.get(k) ?? 0);
    },
    { cacheKeyFn: (k) => `${k.org.id}:${JSON.stringify([k.period?.key ?? null, k.subtree])}` },
  );

  const list = async (org: OrgRecord, args: RecordListArgs): Promise<Page<RecordRow>> => {
    const rows = await pages.load({ org, ...args });
    return toPage(rows, args.size, (r) => cursors.encode(kind.table, [String(r.sortValue), r.id]), () =>
      counts.load({ org, ...args, after: null, size: 0 }),
    );
  };
  return Object.assign(list, { aheadByCode });
}

/**
 * The names of the people an org has registered (volunteers, beneficiaries, donors who may be
 * persons, disbursement recipients), for masking them inside free text. Keyed `tenantId:orgId`.
 */
function createPeopleNamesLoader(session: RequestSession) {
  return new DataLoader<string, string[]>(async (keys) => {
    const pairs = keys.map((k) => k.split(':'));
    const rows = await session.query<{ tenantId: string; orgId: string; name: string }>(
      `SELECT DISTINCT t.tenant_id AS "tenantId", t.id AS "orgId", p.name
         FROM unnest($1::uuid[], $2::uuid[]) AS t(tenant_id, id)
         CROSS JOIN LATERAL (
           SELECT name FROM volunteer WHERE tenant_id = t.tenant_id AND org_id = t.id
           UNION ALL SELECT name FROM beneficiary WHERE tenant_id = t.tenant_id AND org_id = t.id
           UNION ALL SELECT donor_name FROM donation WHERE tenant_id = t.tenant_id AND org_id = t.id AND donor_kind = ANY($3::text[])
           UNION ALL SELECT recipient_name FROM disbursement WHERE tenant_id = t.tenant_id AND org_id = t.id
         ) AS p(name)`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1]), PERSONAL_DONOR_KINDS],
    );
    const byOrg = new Map<string, string[]>(keys.map((k) => [k, []]));
    for (const r of rows) byOrg.get(`${r.tenantId}:${r.orgId}`)?.push(r.name);
    return keys.map((k) => byOrg.get(k) ?? []);
  });
}

/** One list loader per record kind, for one request, and the names to mask in free text. */
export function createRecordLoaders(session: RequestSession, cursors: CursorCodec) {
  // a kind's loader is made when the request first lists that kind: most requests list none
  const lists = new Map<RecordKindName, ReturnType<typeof createListLoader>>();
  const records = (name: RecordKindName) => {
    let loader = lists.get(name);
    if (!loader) lists.set(name, (loader = createListLoader(session, cursors, RECORD_KINDS[name])));
    return loader;
  };
  return { records, peopleNames: createPeopleNamesLoader(session) };
}
