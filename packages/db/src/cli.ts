import { backupDatabase, backupSchemaVersion, migrateDatabase, restoreDatabase } from './operator-commands';

/**
 * The operator's database commands, as the owner (`DATABASE_URL`):
 *
 *   pnpm db:migrate              apply this build's migrations; with APP_DATABASE_URL, let ggw_app log in with its password
 *   pnpm db:backup [DIR]         pg_dump into DIR (BACKUP_DIR, else ./backups); prints the file
 *   pnpm db:restore FILE         into an empty database, then migrate
 */
const USAGE = 'usage: cli.js migrate | backup [DIR] | restore FILE   (DATABASE_URL: the owner\'s connection)';

async function main(argv: string[]): Promise<void> {
  const [command, arg] = argv;
  const ownerUrl = process.env.DATABASE_URL;
  if (!command || !['migrate', 'backup', 'restore'].includes(command)) throw new Error(USAGE);
  if (!ownerUrl) throw new Error('DATABASE_URL is not set: the database owner\'s connection (postgres://owner:…@host:5432/db)');
  const appUrl = process.env.APP_DATABASE_URL || undefined;
  if (command === 'migrate') {
    const applied = await migrateDatabase(ownerUrl, appUrl);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is current: nothing to apply');
    if (appUrl) console.log('ggw_app may log in with the password of APP_DATABASE_URL');
  } else if (command === 'backup') {
    console.log(await backupDatabase(ownerUrl, arg ?? process.env.BACKUP_DIR ?? 'backups'));
  } else {
    if (!arg) throw new Error(USAGE);
    await restoreDatabase(ownerUrl, arg);
    const applied = await migrateDatabase(ownerUrl, appUrl);
    console.log(`restored ${arg} (schema ${backupSchemaVersion(arg) ?? 'unknown'})${applied.length ? `; then applied: ${applied.join(', ')}` : ''}`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
