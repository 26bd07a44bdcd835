import { ORG_COLUMNS, parseOrgRecord } from '../org-record';

describe('columns read from the entity declarations', () => {
  it('select every column of the org under its property name, dates and paths as text, without created_at', () => {
    expect(ORG_COLUMNS).toBe(
      'o.tenant_id AS "tenantId", o.id AS "id", o.parent_id AS "parentId", o.path::text AS "path", o.level AS "level", o.type AS "type", '
      + 'o.code AS "code", o.name AS "name", o.founded_on::text AS "foundedOn", o.dissolved_on::text AS "dissolvedOn"',
    );
  });

  const row = {
    tenantId: 't', id: 'i', parentId: null, path: '220582', level: 'COUNTY', type: 'COUNTY', code: '220582', name: '集安市',
    foundedOn: '2000-01-01', dissolvedOn: null,
  };

  it('parse a row that fits, nullable columns null', () => {
    expect(parseOrgRecord(row)).toBe(row);
  });

  it.each([
    ['a missing column', { ...row, code: undefined }, /Org.code: missing/],
    ['null where the entity allows none', { ...row, name: null }, /Org.name: missing/],
    ['a wrong type', { ...row, name: 42 }, /Org.name: expected string, got number/],
    ['not a row', null, /not a row/],
  ])('refuse %s', (_case, bad, message) => {
    expect(() => parseOrgRecord(bad)).toThrow(message);
  });
});
