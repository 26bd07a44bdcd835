import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { loadTrustedDocuments } from '@ggw/api';
import { startTestApi, TestApi } from '@ggw/testing';
import { CountyRollupDocument, VolunteerByIdDocument, VolunteersDocument } from './generated/graphql';

/**
 * What a front-end team does with the API, with stock tools and no glue: Apollo Client's
 * normalised cache (objects by `__typename` and `id`) and its stock `relayStylePagination`,
 * against the running server over HTTP.
 */
const ROOT = join(__dirname, '..', '..');

describe('the typed client documents', () => {
  it('are what graphql-codegen makes of schema.graphql and the operations (the tests\' and the dashboard\'s) now (run `pnpm codegen` after changing either)', () => {
    const out = mkdtempSync(join(tmpdir(), 'ggw-codegen-'));
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'codegen.ts', '--silent'], { cwd: ROOT, env: { ...process.env, CODEGEN_OUT: `${out}/` } });
      for (const dir of [join('test', 'client', 'generated'), join('services', 'web', 'src', 'gql')]) {
        const fresh = join(out, dir);
        const committed = join(ROOT, dir);
        expect(readdirSync(fresh).sort()).toEqual(readdirSync(committed).sort());
        for (const f of readdirSync(fresh)) expect({ f: join(dir, f), same: readFileSync(join(fresh, f), 'utf8') === readFileSync(join(committed, f), 'utf8') }).toEqual({ f: join(dir, f), same: true });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('Apollo Client on the API, stock', () => {
  let api: TestApi;
  let client: ApolloClient;
  beforeAll(async () => {
    api = await startTestApi({ reference: true });
    const token = await api.login('jian-admin');
    client = new ApolloClient({
      link: new HttpLink({ uri: `${api.url}/graphql`, headers: { authorization: `Bearer ${token}` } }),
      cache: new InMemoryCache({
        typePolicies: {
          // the stock helper; keyed by what selects the list, not by where a page starts
          Org: { fields: { volunteers: relayStylePagination(['period', 'subtree']) } },
        },
      }),
    });
  });
  afterAll(() => api.close());

  it('appends page 2 to page 1 with relayStylePagination, exactly as the server pages', async () => {
    const first = await client.query({ query: VolunteersDocument, variables: { code: '220582106201' } });
    const page1 = first.data!.org.volunteers;
    expect(page1.edges).toHaveLength(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges[0].node.joinedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await client.query({ query: VolunteersDocument, variables: { code: '220582106201', after: page1.pageInfo.endCursor }, fetchPolicy: 'network-only' });
    const merged = client.readQuery({ query: VolunteersDocument, variables: { code: '220582106201' } })!.org.volunteers;
    // what the server gives for the first ten, in one page
    const ten = await api.gqlAs('jian-admin', `{ org(code: "220582106201") { volunteers(first: 10, period: "2020") { nodes { id } } } }`);
    expect(merged.edges.map((e) => e.node.id)).toEqual(ten.body.data.org.volunteers.nodes.map((n: { id: string }) => n.id));
  });

  it('normalises: an org and a record fetched by node(id) are the same cache entries as in the lists', async () => {
    const { org } = (await client.query({ query: VolunteersDocument, variables: { code: '220582106201' } })).data!;
    const volunteer = org.volunteers.edges[0].node;
    const byNode = (await client.query({ query: VolunteerByIdDocument, variables: { id: volunteer.id } })).data!.node;
    expect(byNode).toMatchObject({ __typename: 'Volunteer', id: volunteer.id, name: volunteer.name });
    const cache = client.cache.extract() as Record<string, unknown>;
    expect(Object.keys(cache)).toContain(`Volunteer:${volunteer.id}`);
    expect(Object.keys(cache)).toContain(`Org:${org.id}`);
    // a roll-up is cached by its id (org and period); money arrives as an exact decimal string
    const { rollup } = (await client.query({ query: CountyRollupDocument, variables: { code: '220582' } })).data!.org;
    expect(Object.keys(client.cache.extract() as Record<string, unknown>)).toContain(`Rollup:${rollup.id}`);
    expect(rollup).toMatchObject({ orgCount: 218, donationTotal: '356000.00' });
    expect(rollup.figures.map((f) => f.key)).toEqual(['orgCount', 'donationTotal']);
  });
});

describe('trusted documents (TRUSTED_DOCUMENTS=required)', () => {
  let api: TestApi;
  const manifest = join(__dirname, 'generated', 'persisted-documents.json');
  beforeAll(async () => {
    api = await startTestApi({ reference: true, trustedDocuments: loadTrustedDocuments(manifest, 'required') });
  });
  afterAll(() => api.close());

  const post = async (body: Record<string, unknown>) => {
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> } };
  };

  it('runs a registered operation named by its id, or sent as its exact text, and nothing else', async () => {
    const [[id, text]] = Object.entries(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>).filter(([, t]) => t.startsWith('query Me'));
    // registered: reaches execution (anonymous here, so the resolver answers UNAUTHENTICATED)
    for (const body of [{ documentId: id }, { query: text }, { extensions: { persistedQuery: { version: 1, sha256Hash: id.slice('sha256:'.length) } } }]) {
      const res = await post(body);
      expect(res.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const free = await post({ query: '{ me { user { username } } }' });
    expect(free).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED' } }] } });
    const unknown = await post({ documentId: 'sha256:0000' });
    expect(unknown).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } });
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ labels { role { value } } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(400);
  });

  it('refuses a manifest whose document is not what its hash says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ggw-manifest-'));
    try {
      const bad = join(dir, 'm.json');
      writeFileSync(bad, JSON.stringify({ 'sha256:abc': '{ me { user { username } } }' }));
      expect(() => loadTrustedDocuments(bad, 'required')).toThrow(/not the hash of its document/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
