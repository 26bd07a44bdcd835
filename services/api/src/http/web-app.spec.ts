import { readdirSync, readFileSync } from 'node:fs';
import { get as httpGet, IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApi, TestApi } from '@ggw/testing';

/**
 * The dashboard's files over real HTTP: index.html for every page address of the app, hashed
 * assets cached for good and compressed, a CSP that allows this origin's scripts only, and
 * nothing but the built files (odd and hostile paths are 404, never a file of the server).
 */
const DIST = join(__dirname, '..', '..', '..', 'web', 'dist');
const scripts = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));

describe('the dashboard at /', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ webApp: true });
  });
  afterAll(() => api.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.url}${path}`, { headers, redirect: 'manual' });
  /** The bytes as sent (fetch would decompress them). */
  const raw = (path: string, encoding: string) => new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    httpGet(`${api.url}${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })).on('error', reject);
    }).on('error', reject);
  });

  it('answers index.html, never cached and under a CSP of this origin, for each page address of the app', async () => {
    const index = readFileSync(join(DIST, 'index.html'), 'utf8');
    for (const path of ['/', '/login', '/login?next=%2Forg%2F220582', '/org/220582', '/org/220582?period=2020Q3', '/org/220582/entry/volunteers', '/org/220582101/review']) {
      const res = await get(path, { 'accept-encoding': 'identity' });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
      expect(res.headers.get('content-security-policy')).toMatch(/connect-src 'self'/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(await res.text()).toBe(index);
    }
  });

  it('serves every built script, compressed as the browser asks, cached for a year', async () => {
    for (const file of scripts) {
      const body = readFileSync(join(DIST, 'assets', file));
      const br = await raw(`/assets/${file}`, 'gzip, deflate, br');
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers['content-type']).toBe('application/javascript; charset=utf-8');
      expect(br.body.length).toBeLessThan(body.length / 2);
      expect(brotliDecompressSync(br.body).equals(body)).toBe(true);
      const gz = await raw(`/assets/${file}`, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).equals(body)).toBe(true);
      const plain = await raw(`/assets/${file}`, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(body)).toBe(true);
    }
  });

  it('keeps its JavaScript under the budget of 350 KB gzipped (all chunks together)', () => {
    const total = scripts.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, 'assets', f)), { level: 9 }).length, 0);
    expect(total).toBeLessThan(350 * 1024);
  });

  it('answers 404 for anything that is not a built file or a page of the app, however the path is spelt', async () => {
    const hostile = [
      '/assets/nothing.js', '/assets/', '/assets/../index.html', '/assets/..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/....//....//etc/passwd', `/assets/${encodeURIComponent('../../../../../../etc/passwd')}`, '/assets/%00', '/assets/%ff%fe',
      '/index.html', '/package.json', '/src/main.tsx', '/org', '/orgs/220582', '/../package.json', '/assets/' + 'a'.repeat(5000),
    ];
    for (const path of hostile) {
      const res = await get(path);
      expect({ path: path.slice(0, 60), refused: [400, 404].includes(res.status) }).toEqual({ path: path.slice(0, 60), refused: true });
      const text = await res.text();
      expect(text).not.toMatch(/root:|"name"|import |at \//);
    }
  });

  it('leaves the API where it was: /graphql answers GraphQL and /healthz its status', async () => {
    expect((await api.gqlAs(null, '{ __typename }')).body.data).toEqual({ __typename: 'Query' });
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
  });
});

describe('an API started without the dashboard', () => {
  it('has nothing at /', async () => {
    const api = await startTestApi({});
    try {
      expect((await fetch(`${api.url}/`)).status).toBe(404);
      expect((await fetch(`${api.url}/org/220582`)).status).toBe(404);
    } finally {
      await api.close();
    }
  });
});
