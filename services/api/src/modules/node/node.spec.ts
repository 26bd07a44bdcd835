import { firstError, startTestApi, TestApi } from '@ggw/testing';

/** Relay's node(id) and the ids clients cache by. */
describe('node(id), export(id) and roll-up ids', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
  });
  afterAll(() => api.close());

  const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Org { code } ... on Volunteer { name version } ... on Donation { donorKind } ... on ExportJob { status } } }`;
  const node = async (id: string, as = 'jian-admin') => (await api.gqlAs(as, NODE, { id })).body.data.node;
  const one = async (sql: string, params: unknown[] = []) => (await api.db.dataSource.query(sql, params))[0];

  it('finds an org, a record (masked as in its list) and an export by id alone', async () => {
    const org = await one(`SELECT id FROM org WHERE code = '220582101'`);
    expect(await node(org.id)).toEqual({ __typename: 'Org', id: org.id, code: '220582101' });
    const v = await one(`SELECT v.id, v.name FROM volunteer v JOIN org o ON o.id = v.org_id WHERE o.code = '220582106201' LIMIT 1`);
    const found = await node(v.id);
    expect(found).toMatchObject({ __typename: 'Volunteer', id: v.id, version: 1 });
    expect(found.name).not.toBe(v.name); // the county is two levels above the village: masked
    expect((await node(v.id, 'shihu-editor')).name).toBe(v.name);
    const job = (await api.gql(`mutation { requestExport(orgCode: "220582", period: "2020", format: CSV) { id } }`)).body.data.requestExport;
    expect(await node(job.id)).toMatchObject({ __typename: 'ExportJob', id: job.id });
    expect((await api.gql(`query($id: ID!) { export(id: $id) { id status } }`, { id: job.id })).body.data.export.id).toBe(job.id);
  });

  it('answers null alike for no such id, an id outside the subtree, and an ancestor only named in breadcrumbs', async () => {
    const other = await one(`SELECT v.id FROM volunteer v JOIN org o ON o.id = v.org_id WHERE o.path <@ '220000.220500.220521' LIMIT 1`);
    const city = await one(`SELECT id FROM org WHERE code = '220500'`);
    for (const id of ['5c1b8f3e-0d7a-4f55-9d1e-3b1f0c2a9e77', other.id, city.id, 'not-a-uuid']) expect(await node(id)).toBeNull();
    expect(firstError(await api.gqlAs('taishang-admin', `{ export(id: "5c1b8f3e-0d7a-4f55-9d1e-3b1f0c2a9e77") { id } }`)).code).toBe('NOT_FOUND');
  });

  it('gives every roll-up an id of its org and period, the year before included', async () => {
    const org = await one(`SELECT id FROM org WHERE code = '220582'`);
    const r = (await api.gql(`{ org(code: "220582") { rollup(period: "2020Q3") { id previousYear { id } } } }`)).body.data.org.rollup;
    expect(r).toEqual({ id: `${org.id}@2020Q3`, previousYear: { id: `${org.id}@2019Q3` } });
  });
});
