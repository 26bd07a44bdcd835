export * from './test-database';
export * from './test-env';
export * from './test-api';
export * from './test-scheduler';
export * from './debian-postgres';
