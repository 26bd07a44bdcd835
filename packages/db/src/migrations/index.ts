import { InitialSchema1732000000000 } from './1732000000000-initial-schema';

/** Every migration, in order. Hand-written and reviewed; the schema is never synchronised. */
export const MIGRATIONS = [InitialSchema1732000000000];
