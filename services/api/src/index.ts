export * from './environment';
export * from './database';
export * from './http/server';
export * from './schema';
export * from './schema-file';
export type { RequestContext } from './context';
export * from './http/trusted-documents';
