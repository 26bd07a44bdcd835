import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The p-th percentile (nearest rank) of a list of numbers. */
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Runs the benchmark client (bench-client.js) in a child process and returns its latencies. */
export function runClient(input: { endpoint: string; token: string; query: string; warmup: number; runs: number }): Promise<{ ms: number[]; statements: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('./bench-client.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`bench client exited with ${code}`))));
    child.stdin.end(JSON.stringify(input));
  });
}
