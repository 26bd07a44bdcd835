import { firstError, startTestApi, TestApi } from '@ggw/testing';

const SHIHU = '220582106201';
const VOLUNTEER = 'volunteer { id version name category isCore joinedOn leftOn }';
const ROLLUP = `query { org(code: "220582") { rollup(period: "2021-03") { volunteerCount coreVolunteerCount } } }`;

describe('data entry: a volunteer, written through GraphQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'shihu-editor' });
  });
  afterAll(() => api.close());

  const figures = async () => (await api.gqlAs('jian-admin', ROLLUP)).body.data.org.rollup as { volunteerCount: number; coreVolunteerCount: number };
  const create = (input: Record<string, unknown>) => api.gql(`mutation($input: CreateVolunteerInput!) { createVolunteer(input: $input) { ${VOLUNTEER} warnings { rule } clientMutationId } }`, { input });
  const rows = async (sql: string, params: unknown[] = []) => api.db.dataSource.query(sql, params);

  it('creates, and the county sees both figures one higher on the next query; update, end and delete follow', async () => {
    const before = await figures();
    const res = await create({ orgCode: SHIHU, name: '王德明', category: 'TEACHER', isCore: true, joinedOn: '2021-03-01', phone: '13800001111', clientMutationId: 'f3b1-first' });
    expect(res.body.errors).toBeUndefined();
    const v = res.body.data.createVolunteer.volunteer;
    expect(v).toMatchObject({ version: 1, name: '王德明', category: 'TEACHER', isCore: true, joinedOn: '2021-03-01', leftOn: null });
    expect(await figures()).toEqual({ volunteerCount: before.volunteerCount + 1, coreVolunteerCount: before.coreVolunteerCount + 1 });

    // the same clientMutationId again: the first record, not a second one
    const again = await create({ orgCode: SHIHU, name: '王德明', category: 'TEACHER', isCore: true, joinedOn: '2021-03-01', clientMutationId: 'f3b1-first' });
    expect(again.body.data.createVolunteer.volunteer.id).toBe(v.id);
    expect(await figures()).toEqual({ volunteerCount: before.volunteerCount + 1, coreVolunteerCount: before.coreVolunteerCount + 1 });

    const upd = await api.gql(`mutation($id: ID!) { updateVolunteer(id: $id, expectedVersion: 1, patch: { isCore: false }) { ${VOLUNTEER} } }`, { id: v.id });
    expect(upd.body.errors).toBeUndefined();
    expect(upd.body.data.updateVolunteer.volunteer).toMatchObject({ version: 2, isCore: false });
    expect((await figures()).coreVolunteerCount).toBe(before.coreVolunteerCount);

    // a stale version changes nothing and says what the current one is
    const stale = await api.gql(`mutation($id: ID!) { updateVolunteer(id: $id, expectedVersion: 1, patch: { name: "王德亮" }) { ${VOLUNTEER} } }`, { id: v.id });
    expect(firstError(stale).extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await rows(`SELECT name, version FROM volunteer WHERE id = $1`, [v.id]))[0]).toEqual({ name: '王德明', version: 2 });

    const end = await api.gql(`mutation($id: ID!) { endVolunteer(id: $id, leftOn: "2021-03-15", expectedVersion: 2) { ${VOLUNTEER} } }`, { id: v.id });
    expect(end.body.data.endVolunteer.volunteer).toMatchObject({ version: 3, leftOn: '2021-03-15' });
    expect((await figures()).volunteerCount).toBe(before.volunteerCount);

    const del = await api.gql(`mutation($id: ID!) { deleteVolunteer(id: $id, expectedVersion: 3, reason: "重复录入") { deletedId } }`, { id: v.id });
    expect(del.body.data.deleteVolunteer.deletedId).toBe(v.id);
    expect(await rows(`SELECT 1 FROM volunteer WHERE id = $1`, [v.id])).toHaveLength(0);

    const audit = await rows(`SELECT operation, actor_id IS NOT NULL AS actor, request_id IS NOT NULL AS request, reason FROM audit_event WHERE record_id = $1 ORDER BY id`, [v.id]);
    expect(audit).toEqual([
      { operation: 'INSERT', actor: true, request: true, reason: null },
      { operation: 'UPDATE', actor: true, request: true, reason: null },
      { operation: 'UPDATE', actor: true, request: true, reason: null },
      { operation: 'DELETE', actor: true, request: true, reason: '重复录入' },
    ]);
  });

  it('reports every wrong field at once, in Chinese, and writes nothing', async () => {
    const count = async () => Number((await rows(`SELECT count(*) AS n FROM volunteer`))[0].n);
    const n = await count();
    const res = await create({ orgCode: SHIHU, name: ' ', category: 'TEACHER', joinedOn: '2021-02-30', phone: '12345', idNumber: '220582195001011235' });
    expect(firstError(res).extensions.code).toBe('BAD_USER_INPUT');
    const fields = firstError(res).extensions.fieldErrors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['idNumber', 'joinedOn', 'name', 'phone']);
    expect(await count()).toBe(n);
  });

  it('refuses a viewer (FORBIDDEN) and anything outside the subtree (NOT_FOUND), changing nothing', async () => {
    const input = { orgCode: SHIHU, name: '李四', category: 'CADRE', joinedOn: '2020-01-01' };
    const viewer = await api.gqlAs('tonghua-viewer', `mutation($input: CreateVolunteerInput!) { createVolunteer(input: $input) { volunteer { id } } }`, { input });
    expect(firstError(viewer).extensions.code).toBe('FORBIDDEN');
    const outside = await api.gqlAs('tonghuaxian-admin', `mutation($input: CreateVolunteerInput!) { createVolunteer(input: $input) { volunteer { id } } }`, { input });
    expect(firstError(outside).extensions.code).toBe('NOT_FOUND');
  });
});
