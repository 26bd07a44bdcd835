import fc from 'fast-check';
import { createTestDatabase, TestDatabase } from '@ggw/testing';
import { inlineParameters } from './inline-parameters';

/**
 * The request's first statement travels with its BEGIN as text, its parameters written in as
 * literals: the database must read exactly what it would have read as parameters, for any
 * value, and nothing that only looks like a parameter may be touched.
 */
describe('inlineParameters', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('leaves quotes, quoted identifiers, comments and dollar-quoted text alone', () => {
    expect(inlineParameters(`SELECT '$1', "$1", $1 -- $1\n, /* $1 */ $$ $1 $$, $tag$ $2 $tag$, $2`, ['a', 'b'])).toBe(
      `SELECT '$1', "$1", 'a' -- $1\n, /* $1 */ $$ $1 $$, $tag$ $2 $tag$, 'b'`,
    );
    expect(inlineParameters(`SELECT 'it''s $1', $1, $10`, Array.from({ length: 10 }, (_, i) => i + 1))).toBe(`SELECT 'it''s $1', '1', '10'`);
    expect(inlineParameters('SELECT $1::uuid, $2::int[], $3, $4', ['00000000-0000-4000-8000-000000000001', [1, 2], null, true])).toBe(
      `SELECT '00000000-0000-4000-8000-000000000001'::uuid, '{"1","2"}'::int[], NULL, 'true'`,
    );
    expect(() => inlineParameters('SELECT $2', ['a'])).toThrow(/no value for \$2/);
    expect(() => inlineParameters(`SELECT 'open`, ['a'])).toThrow(/unterminated/);
  });

  it('makes the database read every value as it reads the same value sent as a parameter', async () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary' }).map((s) => s.replace(/\0/g, '')),
      fc.string({ unit: fc.constantFrom("'", '\\', '"', '$', '-', '*', '/', ';', 'E', 'x', '1', '中', '\n') }),
      fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null),
      fc.array(fc.string().map((s) => s.replace(/\0/g, '')), { maxLength: 4 }),
    );
    const runner = db.dataSource.createQueryRunner();
    try {
      await fc.assert(fc.asyncProperty(value, value, async (a, b) => {
        const sql = 'SELECT $1::text AS a, $2::text AS b, $1::text = $2::text AS same';
        const asParameters = await runner.query(sql, [a, b]);
        const inlined = await runner.query(inlineParameters(sql, [a, b]));
        expect(inlined).toEqual(asParameters);
      }), { numRuns: 300 });
    } finally {
      await runner.release();
    }
  });
});
