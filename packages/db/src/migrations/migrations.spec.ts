import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Migrations are frozen: each holds its own SQL text, so editing one can never rewrite another. */
describe('migrations', () => {
  it('import nothing but TypeORM (never each other, never the code of today)', () => {
    const offending = readdirSync(__dirname)
      .filter((f) => /^\d+-.*\.ts$/.test(f) && !f.endsWith('.spec.ts'))
      .flatMap((f) => [...readFileSync(join(__dirname, f), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => `${f}: ${m[1]}`))
      .filter((line) => !line.endsWith(': typeorm'));
    expect(offending).toEqual([]);
  });
});
