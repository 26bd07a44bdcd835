import { firstError, startTestApi, TestApi } from '@ggw/testing';

const SHIHU = '220582106201';
const TRAIL = `auditTrail(first: 10, kind: VOLUNTEER) { totalCount nodes { operation kind recordId actorName requestId reason before after changedFields } pageInfo { endCursor hasNextPage } }`;

describe('the audit trail', () => {
  let api: TestApi;
  let id: string;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'shihu-editor' });
    const v = await api.gql(`mutation { createVolunteer(input: { orgCode: "${SHIHU}", name: "王德明", category: TEACHER, joinedOn: "2021-03-01", phone: "13800001111" }) { volunteer { id } } }`);
    id = v.body.data.createVolunteer.volunteer.id;
    await api.gql(`mutation { updateVolunteer(id: "${id}", expectedVersion: 1, patch: { name: "王德亮", phone: null }) { volunteer { version } } }`);
    await api.gql(`mutation { deleteVolunteer(id: "${id}", expectedVersion: 2, reason: "重复录入") { deletedId } }`);
  });
  afterAll(() => api.close());

  it('tells the county admin who did what, when, in which request, masked as everywhere', async () => {
    const res = await api.gqlAs('jian-admin', `{ org(code: "${SHIHU}") { ${TRAIL} } }`);
    expect(res.body.errors).toBeUndefined();
    const { nodes: all, totalCount } = res.body.data.org.auditTrail;
    // the reference loader's inserts are in the trail too, with no actor
    const [{ n }] = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE org_id = (SELECT id FROM org WHERE code = $1) AND record_kind = 'volunteer'`, [SHIHU]);
    expect(totalCount).toBe(n);
    const nodes = all.slice(0, 3);
    expect(nodes.map((n: { operation: string }) => n.operation)).toEqual(['DELETE', 'UPDATE', 'INSERT']);
    expect(all[3]).toMatchObject({ operation: 'INSERT', actorName: null, requestId: null });
    for (const n of nodes) expect(n).toMatchObject({ kind: 'VOLUNTEER', recordId: id, actorName: '石湖村关工小组录入员', requestId: expect.any(String) });
    const [del, upd, ins] = nodes;
    expect(del.reason).toBe('重复录入');
    expect(del.after).toBeNull();
    expect(upd.changedFields.sort()).toEqual(['name', 'phone']);
    // the county is two levels above the village: names and phones masked, like the lists
    expect(ins.after).toMatchObject({ name: '王*明', phone: '138****1111', version: 1, joinedOn: '2021-03-01', isCore: false });
    expect(upd.after.name).toBe('王*亮');
    expect(Object.keys(ins.after)).not.toContain('orgId');
    expect(JSON.stringify(nodes)).not.toContain('王德');
  });

  it('is for admins only: an editor is FORBIDDEN, an admin of another subtree gets NOT_FOUND', async () => {
    expect(firstError(await api.gql(`{ org(code: "${SHIHU}") { ${TRAIL} } }`)).code).toBe('FORBIDDEN');
    expect(firstError(await api.gqlAs('taishang-admin', `{ org(code: "${SHIHU}") { ${TRAIL} } }`)).code).toBe('NOT_FOUND');
  });

  it('covers the subtree when asked, pages newest first, and filters by time', async () => {
    const page1 = await api.gqlAs('jian-admin', `{ org(code: "220582") { auditTrail(first: 2, subtree: true) { nodes { recordId operation } pageInfo { endCursor hasNextPage } } } }`);
    const first = page1.body.data.org.auditTrail;
    expect(first.nodes.map((n: { operation: string }) => n.operation)).toEqual(['DELETE', 'UPDATE']);
    const page2 = await api.gqlAs('jian-admin', `query($after: String) { org(code: "220582") { auditTrail(first: 2, subtree: true, after: $after) { nodes { operation } } } }`, { after: first.pageInfo.endCursor });
    expect(page2.body.data.org.auditTrail.nodes[0].operation).toBe('INSERT');
    const later = await api.gqlAs('jian-admin', `{ org(code: "220582") { auditTrail(subtree: true, since: "2999-01-01") { totalCount } } }`);
    expect(later.body.data.org.auditTrail.totalCount).toBe(0);
    expect(firstError(await api.gqlAs('jian-admin', `{ org(code: "220582") { auditTrail(since: "last week") { totalCount } } }`)).code).toBe('BAD_USER_INPUT');
  });

  it('is append-only: the app role can neither write nor change it, and the owner cannot change it either', async () => {
    const app = await api.db.appDataSource();
    for (const sql of [`UPDATE audit_event SET reason = 'x'`, `DELETE FROM audit_event`, `INSERT INTO audit_event (tenant_id, org_id, record_kind, record_id, operation) SELECT tenant_id, org_id, record_kind, record_id, operation FROM audit_event LIMIT 1`, `TRUNCATE audit_event`]) {
      await expect(app.query(sql)).rejects.toThrow(/permission denied/);
    }
    await expect(api.db.dataSource.query(`UPDATE audit_event SET reason = 'x'`)).rejects.toThrow(/append-only/);
    await expect(api.db.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE record_id = $1`, [id]))[0].n).toBe(3);
  });
});
