/**
 * A benchmark reader that runs while something else happens: like bench-client.js, in a
 * process of its own, but it asks one query over and over, one request at a time, until its
 * stdin ends. Reads {endpoint, token, query} as JSON on stdin's first line; prints
 * {samples: [[startedAt, ms], ...], errors} as JSON, where startedAt is wall-clock milliseconds
 * (performance.timeOrigin + performance.now(), comparable with the parent's) so the parent
 * can sort each request into the phase it overlapped.
 */
import { performance } from 'node:perf_hooks';

async function main() {
  let input = '';
  let ended = false;
  const first = new Promise<string>((resolve) => {
    process.stdin.on('data', (d: Buffer) => {
      input += d;
      const nl = input.indexOf('\n');
      if (nl >= 0) resolve(input.slice(0, nl));
    });
  });
  process.stdin.on('end', () => (ended = true));
  const { endpoint, token, query } = JSON.parse(await first) as { endpoint: string; token: string; query: string };
  const now = () => performance.timeOrigin + performance.now();
  const samples: Array<[number, number]> = [];
  let errors = 0;
  let lastError = '';
  while (!ended) {
    const started = now();
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { errors?: unknown };
    const ms = now() - started;
    if (body.errors) {
      errors++;
      lastError = JSON.stringify(body.errors);
    } else samples.push([started, ms]);
  }
  process.stdout.write(JSON.stringify({ samples, errors, lastError }));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
