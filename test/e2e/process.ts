import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export { freePort } from '@ggw/testing';

export const API_MAIN = join(__dirname, '..', '..', 'services', 'api', 'dist', 'main.js');
export const SCHEDULER_MAIN = join(__dirname, '..', '..', 'services', 'scheduler', 'dist', 'main.js');

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves when a line of output matches, rejects when the process exits first or time runs out. */
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Starts the built API (`node services/api/dist/main.js`) as a real process, with its own environment. */
export function startApiProcess(env: Record<string, string>): RunningProcess {
  return startProcess(API_MAIN, env);
}

/** Starts a built entry point (API_MAIN, SCHEDULER_MAIN) as a real process, with only the environment given. */
export function startProcess(main: string, env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    waitFor(pattern, ms = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`timed out waiting for ${pattern}; output:\n${out}`)), ms);
        const check = () => pattern.test(out) && done();
        const done = (error?: Error) => {
          clearTimeout(timer);
          listeners.delete(check);
          error ? reject(error) : resolve();
        };
        listeners.add(check);
        void exited.then((code) => done(pattern.test(out) ? undefined : new Error(`exited (${code}) before ${pattern}; output:\n${out}`)));
        check();
      });
    },
  };
}
