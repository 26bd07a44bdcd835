export * from './sources';
export * from './metrics';
export * from './engine';
export * from './change';
export * from './format';
export * from './summary';
export * from './discrepancy';
