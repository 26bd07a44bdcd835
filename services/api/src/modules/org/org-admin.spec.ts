import { firstError, startTestApi, TestApi } from '@ggw/testing';

/** Opening a new community: admins create orgs below their own, checked by the API and the database. */
describe('creating orgs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true });
  });
  afterAll(() => api.close());

  const create = (as: string, parentCode: string, code: string, type: string, foundedOn = '2021-05-01', name = '新建组织') =>
    api.gqlAs(as, `mutation($p: String!, $c: String!, $n: String!, $d: Date!) { createOrg(parentCode: $p, code: $c, name: $n, type: ${type}, foundedOn: $d) { code level type name } }`,
      { p: parentCode, c: code, n: name, d: foundedOn });
  const orgCount = async (code: string, period: string) =>
    (await api.gqlAs('jian-admin', `{ org(code: "${code}") { rollup(period: "${period}") { orgCount newOrgCount } } }`)).body.data.org.rollup;

  it('lets a township admin open a village and a county admin a township, counted from the day they were founded', async () => {
    const before2020 = await orgCount('220582', '2020');
    const before2021 = await orgCount('220582', '2021');
    const village = await create('taishang-admin', '220582101', '220582101219', 'VILLAGE', '2021-05-01', '新开村');
    expect(village.body).toEqual({ data: { createOrg: { code: '220582101219', level: 'VILLAGE', type: 'VILLAGE', name: '新开村' } } });
    // the next request of the township admin sees it, with its parent
    expect((await api.gqlAs('taishang-admin', `{ org(code: "220582101219") { parent { code } ancestors { code } } }`)).body.data.org)
      .toEqual({ parent: { code: '220582101' }, ancestors: [{ code: '220000' }, { code: '220500' }, { code: '220582' }, { code: '220582101' }] });
    expect((await create('jian-admin', '220582', '220582109', 'TOWN', '2021-06-01', '新设镇')).body.errors).toBeUndefined();
    expect((await create('jian-admin', '220582', '220582B07', 'DEPARTMENT', '2021-06-01', '团市委')).body.errors).toBeUndefined();
    expect(await orgCount('220582', '2020')).toEqual(before2020);
    expect(await orgCount('220582', '2021')).toEqual({ orgCount: before2021.orgCount + 3, newOrgCount: before2021.newOrgCount + 3 });
    // in the audit trail, under the org itself
    const trail = (await api.gqlAs('jian-admin', `{ org(code: "220582101219") { auditTrail(first: 5) { nodes { kind operation actorName after } } } }`)).body.data.org.auditTrail.nodes;
    expect(trail[0]).toMatchObject({ kind: 'ORG', operation: 'INSERT', actorName: '台上镇关工委管理员', after: { code: '220582101219', name: '新开村' } });
  });

  it('refuses a bad org with every reason at once, a code used anywhere, and the wrong place', async () => {
    const bad = firstError(await create('jian-admin', '220582', '2205821', 'VILLAGE', '2999-01-01', ''));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['type', 'code', 'name', 'foundedOn']);
    expect(firstError(await create('jian-admin', '220582', '220582101', 'TOWN'))).toMatchObject({ code: 'CONFLICT', extensions: { field: 'code' } });
    // 通化县's code is in another tenant: codes are unique across the platform
    expect(firstError(await create('jian-admin', '220582106', '220521101201'.replace('220521101', '220582106'), 'VILLAGE'))).toMatchObject({ code: 'CONFLICT' });
    expect(firstError(await create('jian-admin', '220582106201', '220582106201S01', 'SCHOOL'))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fieldErrors: [{ field: 'parentCode' }] } });
    expect(firstError(await create('tonghua-admin', '220500', '220598', 'COUNTY'))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fieldErrors: [{ field: 'parentCode', message: expect.stringContaining('onboarding') }] } });
    expect(firstError(await create('jian-admin', '220582101', '220582101220', 'VILLAGE', '1990-01-01'))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fieldErrors: [{ field: 'foundedOn' }] } });
    // rights: an editor creates nothing; a township admin nothing outside its township
    expect(firstError(await create('shihu-editor', '220582106201', '220582106201S01', 'SCHOOL'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(firstError(await create('taishang-admin', '220582106', '220582106299', 'VILLAGE'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(firstError(await create('tonghua-viewer', '220582101', '220582101298', 'VILLAGE'))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is held by the database too: the shape of every org, and who may insert one', async () => {
    const [{ id }] = await api.db.dataSource.query(`SELECT id FROM app_user WHERE username = 'taishang-admin'`);
    const attempt = (sql: string) => api.db.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL ROLE ggw_app`);
      await m.query(`SELECT set_config('ggw.actor', $1::text, true), * FROM ggw_apply_scopes($1::uuid)`, [id]);
      return m.query(sql).then(() => 'inserted', (e) => e.code);
    });
    const under = (code: string, child: string, level: string, type: string) => `INSERT INTO org (tenant_id, id, parent_id, path, level, type, code, name, founded_on)
      SELECT p.tenant_id, gen_random_uuid(), p.id, p.path || '${child}', '${level}', '${type}', '${child}', 'x', '2021-01-01' FROM org p WHERE p.code = '${code}'`;
    // a township beside its own (its county is not the admin's): refused by row-level security
    expect(await attempt(under('220582', '220582110', 'TOWNSHIP', 'TOWN'))).toBe('42501');
    // a village with a wrong level, inside its own township: refused by the shape check
    expect(await attempt(under('220582101', '220582101297', 'TOWNSHIP', 'VILLAGE'))).toBe('23514');
    // and no org is ever deleted by the application
    expect(await attempt(`DELETE FROM org WHERE code = '220582101201'`)).toBe('42501');
  });
});
