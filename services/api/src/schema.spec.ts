import { readFileSync } from 'node:fs';
import { isEnumType, isInputObjectType, isObjectType, isScalarType } from 'graphql';
import { buildApiSchema } from './schema';
import { printSchemaSdl, SCHEMA_FILE } from './schema-file';

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
});
