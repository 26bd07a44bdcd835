import { canRead, hashPassword, isAdminAt, Viewer } from '@ggw/authz';
import { addSyntheticCounty, DatasetBuilder, DEMO_USERS, insertDataset, Random } from '@ggw/db';
import { OrgLevel, stableId } from '@ggw/domain';
import { startTestApi, TestApi } from '@ggw/testing';

/**
 * The isolation matrix, end to end over HTTP: every demo user, and users placed by a factory at
 * random orgs of each level, against every query path that reaches an org, for orgs inside and
 * outside their subtrees. Nothing outside may leak, and an org outside answers exactly as an
 * org that does not exist.
 */
interface OrgInfo { id: string; tenant_id: string; code: string; path: string; level: OrgLevel; parent_id: string | null }

const FIGURES = 'orgCount volunteerCount donationTotal';
/** Every path from an org to data, each as one aliased field of one request. */
const PATHS: Record<string, string> = {
  name: 'name',
  rollup: `rollup(period: "2020") { ${FIGURES} previousYear { ${FIGURES} } }`,
  approvedRollup: `rollup(period: "2020", state: APPROVED) { ${FIGURES} previousYear { ${FIGURES} } }`,
  summary: 'summary(period: "2020")',
  childRollups: `childRollups(period: "2020") { total { ${FIGURES} } rows { org { code } ${FIGURES} } }`,
  descendantRollups: `descendantRollups(period: "2020", first: 200) { nodes { org { code } ${FIGURES} } }`,
  volunteers: 'volunteers(subtree: true, first: 200) { totalCount nodes { name } }',
  activities: 'activities(subtree: true, first: 200) { totalCount nodes { title } }',
  pairs: 'pairs(subtree: true, first: 200) { totalCount nodes { beneficiaryName } }',
  donations: 'donations(subtree: true, first: 200) { totalCount nodes { amountYuan } }',
  assessments: 'assessments(subtree: true, first: 200) { totalCount }',
  articles: 'articles(subtree: true, first: 200) { totalCount }',
  discrepancies: 'discrepancies(period: "2020") { metricKey }',
  planProgress: 'planProgress(year: 2020) { metricKey actual }',
  children: 'children { code }',
  descendants: 'descendants(first: 200) { totalCount nodes { code } }',
  parent: 'parent { code name }',
  report: 'report(period: "2020") { status history { to } }',
  reportBoard: 'reportBoard(period: "2020") { state org { code } }',
  overdueReports: 'overdueReports(period: "2020") { org { code } daysLate }',
  reportCalendar: 'reportCalendar { level dueOffsetDays }',
  assessmentCriteria: 'assessmentCriteria { key name }',
  ruleViolations: 'ruleViolations(period: "2020") { rule orgId recordId }',
  periodClosure: 'periodClosure(period: "2020") { closedAt }',
  periodClosures: 'periodClosures(period: "2020") { closedAt reopenReason }',
};

describe('isolation matrix', () => {
  let api: TestApi;
  let orgs: OrgInfo[];
  const users: Array<{ username: string; viewer: Viewer }> = [];
  let cases = 0;

  beforeAll(async () => {
    api = await startTestApi({ reference: true });
    // two random counties beside the reference ones, under 通化市, of random shape
    const rng = new Random(4242);
    const [city] = await api.db.dataSource.query(`SELECT tenant_id, id, parent_id, path::text AS path, level, type, code, name, founded_on::text, dissolved_on FROM org WHERE code = '220500'`);
    for (const code of ['220523', '220524']) {
      const b = new DatasetBuilder();
      addSyntheticCounty(b, rng, city, { code, name: `随机县${code}`, townships: rng.int(1, 4), villagesPerTownship: rng.int(0, 5), years: [2019, 2020] });
      await api.db.dataSource.transaction((tx) => insertDataset(tx, b.data));
    }
    orgs = await api.db.dataSource.query(`SELECT id, tenant_id, code, path::text AS path, level, parent_id FROM org ORDER BY path`);
    const byCode = new Map(orgs.map((o) => [o.code, o]));
    // factory users: a random org of each level (reference and random trees), a random role
    const hash = await hashPassword('demo');
    const factory: Array<{ username: string; orgCode: string; role: 'ADMIN' | 'EDITOR' | 'VIEWER' }> = [];
    const randomTree = (o: OrgInfo) => /^220000\.220500\.22052[34]/.test(o.path);
    for (const [level, inRandomTree] of [
      [OrgLevel.PROVINCE, false], [OrgLevel.CITY, false], [OrgLevel.COUNTY, true], [OrgLevel.TOWNSHIP, true], [OrgLevel.VILLAGE, true],
      [OrgLevel.COUNTY, false], [OrgLevel.TOWNSHIP, false], [OrgLevel.VILLAGE, false],
    ] as const) {
      const candidates = orgs.filter((o) => o.level === level && randomTree(o) === inRandomTree);
      if (!candidates.length) continue;
      const org = rng.pick(candidates);
      factory.push({ username: `f-${level}-${org.code}`.toLowerCase(), orgCode: org.code, role: rng.pick(['ADMIN', 'EDITOR', 'VIEWER'] as const) });
    }
    for (const u of factory) {
      const org = (await api.db.dataSource.query('SELECT id, tenant_id FROM org WHERE code = $1', [u.orgCode]))[0];
      const id = stableId('user', u.username);
      await api.db.dataSource.query(`INSERT INTO app_user (id, username, password_hash, display_name) VALUES ($1, $2, $3, $2)`, [id, u.username, hash]);
      await api.db.dataSource.query(`INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role) VALUES ($1, $2, $3, $4)`, [id, org.tenant_id, org.id, u.role]);
    }
    for (const u of [...DEMO_USERS, ...factory]) {
      const org = byCode.get(u.orgCode)!;
      users.push({ username: u.username, viewer: { userId: '', roles: [{ orgId: org.id, tenantId: '', path: org.path, level: org.level, role: u.role }] } });
    }
  });
  afterAll(async () => {
    await api.close();
    // eslint-disable-next-line no-console
    console.log(`isolation matrix: ${cases} cases checked for ${users.length} users`);
  });

  /** A spread of targets: each user's own org, its parent, a sibling, the other county, the root, villages, a missing code. */
  const targets = () => {
    const pick = (code: string) => orgs.find((o) => o.code === code)!;
    const codes = new Set(['220000', '220500', '220582', '220521', '220523', '220524', '220582101', '220582103', '220582106201', '220582106202', '220521101', '220521101201']);
    for (const u of users) {
      const own = orgs.find((o) => o.path === u.viewer.roles[0].path)!;
      codes.add(own.code);
      if (own.parent_id) codes.add(orgs.find((o) => o.id === own.parent_id)!.code);
    }
    return [...codes].map(pick);
  };

  it('answers every path inside the subtree and nothing outside, as if the org did not exist', async () => {
    for (const user of users) {
      const missing = await api.gqlAs(user.username, `{ org(code: "999999") { name } }`);
      const missingError = missing.body.errors?.[0];
      for (const target of targets()) {
        const visible = canRead(user.viewer, target.path);
        // in requests of at most 15 aliases (the server refuses more than 20), answers merged
        const entries = Object.entries(PATHS);
        const parts = await Promise.all([entries.slice(0, 15), entries.slice(15)].map((chunk) =>
          api.gqlAs(user.username, `{ ${chunk.map(([alias, sel]) => `${alias}: org(code: "${target.code}") { ${sel} }`).join('\n')} }`)));
        const byCode = {
          body: {
            data: parts.every((p) => p.body.data) ? Object.assign({}, ...parts.map((p) => p.body.data)) : null,
            errors: parts.some((p) => p.body.errors) ? parts.flatMap((p) => p.body.errors ?? []) : undefined,
          },
        } as { body: { data: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
        const byId = await api.gqlAs(user.username, `query($id: ID!) { org(id: $id) { name rollup(period: "2020") { orgCount } } }`, { id: target.id });
        const search = await api.gqlAs(user.username, `{ orgs(search: "${target.code}", first: 200) { totalCount nodes { code } } }`);
        // Relay's node(id): the org, and one of its volunteers, by id alone; null outside (as for no such id)
        const [volunteer] = await api.db.dataSource.query(`SELECT id FROM volunteer WHERE org_id = $1 LIMIT 1`, [target.id]);
        const byNode = await api.gqlAs(user.username, `query($o: ID!, $v: ID!) { o: node(id: $o) { id } v: node(id: $v) { id } }`,
          { o: target.id, v: volunteer?.id ?? target.id });
        cases += 2;
        expect({ user: user.username, target: target.code, org: byNode.body.data?.o?.id ?? null, volunteer: byNode.body.data?.v?.id ?? null }).toEqual({
          user: user.username, target: target.code, org: visible ? target.id : null, volunteer: visible ? (volunteer?.id ?? target.id) : null,
        });
        for (const alias of Object.keys(PATHS)) {
          cases++;
          const value = byCode.body.data?.[alias] ?? null;
          if (visible) {
            expect({ user: user.username, target: target.code, alias, ok: value !== null }).toEqual({ user: user.username, target: target.code, alias, ok: true });
          } else {
            expect({ user: user.username, target: target.code, alias, value }).toEqual({ user: user.username, target: target.code, alias, value: null });
          }
        }
        cases += 2;
        if (visible) {
          expect(byId.body.data?.org?.name).toBe(byCode.body.data.name.name);
          expect(search.body.data.orgs.nodes.map((n: { code: string }) => n.code)).toContain(target.code);
        } else {
          expect(byId.body.data?.org ?? null).toBeNull();
          const errors = byCode.body.errors ?? [];
          expect(errors.length).toBeGreaterThan(0);
          expect(byCode.body.data ?? null).toBeNull();
          // the same answer as for a code that does not exist, but for the code itself
          for (const e of errors) {
            expect({ code: e.extensions?.code, message: e.message.replace(target.code, 'X') })
              .toEqual({ code: missingError?.extensions?.code, message: missingError?.message.replace('999999', 'X') });
          }
          expect(search.body.data.orgs.nodes.map((n: { code: string }) => n.code)).not.toContain(target.code);
        }
        // everything reached through a visible org is visible too
        if (visible) {
          const reached: string[] = [
            ...(byCode.body.data.children.children ?? []).map((c: { code: string }) => c.code),
            ...byCode.body.data.descendants.descendants.nodes.map((c: { code: string }) => c.code),
            ...byCode.body.data.childRollups.childRollups.rows.map((r: { org: { code: string } }) => r.org.code),
            ...byCode.body.data.descendantRollups.descendantRollups.nodes.map((r: { org: { code: string } }) => r.org.code),
          ];
          const parent = byCode.body.data.parent.parent;
          if (parent) reached.push(parent.code);
          for (const code of reached) {
            cases++;
            expect({ user: user.username, code, visible: canRead(user.viewer, orgs.find((o) => o.code === code)!.path) }).toEqual({ user: user.username, code, visible: true });
          }
        }
      }
    }
  }, 300_000);

  it('lists only orgs inside the subtrees, and ancestors only by name and code', async () => {
    for (const user of users) {
      const res = await api.gqlAs(user.username, `{ orgs(first: 200) { totalCount nodes { code } } }`);
      for (const n of res.body.data.orgs.nodes) {
        cases++;
        expect({ user: user.username, code: n.code, visible: canRead(user.viewer, orgs.find((o) => o.code === n.code)!.path) })
          .toEqual({ user: user.username, code: n.code, visible: true });
      }
      const own = orgs.find((o) => o.path === user.viewer.roles[0].path)!;
      const crumbs = await api.gqlAs(user.username, `{ org(code: "${own.code}") { ancestors { code name } } }`);
      cases++;
      expect(crumbs.body.data.org.ancestors.map((a: { code: string }) => a.code)).toEqual(own.path.split('.').slice(0, -1));
    }
  });

  it('holds with several operations in one document', async () => {
    for (const user of users) {
      const outside = orgs.find((o) => !canRead(user.viewer, o.path));
      if (!outside) continue;
      const doc = `query Mine { org(code: "${orgs.find((o) => o.path === user.viewer.roles[0].path)!.code}") { name } }
                   query Theirs { org(code: "${outside.code}") { name rollup(period: "2020") { orgCount } } }`;
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await api.login(user.username)}` },
        body: JSON.stringify({ query: doc, operationName: 'Theirs' }),
      });
      const body = (await res.json()) as any;
      cases++;
      expect(body.data?.org ?? null).toBeNull();
      expect(body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('shows the audit trail to admins of the org or above only, and only of orgs in the subtree', async () => {
    for (const user of users) {
      const missing = (await api.gqlAs(user.username, `{ org(code: "999999") { auditTrail(first: 1) { totalCount } } }`)).body.errors?.[0];
      for (const target of targets()) {
        const res = await api.gqlAs(user.username, `{ org(code: "${target.code}") { auditTrail(first: 200, subtree: true) { nodes { recordId } } } }`);
        const code = res.body.errors?.[0]?.extensions?.code ?? 'OK';
        cases++;
        const want = isAdminAt(user.viewer, target.path) ? 'OK' : canRead(user.viewer, target.path) ? 'FORBIDDEN' : 'NOT_FOUND';
        expect({ user: user.username, target: target.code, code }).toEqual({ user: user.username, target: target.code, code: want });
        if (want === 'NOT_FOUND') expect(res.body.errors?.[0].message.replace(target.code, 'X')).toBe(missing?.message.replace('999999', 'X'));
        if (want === 'OK') {
          // every event is of a record whose org is in the target's subtree
          const ids = res.body.data.org.auditTrail.nodes.map((n: { recordId: string }) => n.recordId);
          if (ids.length) {
            const [{ outside }] = await api.db.dataSource.query(
              `SELECT count(*)::int AS outside FROM audit_event e JOIN org o ON o.id = e.org_id WHERE e.record_id = ANY ($1::uuid[]) AND NOT o.path <@ $2::ltree`, [ids, target.path]);
            cases++;
            expect({ user: user.username, target: target.code, outside }).toEqual({ user: user.username, target: target.code, outside: 0 });
          }
        }
      }
    }
  }, 300_000);

  it('keeps exports, their files and schedules inside the subtree; only admins request and schedule', async () => {
    // one finished export per target, made directly: the matrix is about who may reach it
    const files = new Map<string, string>();
    for (const target of targets()) {
      const [row] = await api.db.dataSource.query(
        `INSERT INTO export_job (tenant_id, id, org_id, period, format, status, progress, requested_by, finished_at, expires_at, file_name, size_bytes, sha256)
         SELECT o.tenant_id, gen_random_uuid(), o.id, '2020', 'CSV', 'DONE', 100, $2, now(), now() + interval '1 day', 'm.csv', 3, repeat('0', 64)
           FROM org o WHERE o.code = $1 RETURNING id, tenant_id, org_id`, [target.code, stableId('user', 'jian-admin')]);
      await api.db.dataSource.query(`INSERT INTO export_file (tenant_id, export_id, org_id, content) VALUES ($1, $2, $3, 'a,b')`, [row.tenant_id, row.id, row.org_id]);
      files.set(target.code, row.id);
    }
    for (const user of users) {
      const missing = (await api.gqlAs(user.username, `{ exports(orgCode: "999999") { totalCount } }`)).body.errors?.[0];
      const token = await api.login(user.username);
      for (const target of targets()) {
        const visible = canRead(user.viewer, target.path);
        const admin = isAdminAt(user.viewer, target.path);
        const code = (res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => res.body.errors?.[0]?.extensions?.code ?? 'OK';
        const list = await api.gqlAs(user.username, `{ exports(orgCode: "${target.code}") { nodes { id } } }`);
        const one = await api.gqlAs(user.username, `{ export(id: "${files.get(target.code)}") { id } }`);
        const schedules = await api.gqlAs(user.username, `{ exportSchedules(orgCode: "${target.code}") { id } }`);
        const request = await api.gqlAs(user.username, `mutation { requestExport(orgCode: "${target.code}", period: "2020", format: DOCX) { id } }`);
        const file = await fetch(`${api.url}/exports/${files.get(target.code)}/file`, { headers: { authorization: `Bearer ${token}` } });
        cases += 5;
        expect({ user: user.username, target: target.code, list: code(list), one: code(one), schedules: code(schedules), request: code(request), file: file.status }).toEqual({
          user: user.username, target: target.code,
          list: visible ? 'OK' : 'NOT_FOUND',
          one: visible ? 'OK' : 'NOT_FOUND',
          schedules: admin ? 'OK' : visible ? 'FORBIDDEN' : 'NOT_FOUND',
          request: admin ? 'OK' : visible ? 'FORBIDDEN' : 'NOT_FOUND',
          file: visible ? 200 : 404,
        });
        if (visible) expect(list.body.data.exports.nodes.map((n: { id: string }) => n.id)).toContain(files.get(target.code));
        else expect(list.body.errors?.[0].message.replace(target.code, 'X')).toBe(missing?.message.replace('999999', 'X'));
      }
    }
  }, 300_000);

  /**
   * Every data-entry mutation, for every user and target: a writer (EDITOR or ADMIN at the org or
   * above) gets through, a reader of the org is FORBIDDEN, anyone else NOT_FOUND, exactly as
   * for reads. The denied writes are sent first and shown to change nothing: row counts, the
   * audit trail and every roll-up aggregate are the same before and after. Writes by id name a
   * stale version, so a writer is told CONFLICT (it got past every check of rights) and nothing
   * changes for anyone.
   */
  it('lets only writers of the org write, and a denied write changes nothing', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    // one record of every kind at every target, written directly (the matrix is about who may change them)
    const made = new Map<string, Record<string, string>>();
    for (const target of targets()) {
      const ins = async (table: string, columns: string, values: string) => (await api.db.dataSource.query(
        `INSERT INTO ${table} (tenant_id, id, org_id, ${columns}) SELECT o.tenant_id, gen_random_uuid(), o.id, ${values} FROM org o WHERE o.code = $1 RETURNING id`, [target.code]))[0].id as string;
      const ids: Record<string, string> = {};
      ids.Volunteer = await ins('volunteer', 'name, category, joined_on', `'隔离测试', 'CADRE', '2001-01-01'`);
      ids.Beneficiary = await ins('beneficiary', 'name, category', `'隔离测试', 'POOR_STUDENT'`);
      ids.Pair = await ins('assistance_pair', 'volunteer_id, beneficiary_id, started_on', `'${ids.Volunteer}', '${ids.Beneficiary}', '2001-02-01'`);
      ids.Activity = await ins('activity', 'held_on, theme, title', `'2001-01-01', 'LECTURE', '隔离测试'`);
      ids.Donation = await ins('donation', 'received_on, donor_kind, donor_name, form, amount_yuan', `'2001-01-01', 'ENTERPRISE', '隔离测试', 'MONEY', 10`);
      ids.Disbursement = await ins('disbursement', 'paid_on, amount_yuan, recipient_name', `'2001-01-01', 5, '隔离测试'`);
      ids.Article = await ins('article', 'title, submitted_on', `'隔离测试', '2001-01-01'`);
      ids.Guarantee = await ins('guarantee', 'year, has_staff, has_office, has_equipment, has_funding', `2001, true, true, true, true`);
      ids.PlanTarget = await ins('plan_target', 'year, metric_key, target_value, description', `2001, 'activityCount', 1, '隔离测试'`);
      ids.ReportedFigure = await ins('reported_figure', 'period, metric_key, reported_value, source', `'2001', 'activityCount', 1, '隔离测试'`);
      // a tenant without assessment criteria (a province, a city) has no assessment to aim at
      const assessed = await api.db.dataSource.query(`INSERT INTO assessment (tenant_id, id, org_id, year, criterion_key, met)
        SELECT o.tenant_id, gen_random_uuid(), o.id, 2001, c.key, true FROM org o JOIN assessment_criterion c ON c.tenant_id = o.tenant_id
         WHERE o.code = $1 ORDER BY c.position LIMIT 1 RETURNING id`, [target.code]);
      if (assessed.length) ids.Assessment = assessed[0].id;
      made.set(target.code, ids);
    }
    const criteria = async (code: string) => (await api.db.dataSource.query(
      `SELECT key FROM assessment_criterion WHERE tenant_id = (SELECT tenant_id FROM org WHERE code = $1) ORDER BY position`, [code])).map((r: { key: string }) => r.key) as string[];
    const CREATE: Record<string, (code: string) => Promise<string>> = {
      Volunteer: async () => `name: "隔离", category: CADRE, joinedOn: "${today}"`,
      Beneficiary: async () => `name: "隔离", category: POOR_STUDENT`,
      Pair: async (code) => `volunteerId: "${made.get(code)!.Volunteer}", beneficiaryId: "${made.get(code)!.Beneficiary}", startedOn: "${today}"`,
      Activity: async () => `heldOn: "${today}", theme: LECTURE, title: "隔离"`,
      Donation: async () => `receivedOn: "${today}", donorKind: ENTERPRISE, donorName: "隔离", form: MONEY, amountYuan: "1.00"`,
      Disbursement: async () => `paidOn: "${today}", amountYuan: "1.00", recipientName: "隔离"`,
      Article: async () => `title: "隔离", submittedOn: "${today}"`,
      Guarantee: async () => `year: ${year}, hasStaff: true, hasOffice: true, hasEquipment: true, hasFunding: true`,
      PlanTarget: async () => `year: ${year}, metricKey: "activityCount", targetValue: "1", description: "隔离"`,
      ReportedFigure: async () => `period: "${year}", metricKey: "activityCount", reportedValue: "1", source: "隔离"`,
    };
    const PATCH: Record<string, string> = {
      Volunteer: 'name: "改"', Beneficiary: 'name: "改"', Pair: `startedOn: "2001-03-01"`, Activity: 'title: "改"', Donation: 'donorName: "改"',
      Disbursement: 'recipientName: "改"', Article: 'title: "改"', Guarantee: 'hasStaff: false', PlanTarget: 'description: "改"', ReportedFigure: 'source: "改"',
    };
    const END: Record<string, string> = { Volunteer: 'leftOn', Pair: 'endedOn' };
    /** Every mutation for one user and target, each as [name, document]. */
    const mutations = async (code: string): Promise<Array<[string, string]>> => {
      const ids = made.get(code)!;
      const list: Array<[string, string]> = [];
      for (const kind of Object.keys(CREATE)) {
        const field = kind[0].toLowerCase() + kind.slice(1);
        list.push([`create${kind}`, `mutation { create${kind}(input: { orgCode: "${code}", ${await CREATE[kind](code)} }) { ${field} { id } } }`]);
        list.push([`update${kind}`, `mutation { update${kind}(id: "${ids[kind]}", expectedVersion: 999, patch: { ${PATCH[kind]} }) { ${field} { id } } }`]);
        list.push([`delete${kind}`, `mutation { delete${kind}(id: "${ids[kind]}", expectedVersion: 999, reason: "隔离测试") { deletedId } }`]);
        if (END[kind]) list.push([`end${kind}`, `mutation { end${kind}(id: "${ids[kind]}", ${END[kind]}: "${today}", expectedVersion: 999) { ${field} { id } } }`]);
      }
      const results = (await criteria(code)).map((k) => `{ criterionKey: "${k}", met: true }`).join(', ');
      list.push(['setAssessment', `mutation { setAssessment(input: { orgCode: "${code}", year: ${year}, results: [${results}] }) { version } }`]);
      list.push(['deleteAssessment', `mutation { deleteAssessment(orgCode: "${code}", year: 2001, expectedVersion: 999, reason: "隔离测试") }`]);
      list.push(['setArticleAdoption', `mutation { setArticleAdoption(id: "${ids.Article}", expectedVersion: 999, level: COUNTY) { article { id } } }`]);
      list.push(['submitReport', `mutation { submitReport(orgCode: "${code}", period: "2001", forceWithReason: "隔离测试") { id } }`]);
      for (const action of ['approveReport', 'returnReport', 'reopenReport']) {
        list.push([action, `mutation { ${action}(orgCode: "${code}", period: "2001"${action === 'approveReport' ? '' : ', reason: "隔离测试"'}) { id } }`]);
      }
      list.push(['closePeriod', `mutation { closePeriod(orgCode: "${code}", period: "2001") { id } }`]);
      list.push(['reopenPeriod', `mutation { reopenPeriod(orgCode: "${code}", period: "2001", reason: "隔离测试") { id } }`]);
      list.push(['setReportDeadline', `mutation { setReportDeadline(orgCode: "${code}", periodKind: YEAR, level: VILLAGE, dueOffsetDays: -31) { level } }`]);
      return list;
    };
    const snapshot = async () => (await api.db.dataSource.query(`SELECT
        (SELECT count(*) FROM volunteer)::int AS volunteer, (SELECT count(*) FROM beneficiary)::int AS beneficiary,
        (SELECT count(*) FROM assistance_pair)::int AS pair, (SELECT count(*) FROM activity)::int AS activity, (SELECT count(*) FROM donation)::int AS donation,
        (SELECT count(*) FROM disbursement)::int AS disbursement, (SELECT count(*) FROM article)::int AS article, (SELECT count(*) FROM guarantee)::int AS guarantee,
        (SELECT count(*) FROM plan_target)::int AS plan_target, (SELECT count(*) FROM reported_figure)::int AS reported_figure,
        (SELECT count(*) FROM assessment)::int AS assessment, (SELECT count(*) FROM audit_event)::int AS audit,
        (SELECT md5(string_agg(v::text, ',' ORDER BY tenant_id, org_id, source, channel, bucket)) FROM rollup_subtree) AS rollups,
        (SELECT md5(string_agg(version::text || adopted::text, ',' ORDER BY id)) FROM article) AS articles,
        (SELECT md5(string_agg(org_id::text || period || status || version::text, ',' ORDER BY id)) FROM report) AS reports,
        (SELECT count(*) FROM period_close)::int AS closures,
        (SELECT md5(string_agg(tenant_id::text || period_kind || level || due_offset_days::text, ',' ORDER BY tenant_id, period_kind, level)) FROM report_deadline) AS calendar`))[0];
    const codeOf = (res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => String(res.body.errors?.[0]?.extensions?.code ?? 'OK');
    // a report is decided by an admin above its org, never of the org itself
    const decides = (name: string) => ['approveReport', 'returnReport', 'reopenReport'].includes(name);
    // a period is closed, and a calendar set, by an admin of a county (a tenant root) or above, at the county
    const closes = (name: string) => ['closePeriod', 'reopenPeriod', 'setReportDeadline'].includes(name);
    const isWriter = (user: (typeof users)[number], target: OrgInfo, name = '') => decides(name)
      ? user.viewer.roles.some((r) => r.role === 'ADMIN' && target.path.startsWith(`${r.path}.`))
      : closes(name) ? target.id === target.tenant_id && isAdminAt(user.viewer, target.path)
        : user.viewer.roles.some((r) => r.role !== 'VIEWER' && (target.path === r.path || target.path.startsWith(`${r.path}.`)));
    const expected = (user: (typeof users)[number], target: OrgInfo, name: string) => {
      if (closes(name)) {
        if (isWriter(user, target, name)) return name === 'setReportDeadline' ? 'OK' : 'OK|CONFLICT|INVALID_STATE';
        return canRead(user.viewer, target.path) ? 'FORBIDDEN' : 'NOT_FOUND';
      }
      // which state a report is in depends on who came before: any answer of the cycle past the rights check
      if (name === 'submitReport' || decides(name)) {
        if (isWriter(user, target, name)) return 'OK|CONFLICT|INVALID_STATE|RULE_VIOLATED';
        return canRead(user.viewer, target.path) ? 'FORBIDDEN' : 'NOT_FOUND';
      }
      if (!isWriter(user, target)) return canRead(user.viewer, target.path) ? 'FORBIDDEN' : 'NOT_FOUND';
      // writes by id name a stale version; a create may meet the one a writer before made (an org's year is unique)
      // a tenant without criteria (a province, a city) has no assessment to delete, and none to set
      if (name === 'deleteAssessment' && !made.get(target.code)!.Assessment) return 'NOT_FOUND';
      if (name === 'setAssessment' && !made.get(target.code)!.Assessment) return 'BAD_USER_INPUT';
      return /^(update|delete|end|setArticleAdoption)/.test(name) ? 'CONFLICT' : name === 'setAssessment' || /Guarantee|PlanTarget|ReportedFigure/.test(name) ? 'OK|CONFLICT' : 'OK';
    };
    const before = await snapshot();
    const allowed: Array<[(typeof users)[number], OrgInfo, string, string]> = [];
    for (const user of users) {
      for (const target of targets()) {
        for (const [name, doc] of await mutations(target.code)) {
          const want = expected(user, target, name);
          if (!isWriter(user, target, name)) {
            cases++;
            const got = codeOf(await api.gqlAs(user.username, doc));
            expect({ user: user.username, target: target.code, name, got }).toEqual({ user: user.username, target: target.code, name, got: want });
          } else allowed.push([user, target, name, doc]);
        }
      }
    }
    expect(await snapshot()).toEqual(before);
    for (const [user, target, name, doc] of allowed) {
      cases++;
      const got = codeOf(await api.gqlAs(user.username, doc));
      const want = expected(user, target, name);
      expect({ user: user.username, target: target.code, name, ok: want.split('|').includes(got) }).toEqual({ user: user.username, target: target.code, name, ok: true });
    }
  }, 600_000);

  it("keeps each user's reminders to themselves, about the orgs they report for", async () => {
    await api.db.dataSource.query(`SELECT ggw_send_report_reminders()`);
    for (const user of users) {
      const res = await api.gqlAs(user.username, `{ notifications(first: 100) { org { code } } unreadNotificationCount }`);
      const own = orgs.find((o) => o.path === user.viewer.roles[0].path)!;
      for (const n of res.body.data.notifications) {
        cases++;
        expect({ user: user.username, org: n.org?.code }).toEqual({ user: user.username, org: own.code });
      }
      const [{ mine }] = await api.db.dataSource.query(`SELECT count(*)::int AS mine FROM notification WHERE user_id = (SELECT id FROM app_user WHERE username = $1) AND read_at IS NULL`, [user.username]);
      cases++;
      expect({ user: user.username, unread: res.body.data.unreadNotificationCount }).toEqual({ user: user.username, unread: mine });
    }
  });

  it('lets only writers of the org import into it, shows its imports to its readers, and offers only writable codes in templates', async () => {
    const ExcelJS = (await import('exceljs')).default;
    for (const user of users) {
      const token = await api.login(user.username);
      for (const target of targets()) {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('五老志愿者').addRows([['组织代码', '姓名', '五老类别', '是否骨干', '加入日期', '手机号', '身份证号'], [target.code, '隔离', '老干部', '否', '2021-01-01', null, null]]);
        const form = new FormData();
        form.append('file', new Blob([Buffer.from(await wb.xlsx.writeBuffer())]), 'x.xlsx');
        const res = await fetch(`${api.url}/imports?orgCode=${target.code}&kind=volunteers&dryRun=true`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
        const body = (await res.json()) as { code?: string; status?: string; problems?: unknown[] };
        const writer = user.viewer.roles.some((r) => r.role !== 'VIEWER' && (target.path === r.path || target.path.startsWith(`${r.path}.`)));
        const list = await api.gqlAs(user.username, `{ imports(orgCode: "${target.code}") { id } }`);
        cases += 2;
        expect({ user: user.username, target: target.code, got: body.code ?? body.status, list: list.body.errors?.[0]?.extensions?.code ?? 'OK' }).toEqual({
          user: user.username, target: target.code,
          got: writer ? 'CHECKED' : canRead(user.viewer, target.path) ? 'FORBIDDEN' : 'NOT_FOUND',
          list: canRead(user.viewer, target.path) ? 'OK' : 'NOT_FOUND',
        });
      }
      const template = await fetch(`${api.url}/templates/volunteers.xlsx`, { headers: { authorization: `Bearer ${token}` } });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await template.arrayBuffer()) as unknown as ArrayBuffer);
      for (const code of wb.getWorksheet('组织代码')!.getColumn(1).values.slice(2) as string[]) {
        cases++;
        const org = orgs.find((o) => o.code === code)!;
        expect({ user: user.username, code, writable: user.viewer.roles.some((r) => r.role !== 'VIEWER' && (org.path === r.path || org.path.startsWith(`${r.path}.`))) })
          .toEqual({ user: user.username, code, writable: true });
      }
    }
  }, 300_000);

  it('lets people, roles and orgs be administered only by the admins of the org, and never beyond their subtree', async () => {
    // one account homed at each target, with no role: visible only to the admins of its home
    const homed = new Map<string, string>();
    for (const target of targets()) {
      const id = stableId('user', `homed-${target.code}`);
      await api.db.dataSource.query(`INSERT INTO app_user (id, username, display_name, home_tenant_id, home_org_id) VALUES ($1, $2, $2, $3, $4)`,
        [id, `homed-${target.code}`.toLowerCase(), target.tenant_id, target.id]);
      homed.set(target.code, id);
    }
    const people = async () => (await api.db.dataSource.query(`SELECT
        (SELECT md5(string_agg(id::text || disabled::text || token_version::text || coalesce(password_hash, ''), ',' ORDER BY id)) FROM app_user) AS users,
        (SELECT md5(string_agg(user_id::text || org_id::text || role, ',' ORDER BY user_id, org_id, role)) FROM role_assignment) AS roles,
        (SELECT md5(string_agg(id::text || path::text || name, ',' ORDER BY id)) FROM org) AS orgs`))[0];
    const codeOf = (res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => String(res.body.errors?.[0]?.extensions?.code ?? 'OK');
    const ids = new Map<string, string>();
    for (const user of users) ids.set(user.username, (await api.gqlAs(user.username, '{ me { user { id } } }')).body.data.me.user.id);
    let serial = 0;
    const requests = (user: (typeof users)[number], target: OrgInfo): Array<[string, string, boolean]> => [
      ['users', `{ users(orgCode: "${target.code}") { totalCount } }`, true],
      ['createUser', `mutation { createUser(orgCode: "${target.code}", username: "iso-${++serial}", displayName: "隔离") { user { id } } }`, true],
      // to oneself: an escalation when the org is above or beside one's own
      ['grantRole', `mutation { grantRole(userId: "${ids.get(user.username)}", orgCode: "${target.code}", role: ADMIN) { id } }`, true],
      ['revokeRole', `mutation { revokeRole(userId: "${homed.get(target.code)}", orgCode: "${target.code}", role: VIEWER) { id } }`, true],
      ['resetPassword', `mutation { resetPassword(userId: "${homed.get(target.code)}") { user { id } } }`, false],
      ['disableUser', `mutation { disableUser(userId: "${homed.get(target.code)}") { id } }`, false],
      ['enableUser', `mutation { enableUser(userId: "${homed.get(target.code)}") { id } }`, false],
      // tree changes, each made harmless for the admins who may make them (refused for its arguments, after the rights check)
      ['moveOrg', `mutation { moveOrg(code: "${target.code}", newParentCode: "${orgs.find((o) => o.id === target.parent_id)?.code ?? target.code}", on: "${new Date().toISOString().slice(0, 10)}") { code } }`, true],
      ['mergeOrgs', `mutation { mergeOrgs(codes: ["${target.code}"], intoCode: "${target.code}", on: "2021-01-01") { code } }`, true],
      ['dissolveOrg', `mutation { dissolveOrg(code: "${target.code}", on: "1900-01-01") { code } }`, true],
      ['renameOrg', `mutation { renameOrg(code: "${target.code}", name: "隔离", on: "2999-01-01") { code } }`, true],
      // a department or school below the target: only a county or a township has one
      ['createOrg', `mutation { createOrg(parentCode: "${target.code}", code: "${target.code}Z${++serial}", name: "隔离", type: ${target.level === 'COUNTY' ? 'DEPARTMENT' : 'SCHOOL'}, foundedOn: "${new Date().toISOString().slice(0, 10)}") { code } }`, true],
    ];
    // an account homed at the target is invisible to anyone but its admins: NOT_FOUND, never FORBIDDEN
    const expected = (user: (typeof users)[number], target: OrgInfo, name: string, byOrg: boolean) => {
      // moving and dissolving are for the admins of the org's parent; a root has none
      const parent = orgs.find((o) => o.id === target.parent_id);
      if (name === 'moveOrg' || name === 'dissolveOrg') {
        if (!canRead(user.viewer, target.path)) return 'NOT_FOUND';
        if (!parent) return name === 'moveOrg' ? 'BAD_USER_INPUT' : 'FORBIDDEN';
        return isAdminAt(user.viewer, parent.path) ? 'BAD_USER_INPUT' : 'FORBIDDEN';
      }
      if (isAdminAt(user.viewer, target.path)) {
        if (name === 'createOrg') return target.level === 'COUNTY' || target.level === 'TOWNSHIP' ? 'OK' : 'BAD_USER_INPUT';
        if (name === 'mergeOrgs' || name === 'renameOrg') return 'BAD_USER_INPUT';
        return name === 'revokeRole' ? 'NOT_FOUND' : 'OK';
      }
      return byOrg && canRead(user.viewer, target.path) ? 'FORBIDDEN' : 'NOT_FOUND';
    };
    const before = await people();
    const allowed: Array<[(typeof users)[number], OrgInfo, string, string, boolean]> = [];
    for (const user of users) {
      for (const target of targets()) {
        for (const [name, doc, byOrg] of requests(user, target)) {
          // what may change something runs after the snapshot; a refusal (whatever its reason) before it
          if (expected(user, target, name, byOrg) === 'OK' || (name === 'revokeRole' && isAdminAt(user.viewer, target.path))) {
            allowed.push([user, target, name, doc, byOrg]);
            continue;
          }
          cases++;
          expect({ user: user.username, target: target.code, name, got: codeOf(await api.gqlAs(user.username, doc)) })
            .toEqual({ user: user.username, target: target.code, name, got: expected(user, target, name, byOrg) });
        }
      }
    }
    // onboarding a county below the target (a dry run): for the admins of a city or province only
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('组织').addRows([['代码', '名称', '类型', '上级代码', '成立日期']]);
    wb.addWorksheet('管理员').addRows([['用户名', '姓名', '手机号', '组织代码']]);
    const tree = Buffer.from(await wb.xlsx.writeBuffer());
    for (const user of users) {
      const token = await api.login(user.username);
      for (const target of targets()) {
        const form = new FormData();
        form.append('file', new Blob([tree]), 'tree.xlsx');
        const res = await fetch(`${api.url}/onboarding?parentCode=${target.code}&dryRun=true`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
        const body = (await res.json()) as { code?: string; status?: string };
        cases++;
        const above = isAdminAt(user.viewer, target.path) && (target.level === 'CITY' || target.level === 'PROVINCE');
        expect({ user: user.username, target: target.code, got: body.code ?? body.status })
          .toEqual({ user: user.username, target: target.code, got: above ? 'REJECTED' : canRead(user.viewer, target.path) ? 'FORBIDDEN' : 'NOT_FOUND' });
      }
    }
    // nothing refused changed anyone's account or roles, nor the tree
    expect(await people()).toEqual(before);
    for (const [user, target, name, doc, byOrg] of allowed) {
      cases++;
      expect({ user: user.username, target: target.code, name, got: codeOf(await api.gqlAs(user.username, doc)) })
        .toEqual({ user: user.username, target: target.code, name, got: expected(user, target, name, byOrg) });
    }
  }, 300_000);
});
