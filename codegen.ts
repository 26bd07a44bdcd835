import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed client documents from schema.graphql, as a front-end team makes them (graphql-codegen's
 * client preset), with the manifest of trusted documents (`persisted-documents.json`: hash →
 * document) that TRUSTED_DOCUMENTS=required accepts. `pnpm codegen` writes them; a test fails
 * when they are stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/client/operations.graphql'],
  generates: {
    // CODEGEN_OUT: somewhere else (the staleness test compares a fresh run with the committed files)
    [process.env.CODEGEN_OUT ?? 'test/client/generated/']: {
      preset: 'client',
      presetConfig: { persistedDocuments: true, fragmentMasking: false },
      config: {
        scalars: { Date: 'string', DateTime: 'string', Decimal: 'string', JSONObject: 'Record<string, unknown>' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
