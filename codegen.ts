import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed client documents from schema.graphql, as a front-end team makes them (graphql-codegen's
 * client preset), with the manifest of trusted documents (`persisted-documents.json`: hash →
 * document) that TRUSTED_DOCUMENTS=required accepts. Two clients: the API's own client tests
 * (test/client) and the dashboard (services/web). `pnpm codegen` writes them; a test fails when
 * they are stale.
 */
// CODEGEN_OUT: somewhere else (the staleness test compares a fresh run with the committed files)
const OUT = process.env.CODEGEN_OUT ?? '';

const clientPreset = {
  preset: 'client',
  presetConfig: { persistedDocuments: true, fragmentMasking: false },
  config: {
    scalars: { Date: 'string', DateTime: 'string', Decimal: 'string', JSONObject: 'Record<string, unknown>' },
    enumsAsTypes: true,
    useTypeImports: true,
  },
} as const;

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    [`${OUT}test/client/generated/`]: { ...clientPreset, documents: ['test/client/operations.graphql'] },
    [`${OUT}services/web/src/gql/`]: { ...clientPreset, documents: ['services/web/src/**/*.tsx', 'services/web/src/**/*.ts', '!services/web/src/gql/**'] },
  },
};

export default config;
