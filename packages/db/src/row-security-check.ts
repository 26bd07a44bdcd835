import { DataSource } from 'typeorm';
import { APP_ROLE } from './app-role';

/**
 * Tenant-owned tables (those with a `tenant_id` column) that are not fully protected: row-level
 * security not enabled or not forced, or no policy. Empty means every one is. A test runs this
 * against the migrated schema, so a new table added without `ggw_protect_table` fails the suite.
 */
export async function unprotectedTenantTables(ds: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> = await ds.query(`
    SELECT c.relname AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
       AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity
            OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'scope_read')
            OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'scope_insert'))
     ORDER BY 1`);
  return rows.map((r) => r.name);
}

/** Tables the application role owns (it must own none, or row-level security would not bind it). */
export async function tablesOwnedByAppRole(ds: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> = await ds.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1 ORDER BY 1`,
    [APP_ROLE],
  );
  return rows.map((r) => r.name);
}
