import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { VALUE_TYPES } from './gate';

/**
 * The value types' fields carry no rule of their own (gate.ts): that holds only while their
 * objects can be reached from nothing but an org's guarded fields. Read off the schema: every
 * type that holds a value type (directly or through a connection) is held only by Org or by
 * another such type, and no root field, interface or union leads to one.
 */
describe('the gate\'s value types', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'schema.graphql'), 'utf8'));
  const fieldsReturning = (names: Set<string>) =>
    Object.values(schema.getTypeMap()).filter(isObjectType).flatMap((t) =>
      Object.values(t.getFields()).filter((f) => names.has(getNamedType(f.type).name)).map((f) => ({ owner: t.name, field: f.name })));

  it('are reachable only through an org\'s fields', () => {
    // the value types and every type that holds one (RollupConnection, RollupEdge, …)
    const holders = new Set<string>(VALUE_TYPES);
    for (let grew = true; grew;) {
      grew = false;
      for (const { owner } of fieldsReturning(holders)) {
        if (owner !== 'Org' && !holders.has(owner)) {
          holders.add(owner);
          grew = true;
        }
      }
    }
    expect([...holders].sort()).toEqual(['Figure', 'Rollup', 'RollupChange', 'RollupConnection', 'RollupEdge', 'RollupTable']);
    for (const root of ['Query', 'Mutation']) expect(holders.has(root)).toBe(false);
    // no interface or union (Node, …) can hand one out
    for (const type of Object.values(schema.getTypeMap())) {
      if (isObjectType(type) && holders.has(type.name)) expect({ type: type.name, interfaces: type.getInterfaces().map((i) => i.name) }).toEqual({ type: type.name, interfaces: [] });
      if (isUnionType(type)) expect(type.getTypes().filter((t) => holders.has(t.name))).toEqual([]);
      if (isInterfaceType(type)) expect(schema.getPossibleTypes(type).filter((t) => holders.has(t.name))).toEqual([]);
    }
    expect(fieldsReturning(holders).filter((f) => f.owner === 'Org').map((f) => f.field).sort()).toEqual(['childRollups', 'descendantRollups', 'rollup']);
  });
});
