/** One jest run: an embedded PostgreSQL started once (globalSetup), a database per test file. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc], '^.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }] },
  // jose 6 ships only ES modules, which jest on Node 20 cannot require: compile it like our code
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/jose@|jose/)'],
  // tests run against the sources, not the build
  moduleNameMapper: {
    '^@ggw/(domain|db|rollup|authz|testing|exports)$': '<rootDir>/packages/$1/src',
    '^@ggw/(api|scheduler)$': '<rootDir>/services/$1/src',
  },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  globalSetup: '<rootDir>/packages/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/packages/testing/src/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60000,
};
