/** A GraphQL client over real HTTP for the production-mode suites: status, Retry-After and body of each answer. */
export interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: Array<{ message: string; extensions: { code: string; retryAfterSeconds?: number } }> };
}

export async function gql(port: number, query: string, token?: string, variables?: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() as Answer['body'] };
}

export const login = (port: number, username: string, password = 'demo') => gql(port, `mutation { login(username: "${username}", password: "${password}") { token } }`);

export const tokenOf = async (port: number, username: string) => (await login(port, username)).body.data!.login.token as string;

const FIVE = 'orgCount fiveGoodCount fiveGoodRate volunteerCount coreVolunteerCount';

/** The README's query: 集安市's five figures for 2020 (218, 176, 176/218, 2503, 802 in the reference data). */
export const readme = (port: number, token: string) => gql(port, `{ org(code: "220582") { rollup(period: "2020") { ${FIVE} } } }`, token);

export const README_FIGURES = { orgCount: 218, fiveGoodCount: 176, fiveGoodRate: 176 / 218, volunteerCount: 2503, coreVolunteerCount: 802 };

/** 石湖村's editor adds a volunteer to the village. */
export const addVolunteer = (port: number, editorToken: string, name: string) => gql(port, `mutation($i: CreateVolunteerInput!) { createVolunteer(input: $i) { volunteer { id } } }`, editorToken,
  { i: { orgCode: '220582106201', name, category: 'TEACHER', joinedOn: '2026-03-01' } });

/** One counter of a Prometheus scrape (0 when absent). */
export async function metric(port: number, metricsToken: string, line: RegExp): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
  const m = text.match(new RegExp(`^${line.source} (\\S+)$`, 'm'));
  return m ? Number(m[1]) : 0;
}
