import { z } from 'zod';

/** Pieces of configuration both processes read, written once. */
export const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');
export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/** Every problem of a configuration, each naming its variable; the process exits 2 on it. */
export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the process environment once with `schema`, reporting every problem together. */
export function parseEnvWith<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new EnvironmentError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`));
  }
  return parsed.data;
}

/**
 * How a process of the platform starts: its environment parsed once (every problem said, exit
 * code 2), then `start`; a start that fails says why and exits 1. The API and the scheduler
 * both begin here.
 */
export function runMain<E>(parse: () => E, start: (env: E) => Promise<void>): void {
  let env: E;
  try {
    env = parse();
  } catch (error) {
    if (error instanceof EnvironmentError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  start(env).catch((error) => {
    process.stderr.write(`failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
