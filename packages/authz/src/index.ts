export * from './passwords';
export * from './tokens';
export * from './throttle';
export * from './viewer';
export * from './scoped-transaction';
export * from './password-policy';
