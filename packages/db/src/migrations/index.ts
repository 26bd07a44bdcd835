import { InitialSchema1732000000000 } from './1732000000000-initial-schema';
import { ReportedFigures1732000000100 } from './1732000000100-reported-figures';

/** Every migration, in order. Hand-written and reviewed; the schema is never synchronised. */
export const MIGRATIONS = [InitialSchema1732000000000, ReportedFigures1732000000100];
