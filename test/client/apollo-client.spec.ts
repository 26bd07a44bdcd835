import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { startTestApi, TestApi } from '@ggw/testing';

/**
 * What a front-end team does with the API, with stock tools and no glue: Apollo Client's
 * normalised cache (objects by `__typename` and `id`) and its stock `relayStylePagination`,
 * against the running server over HTTP.
 */
const VOLUNTEERS = gql`
  query Volunteers($code: String!, $after: String) {
    org(code: $code) {
      id
      name
      volunteers(first: 5, after: $after, period: "2020") {
        edges { cursor node { id name category } }
        pageInfo { hasNextPage endCursor startCursor hasPreviousPage }
      }
    }
  }
`;

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
    const first = await client.query({ query: VOLUNTEERS, variables: { code: '220582106201' } });
    const page1 = (first.data as any).org.volunteers;
    expect(page1.edges).toHaveLength(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    await client.query({ query: VOLUNTEERS, variables: { code: '220582106201', after: page1.pageInfo.endCursor }, fetchPolicy: 'network-only' });
    const merged = client.readQuery<any>({ query: VOLUNTEERS, variables: { code: '220582106201' } })!.org.volunteers;
    // what the server gives for the first ten, in one page
    const ten = await api.gqlAs('jian-admin', `{ org(code: "220582106201") { volunteers(first: 10, period: "2020") { nodes { id } } } }`);
    expect(merged.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ten.body.data.org.volunteers.nodes.map((n: { id: string }) => n.id));
  });

  it('normalises: an org and a record fetched by node(id) are the same cache entries as in the lists', async () => {
    const org = (await client.query({ query: VOLUNTEERS, variables: { code: '220582106201' } })).data as any;
    const volunteer = org.org.volunteers.edges[0].node;
    const byNode = await client.query({
      query: gql`query One($id: ID!) { node(id: $id) { id ... on Volunteer { name category } } }`,
      variables: { id: volunteer.id },
    });
    expect((byNode.data as any).node).toMatchObject({ __typename: 'Volunteer', id: volunteer.id, name: volunteer.name });
    const cache = client.cache.extract() as Record<string, unknown>;
    expect(Object.keys(cache)).toContain(`Volunteer:${volunteer.id}`);
    expect(Object.keys(cache)).toContain(`Org:${org.org.id}`);
    // a roll-up is cached by its id (org and period)
    const rollup = await client.query({ query: gql`{ org(code: "220582") { id rollup(period: "2020") { id orgCount } } }` });
    expect(Object.keys(client.cache.extract() as Record<string, unknown>)).toContain(`Rollup:${(rollup.data as any).org.rollup.id}`);
  });
});
