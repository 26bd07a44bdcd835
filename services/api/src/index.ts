export * from './environment';
export * from './database';
export * from './http/server';
export * from './schema';
export * from './schema-file';
export type { RequestContext } from './context';
export * from './http/trusted-documents';
export type { OtlpSettings } from './http/otlp-traces';
// the columns of each import kind: what a workbook for POST /imports holds (tools that write one)
export { importKind, inputToCell, IMPORT_SLUGS } from './modules/imports/import.columns';
