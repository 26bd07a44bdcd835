import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The dashboard (services/web, built by Vite) served at / from its built files, held in memory
 * and compressed once: same origin as /graphql (no CORS, no CDN, works without internet).
 * Hashed assets are cached for a year; index.html is never cached, so a deploy is seen at
 * once. Every page address of the app (/login, /org/…) answers index.html; the app reads the
 * address itself.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** Scripts and styles from this server only; the app talks to this origin only. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The addresses of the app's pages (see services/web/src/App.tsx). */
const PAGES = ['/', '/login', '/org/*'];

interface Asset {
  body: Buffer;
  type: string;
  /** compressed forms, made in the background at start */
  br: Promise<Buffer>;
  gzip: Promise<Buffer>;
}

function load(file: string): Asset {
  const body = readFileSync(file);
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const compressible = !type.startsWith('image/png');
  return {
    body,
    type,
    br: compressible ? promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }) : Promise.resolve(body),
    gzip: compressible ? promisify(gzip)(body, { level: 9 }) : Promise.resolve(body),
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

async function send(request: FastifyRequest, reply: FastifyReply, asset: Asset, cache: string): Promise<FastifyReply> {
  const accepts = String(request.headers['accept-encoding'] ?? '');
  reply.header('content-type', asset.type).header('cache-control', cache).header('vary', 'accept-encoding');
  if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(await asset.br);
  if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(await asset.gzip);
  return reply.send(asset.body);
}

/** Registers the dashboard from `dir` (Vite's dist/); throws when it has not been built. */
export function registerWebApp(app: FastifyInstance, dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`the dashboard is not built (no ${join(dir, 'index.html')}): run pnpm build:web`);
  const assets = new Map<string, Asset>();
  for (const file of walk(join(dir, 'assets'))) assets.set(relative(join(dir, 'assets'), file).split('\\').join('/'), load(file));
  const index = load(join(dir, 'index.html'));
  for (const url of PAGES) {
    app.get(url, { compress: false }, async (request, reply) => {
      reply.header('content-security-policy', CSP).header('x-frame-options', 'DENY');
      return send(request, reply, index, 'no-cache');
    });
  }
  app.get<{ Params: { '*': string } }>('/assets/*', { compress: false }, async (request, reply) => {
    const asset = assets.get(request.params['*']);
    if (!asset) return reply.code(404).send({ code: 'NOT_FOUND', message: '没有这个文件' });
    return send(request, reply, asset, 'public, max-age=31536000, immutable');
  });
}
