import { getMetadataArgsStorage } from 'typeorm';

/** Column types read as text, as services hold them (a date as `YYYY-MM-DD`, a path as dotted codes). */
const AS_TEXT = new Set(['date', 'ltree']);

/**
 * The select list of an entity's columns under `alias`, each named by its property
 * (`o.tenant_id AS "tenantId"`), read from the entity's own declaration: raw SQL selects a table
 * through this, never a list written again. `except` leaves out properties services do not read.
 */
export function entityColumns(entity: abstract new () => unknown, alias: string, except: readonly string[] = []): string {
  return getMetadataArgsStorage()
    .columns.filter((c) => c.target === entity && !except.includes(c.propertyName))
    .map((c) => {
      const column = `${alias}.${c.options.name ?? c.propertyName}`;
      return `${AS_TEXT.has(String(c.options.type)) ? `${column}::text` : column} AS "${c.propertyName}"`;
    })
    .join(', ');
}
