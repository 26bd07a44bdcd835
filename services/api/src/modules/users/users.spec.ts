import { firstError, startTestApi, TestApi } from '@ggw/testing';

/**
 * People and roles over HTTP: an admin creates a user, the user activates the account with the
 * one-time link, roles are granted and revoked within the admin's subtree only, and a password
 * change, a disabling or a revoked role ends the sessions of tokens already in hand.
 */
const PASSWORD = 'Qingshi-2026-mima';

describe('administering people and roles', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true });
  });
  afterAll(() => api.close());

  const withToken = async (token: string, query: string, variables?: Record<string, unknown>) =>
    api.gql(query, variables, { authorization: `Bearer ${token}` });
  const anonymous = (query: string, variables?: Record<string, unknown>) => api.gqlAs(null, query, variables);
  const create = (as: string, orgCode: string, username: string) => api.gqlAs(as,
    `mutation($o: String!, $u: String!) { createUser(orgCode: $o, username: $u, displayName: "测试用户", phone: "13800000000") {
       user { id username activated homeOrg { code } roles { role } } link { token expiresAt } } }`, { o: orgCode, u: username });
  const activate = (token: string, password = PASSWORD) =>
    anonymous(`mutation($t: String!, $p: String!) { activateAccount(token: $t, password: $p) { token } }`, { t: token, p: password });
  const grant = (as: string, userId: string, orgCode: string, role: string) =>
    api.gqlAs(as, `mutation($u: ID!, $o: String!) { grantRole(userId: $u, orgCode: $o, role: ${role}) { id roles { role org { code } } } }`, { u: userId, o: orgCode });
  const revoke = (as: string, userId: string, orgCode: string, role: string) =>
    api.gqlAs(as, `mutation($u: ID!, $o: String!) { revokeRole(userId: $u, orgCode: $o, role: ${role}, reason: "调离") { id } }`, { u: userId, o: orgCode });
  const COUNTY_QUERY = '{ org(code: "220582101") { name rollup(period: "2020") { orgCount } } }';

  it('creates a township secretary, who activates the account with the link once and then works at the township', async () => {
    const made = await create('jian-admin', '220582101', 'taishang-secretary');
    expect(made.body.errors).toBeUndefined();
    const { user, link } = made.body.data.createUser;
    expect(user).toMatchObject({ username: 'taishang-secretary', activated: false, homeOrg: { code: '220582101' }, roles: [] });
    expect(new Date(link.expiresAt).getTime() - Date.now()).toBeGreaterThan(71 * 3600_000);
    // no password yet: no login
    await expect(api.login('taishang-secretary', PASSWORD)).rejects.toThrow();

    expect((await grant('jian-admin', user.id, '220582101', 'EDITOR')).body.data.grantRole.roles).toEqual([{ role: 'EDITOR', org: { code: '220582101' } }]);
    // password rules, each with its reason
    for (const [bad, reason] of [['short1', '至少 10'], ['taishang-secretary-1', '用户名'], ['1234567890', '常见'], ['aaaaaaaaaaaa', '重复']]) {
      const res = await activate(link.token, bad);
      expect(firstError(res)).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'password' } });
      expect(firstError(res).message).toContain(reason);
    }
    const activated = await activate(link.token);
    expect(activated.body.errors).toBeUndefined();
    const token = activated.body.data.activateAccount.token as string;
    expect((await withToken(token, COUNTY_QUERY)).body.data.org).toEqual({ name: '台上镇', rollup: { orgCount: expect.any(Number) } });
    // the link worked once
    expect(firstError(await activate(link.token, 'Another-pass-2026'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await api.login('taishang-secretary', PASSWORD)).toEqual(expect.any(String));
  });

  it('refuses a username already taken, and bad fields all at once', async () => {
    expect(firstError(await create('jian-admin', '220582101', 'shihu-editor'))).toMatchObject({ code: 'CONFLICT' });
    const res = await api.gqlAs('jian-admin', `mutation { createUser(orgCode: "220582101", username: "X", displayName: "", phone: "abc") { user { id } } }`);
    expect(firstError(res).extensions.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['username', 'displayName', 'phone']);
  });

  it('keeps every admin inside their subtree and below their own role', async () => {
    const made = (await create('taishang-admin', '220582101', 'taishang-clerk')).body.data.createUser.user;
    // a township admin cannot grant at the county above it, nor create users there (it reads nothing of the county)
    expect(firstError(await grant('taishang-admin', made.id, '220582', 'ADMIN'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(firstError(await create('taishang-admin', '220582', 'county-clerk'))).toMatchObject({ code: 'NOT_FOUND' });
    // a viewer of the whole city administers nothing in it
    expect(firstError(await grant('tonghua-viewer', made.id, '220582101', 'VIEWER'))).toMatchObject({ code: 'FORBIDDEN' });
    // nor anywhere in another township (outside its subtree: as if it did not exist)
    expect(firstError(await grant('taishang-admin', made.id, '220582106', 'VIEWER'))).toMatchObject({ code: 'NOT_FOUND' });
    // an editor grants nothing, even at their own village
    expect(firstError(await grant('shihu-editor', made.id, '220582106201', 'VIEWER'))).toMatchObject({ code: 'FORBIDDEN' });
    // a user of another county is invisible
    const other = (await create('tonghuaxian-admin', '220521', 'tonghuaxian-clerk')).body.data.createUser.user;
    expect(firstError(await grant('taishang-admin', other.id, '220582101', 'VIEWER'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(firstError(await api.gqlAs('jian-admin', `query($id: ID!) { user(id: $id) { username } }`, { id: other.id }))).toMatchObject({ code: 'NOT_FOUND' });
    // and the database refuses it too: a role at the county, inserted as the township admin
    const [{ id }] = await api.db.dataSource.query(`SELECT id FROM app_user WHERE username = 'taishang-admin'`);
    const refused = await api.db.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL ROLE ggw_app`);
      await m.query(`SELECT set_config('ggw.actor', $1::text, true), * FROM ggw_apply_scopes($1::uuid)`, [id]);
      return m.query(`INSERT INTO role_assignment (user_id, org_tenant_id, org_id, role, granted_by)
                      SELECT $1, tenant_id, id, 'ADMIN', $2 FROM org WHERE code = '220582'`, [made.id, id]).then(() => 'inserted', (e) => e.code);
    });
    expect(refused).toBe('42501');
    // the township admin administers its own
    expect((await grant('taishang-admin', made.id, '220582101201', 'EDITOR')).body.errors).toBeUndefined();
  });

  it('lists the users of a subtree for its admins, with search and pages, and nobody else', async () => {
    const list = async (as: string, code: string, args = '') =>
      api.gqlAs(as, `{ users(orgCode: "${code}"${args}) { totalCount nodes { username roles { role org { code } } } pageInfo { hasNextPage endCursor } } }`);
    const county = (await list('jian-admin', '220582')).body.data.users;
    const names = county.nodes.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['jian-admin', 'taishang-admin', 'shihu-editor', 'taishang-secretary']));
    expect(names).not.toContain('tonghuaxian-admin');
    expect(names).toEqual([...names].sort());
    // tonghua-viewer's role is at the city: not a user of 集安市
    expect(names).not.toContain('tonghua-viewer');
    const township = (await list('taishang-admin', '220582101')).body.data.users.nodes.map((u: { username: string }) => u.username);
    expect(township).toEqual(expect.arrayContaining(['taishang-admin', 'taishang-secretary']));
    expect(township).not.toContain('jian-admin');
    expect((await list('jian-admin', '220582', ', search: "secretary"')).body.data.users.nodes.map((u: { username: string }) => u.username)).toEqual(['taishang-secretary']);
    const first = (await list('jian-admin', '220582', ', first: 2')).body.data.users;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await list('jian-admin', '220582', `, first: 2, after: "${first.pageInfo.endCursor}"`)).body.data.users;
    expect(second.nodes[0].username > first.nodes[1].username).toBe(true);
    expect(firstError(await list('shihu-editor', '220582106201'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(firstError(await list('taishang-admin', '220582'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(firstError(await list('tonghua-viewer', '220582'))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('ends the sessions of a token in hand when the password changes, the user is disabled or a role is revoked', async () => {
    const made = (await create('jian-admin', '220582106', 'qingshi-clerk')).body.data.createUser;
    await grant('jian-admin', made.user.id, '220582106', 'VIEWER');
    const first = (await activate(made.link.token)).body.data.activateAccount.token as string;
    const q = '{ org(code: "220582106") { name } }';
    expect((await withToken(first, q)).body.data.org.name).toBe('青石镇');

    // a password change: the old token is refused with 401, the new one works
    const changed = await withToken(first, `mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) { token } }`, { o: PASSWORD, n: 'Qingshi-new-2026' });
    expect(changed.body.errors).toBeUndefined();
    const second = changed.body.data.changePassword.token as string;
    const stale = await withToken(first, q);
    expect(stale.status).toBe(401);
    expect(firstError(stale).code).toBe('UNAUTHENTICATED');
    expect((await withToken(second, q)).body).toEqual({ data: { org: { name: '青石镇' } } });
    expect(firstError(await withToken(second, `mutation { changePassword(oldPassword: "wrong-password", newPassword: "Whatever-2026-x") { token } }`)))
      .toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'oldPassword' } });

    // a revoked role
    expect((await revoke('jian-admin', made.user.id, '220582106', 'VIEWER')).body.errors).toBeUndefined();
    expect((await withToken(second, q)).status).toBe(401);
    expect(firstError(await revoke('jian-admin', made.user.id, '220582106', 'VIEWER'))).toMatchObject({ code: 'NOT_FOUND' });

    // disabled, then enabled: the login works again, not the old token
    await grant('jian-admin', made.user.id, '220582106', 'VIEWER');
    const third = await api.login('qingshi-clerk', 'Qingshi-new-2026');
    expect((await api.gqlAs('jian-admin', `mutation($u: ID!) { disableUser(userId: $u, reason: "离职") { disabled } }`, { u: made.user.id })).body.data.disableUser.disabled).toBe(true);
    expect((await withToken(third, q)).status).toBe(401);
    await expect(api.login('qingshi-clerk', 'Qingshi-new-2026')).rejects.toThrow();
    await api.gqlAs('jian-admin', `mutation($u: ID!) { enableUser(userId: $u) { disabled } }`, { u: made.user.id });
    expect((await withToken(third, q)).status).toBe(401);
    expect((await withToken(await api.login('qingshi-clerk', 'Qingshi-new-2026'), q)).body.data.org.name).toBe('青石镇');

    // a reset: the password stops working at once, the new link sets another
    const reset = (await api.gqlAs('jian-admin', `mutation($u: ID!) { resetPassword(userId: $u) { user { activated } link { token } } }`, { u: made.user.id })).body.data.resetPassword;
    expect(reset.user.activated).toBe(false);
    await expect(api.login('qingshi-clerk', 'Qingshi-new-2026')).rejects.toThrow();
    expect((await activate(reset.link.token, 'Qingshi-third-2026')).body.errors).toBeUndefined();
    // nobody disables themselves; a township admin cannot manage a county-homed account
    const jianId = (await api.gqlAs('jian-admin', '{ me { user { id } } }')).body.data.me.user.id;
    expect(firstError(await api.gqlAs('jian-admin', `mutation($u: ID!) { disableUser(userId: $u) { id } }`, { u: jianId }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('puts every action in the audit trail, without the password hash or the phone, readable by the admins above', async () => {
    const trail = (await api.gqlAs('jian-admin', `{ org(code: "220582106") { auditTrail(first: 50) { nodes { kind operation actorName reason after before } } } }`)).body;
    expect(trail.errors).toBeUndefined();
    const events = trail.data.org.auditTrail.nodes as Array<{ kind: string; operation: string; reason: string | null; after: Record<string, unknown> | null; before: Record<string, unknown> | null }>;
    const kinds = events.map((e) => `${e.kind}:${e.operation}`);
    expect(kinds).toEqual(expect.arrayContaining(['USER:INSERT', 'USER:UPDATE', 'ROLE:INSERT', 'ROLE:DELETE']));
    expect(events.find((e) => e.kind === 'ROLE' && e.operation === 'DELETE')!.reason).toBe('调离');
    for (const e of events.filter((x) => x.kind === 'USER')) {
      for (const row of [e.after, e.before]) {
        if (!row) continue;
        expect(Object.keys(row)).not.toContain('passwordHash');
        expect(Object.keys(row)).not.toContain('phone');
      }
    }
    // the application cannot read a hash, even its own
    const read = await api.db.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL ROLE ggw_app`);
      return m.query(`SELECT password_hash FROM app_user LIMIT 1`).then(() => 'read', (e) => e.code);
    });
    expect(read).toBe('42501');
  });
});
