import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges, isEnumType, isInputObjectType, isObjectType, isScalarType } from 'graphql';
import { buildApiSchema } from './schema';
import { BREAKING_CHANGES_FILE, printSchemaSdl, RELEASED_SCHEMA_FILE, SCHEMA_FILE } from './schema-file';

describe('the GraphQL schema', () => {
  it('matches the committed schema.graphql (run `pnpm schema:print` after changing the API)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printSchemaSdl());
  });

  it('describes every type, field, argument and enum value in Chinese', () => {
    const missing: string[] = [];
    const chinese = (s: string | null | undefined) => !!s && /[\u4e00-\u9fff]/.test(s);
    for (const type of Object.values(buildApiSchema().getTypeMap())) {
      if (type.name.startsWith('__') || isScalarType(type)) continue;
      if (!chinese(type.description)) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!chinese(field.description)) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!chinese(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const v of type.getValues()) if (!chinese(v.description)) missing.push(`${type.name}.${v.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('breaks nothing a client of the released schema relies on, unless the change is recorded with its reason', () => {
    const released = buildSchema(readFileSync(RELEASED_SCHEMA_FILE, 'utf8'));
    const found = findBreakingChanges(released, buildApiSchema()).map((c) => c.description).sort();
    const recorded = (JSON.parse(readFileSync(BREAKING_CHANGES_FILE, 'utf8')) as Array<{ change: string; why: string }>);
    for (const r of recorded) expect(r.why.length).toBeGreaterThan(20);
    // both ways: an unrecorded break fails, and so does a record of a break that is no longer there
    expect(found).toEqual(recorded.map((r) => r.change).sort());
  });
});
