import { DataSource } from 'typeorm';

/** The role the API connects as: it owns no table, so row-level security always applies to it. */
export const APP_ROLE = 'ggw_app';

/** The owner's connection URL with the application role's credentials instead. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/** Lets the application role log in with `password` (run by the owner at start). */
export async function enableAppLogin(owner: DataSource, password: string): Promise<void> {
  if (!/^[A-Za-z0-9._~-]{16,100}$/.test(password)) throw new Error('the application role password must be 16-100 URL-safe characters');
  await owner.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${password}'`);
}
