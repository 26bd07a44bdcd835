import 'reflect-metadata';
export * from './enums';
export * from './errors';
export * from './period';
export * from './stable-id';
export * from './masking';
export * from './org-record';
export * from './entities';
export * from './schedule';
