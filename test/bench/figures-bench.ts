/**
 * The village table of 集安市 as a generic table client asks for it: every village's `figures`
 * with labels, previous values and changes. Once with every figure of the catalogue (what a
 * client got before `figures(keys:)`), once with the five figures the table shows. Prints the
 * answer's size and p50/p95 latency over HTTP from a client process, side by side in one run.
 * The request limits are lifted: the first query is refused by the cost limit otherwise.
 *
 *   pnpm bench:figures
 */
import pino from 'pino';
import { createServer } from '@ggw/api';
import { createDataSource } from '@ggw/db';
import { percentile, referenceDatabase, runClient } from './bench-util';

const FIVE = ['orgCount', 'fiveGoodRate', 'volunteerCount', 'coreVolunteerShare', 'activityCount'];
const table = (figures: string) =>
  `{ org(code: "220582") { descendantRollups(period: "2020", level: VILLAGE, first: 200) { nodes { org { code name } ${figures} } } } }`;

async function main() {
  const db = await referenceDatabase();
  try {
    const dataSource = createDataSource({ url: db.appUrl, poolSize: 4 });
    await dataSource.initialize();
    const server = await createServer({
      dataSource, logger: pino({ level: 'silent' }), graphiql: false, introspection: false, exposeSqlStats: true,
      jwtSecret: 'bench-secret-bench-secret-bench-secret-0123',
      limits: { ratePerMinute: 1e9, rateBurst: 1e9, maxConcurrent: 1000, maxCost: 1e9, maxResponseBytes: 1e9, timeBudgetMs: 60_000 },
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const endpoint = `http://127.0.0.1:${(server.server.address() as { port: number }).port}/graphql`;
    const post = (query: string, token?: string) => fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    const token = ((await (await post('mutation { login(username: "jian-admin", password: "demo") { token } }')).json()) as { data: { login: { token: string } } }).data.login.token;
    const queries = [
      ['every figure (figures)', table('figures { key label unit value previousValue change changeUnit }')],
      ['five figures (figures(keys:))', table(`figures(keys: [${FIVE.join(', ')}]) { key label unit value previousValue change changeUnit }`)],
    ] as const;
    for (const [name, query] of queries) {
      const body = await (await post(query, token)).text();
      const villages = (JSON.parse(body) as { data: { org: { descendantRollups: { nodes: unknown[] } } } }).data.org.descendantRollups.nodes.length;
      const { ms, statements } = await runClient({ endpoint, token, query, warmup: 3, runs: 30 });
      console.log(`${name}: ${villages} villages, ${(body.length / 1024).toFixed(0)} KB, p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, ${statements} statements`);
    }
    await server.close();
    await dataSource.destroy();
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
