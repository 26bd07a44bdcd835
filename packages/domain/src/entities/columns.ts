import { getMetadataArgsStorage } from 'typeorm';

/** The columns an entity declares, its base classes' (OwnedRecord's keys) first. */
function columnsOf(entity: abstract new () => unknown, except: readonly string[]) {
  const declares = (target: unknown) => target === entity || (typeof target === 'function' && entity.prototype instanceof target);
  return getMetadataArgsStorage().columns.filter((c) => declares(c.target) && !except.includes(c.propertyName));
}

/**
 * How a column is read, as services hold it: a date as `YYYY-MM-DD` and a path as dotted codes
 * (text), a time as ISO 8601 text (what the API sends), a byte count as a number.
 */
function readAs(type: string, column: string): string {
  if (type === 'date' || type === 'ltree') return `${column}::text`;
  if (type === 'timestamptz') return `to_json(${column}) #>> '{}'`;
  if (type === 'bigint') return `${column}::float8`;
  return column;
}

/**
 * The select list of an entity's columns under `alias`, each named by its property
 * (`o.tenant_id AS "tenantId"`), read from the entity's own declaration: raw SQL selects a table
 * through this, never a list written again. `except` leaves out properties services do not read.
 */
export function entityColumns(entity: abstract new () => unknown, alias: string, except: readonly string[] = []): string {
  return columnsOf(entity, except)
    .map((c) => `${readAs(String(c.options.type), `${alias}.${c.options.name ?? c.propertyName}`)} AS "${c.propertyName}"`)
    .join(', ');
}

/** The JavaScript type each column type arrives as (through `entityColumns`: dates and paths as text). */
const JS_TYPE: Record<string, 'string' | 'number' | 'boolean'> = {
  uuid: 'string', text: 'string', date: 'string', ltree: 'string', numeric: 'string', timestamptz: 'string', int: 'number', bigint: 'number',
  boolean: 'boolean',
};

/**
 * A parser of rows read through `entityColumns(entity, …, except)`: checks that every column is
 * there with its declared type (and null only where the entity allows it) and returns the row
 * typed; a row that does not fit is a bug or a schema drift, thrown as an internal error.
 */
export function entityRowParser<T>(entity: abstract new () => unknown, except: readonly string[] = []): (row: unknown) => T {
  // what each column must be, worked out once (rows are checked by the hundred per request)
  const columns = columnsOf(entity, except).map((c) => ({
    name: c.propertyName, nullable: !!c.options.nullable, array: !!c.options.array, expected: JS_TYPE[String(c.options.type)] as string | undefined,
  }));
  return (row) => {
    if (!row || typeof row !== 'object') throw new Error(`${entity.name}: not a row`);
    const r = row as Record<string, unknown>;
    for (const c of columns) {
      const value = r[c.name];
      if (value === null || value === undefined) {
        if (!c.nullable) throw new Error(`${entity.name}.${c.name}: missing`);
      } else if (c.array ? !Array.isArray(value) : c.expected ? typeof value !== c.expected : !Buffer.isBuffer(value)) {
        throw new Error(`${entity.name}.${c.name}: expected ${c.array ? 'an array' : c.expected ?? 'bytes'}, got ${typeof value}`);
      }
    }
    return row as T;
  };
}

/** The database name of an entity's property (`joinedOn` → `joined_on`), from its declaration. */
export function columnNameOf(entity: abstract new () => unknown, property: string): string {
  const column = columnsOf(entity, []).find((c) => c.propertyName === property);
  if (!column) throw new Error(`${entity.name} has no column ${property}`);
  return String(column.options.name ?? column.propertyName);
}

/** The database type of an entity's property (`joinedOn` → `date`), from its declaration (array parameters are cast with it). */
export function columnTypeOf(entity: abstract new () => unknown, property: string): string {
  const column = columnsOf(entity, []).find((c) => c.propertyName === property);
  if (!column) throw new Error(`${entity.name} has no column ${property}`);
  return String(column.options.type);
}

/** Every property an entity declares (to select all but some: `entityColumns(entity, alias, except)`). */
export function propertiesOf(entity: abstract new () => unknown): string[] {
  return columnsOf(entity, []).map((c) => c.propertyName);
}
