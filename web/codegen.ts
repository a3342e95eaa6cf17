import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator: types every operation the web front end sends from the committed SDL
 * (`schema/schema.graphql`), offline. `npm run build:web` runs it before Vite, so the bundle is
 * always typed against the schema the server serves; `npm run codegen` runs it alone.
 * `documentMode: 'string'` makes each operation a typed string: the dashboard needs no GraphQL
 * runtime to send it.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { documentMode: 'string', useTypeImports: true, enumsAsTypes: true, scalars: { LocalDate: 'string' } },
    },
  },
};

export default config;
