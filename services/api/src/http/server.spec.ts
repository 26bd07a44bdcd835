import { startTestApi, TestApi } from '@ggw/testing';
import { INTERNAL_MESSAGE } from './errors';

describe('the HTTP service', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ reference: true, as: 'jian-admin' });
  });
  afterAll(() => api.close());

  it('answers /healthz, and /readyz when the database is reachable and migrated', async () => {
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: true, migrations: true } });
  });

  it('gives every response a request id, keeping a sane one the client sent', async () => {
    const mine = await api.gql('{ __typename }', undefined, { 'x-request-id': 'client-req-12345' });
    expect(mine.headers.get('x-request-id')).toBe('client-req-12345');
    const odd = await api.gql('{ __typename }', undefined, { 'x-request-id': 'bad id with spaces' });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves GraphiQL and its assets from its own files', async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/https?:\/\//); // nothing from a CDN
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const src of html.match(/\/graphiql\/[\w.-]+/g) ?? []) {
      const asset = await fetch(`${api.url}${src}`);
      expect({ src, status: asset.status }).toEqual({ src, status: 200 });
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(20);
    }
    expect((await fetch(`${api.url}/graphiql/..%2Fpackage.json`)).status).toBe(404);
  });

  it('blocks simple GET requests that could be cross-site (CSRF prevention)', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('reports parse and validation errors with their codes', async () => {
    expect((await api.gql('{ org(code: "220582") { ')).body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await api.gql('{ org(code: "220582") { nam } }')).body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('masks internal errors: no SQL, no stack, and the request is rolled back', async () => {
    // break the database under the running server: the next query fails inside PostgreSQL
    await api.db.dataSource.query('ALTER TABLE article RENAME TO article_gone');
    try {
      const res = await api.gql(`{ org(code: "220582") { name articles { totalCount } } }`);
      const text = JSON.stringify(res.body);
      expect(res.body.errors?.[0]).toMatchObject({ message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(text).not.toMatch(/relation|does not exist|SELECT|FROM |stack|\.ts:/i);
    } finally {
      await api.db.dataSource.query('ALTER TABLE article_gone RENAME TO article');
    }
    // and the server goes on serving
    expect((await api.gql(`{ org(code: "220582") { articles { totalCount } } }`)).body.errors).toBeUndefined();
  });

  it('reports not ready when a migration is missing', async () => {
    const [row] = await api.db.dataSource.query('SELECT * FROM schema_migration');
    await api.db.dataSource.query('DELETE FROM schema_migration WHERE id = $1', [row.id]);
    try {
      const res = await fetch(`${api.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', checks: { database: true, migrations: false } });
    } finally {
      await api.db.dataSource.query('INSERT INTO schema_migration (id, "timestamp", name) VALUES ($1, $2, $3)', [row.id, row.timestamp, row.name]);
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(`${api.url}/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).code).toBe('NOT_FOUND');
  });
});
