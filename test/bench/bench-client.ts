/**
 * The benchmark's HTTP client, in a process of its own as a real client would be (so its own
 * work is not counted in the server's latency). Reads {endpoint, token, query, warmup, runs}
 * as JSON on stdin; prints {ms: [...], statements} as JSON.
 */
async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const { endpoint, token, query, warmup, runs } = JSON.parse(input) as { endpoint: string; token: string; query: string; warmup: number; runs: number };
  const ask = async () => {
    const started = process.hrtime.bigint();
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, statements: Number(res.headers.get('x-sql-statements')) };
  };
  for (let i = 0; i < warmup; i++) await ask();
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await ask());
  process.stdout.write(JSON.stringify({ ms: results.map((r) => r.ms), statements: results[0]?.statements ?? 0 }));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
