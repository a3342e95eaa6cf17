// ESLint: typescript-eslint's recommended rules, and the layering of src/ (see README,
// "Architecture"): imports only go down, entry points → api → domain → db → base
// (auth, config, errors, identity). A layering violation fails `npm run lint`, and CI.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const importX = require('eslint-plugin-import-x');

const ENTRY = ['./src/main.ts', './src/cli'];
const API = './src/api';
const DOMAIN = './src/domain';
const DB = './src/db';
const BASE = ['./src/auth', './src/config', './src/errors', './src/identity'];
// Started by the entry point before the other layers load (see src/telemetry/early-tracing.ts),
// and before `graphql`, which the base's errors (and so config and identity) load: it imports only
// config/tracing-settings.ts and identity/nir-shaped.ts (which import no graphql); no layer
// imports it (the db layer uses @opentelemetry/api).
const TELEMETRY = './src/telemetry';

module.exports = tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'neo4j/target/**', 'bench/tmp/**', 'web/dist/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // GraphQL Code Generator writes `/* eslint-disable */` atop each file it generates, whatever the
  // rules: not ours to edit, so an unused directive there is no finding.
  { files: ['web/src/gql/**'], linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: API, from: ENTRY, message: 'The API layer must not import an entry point.' },
            { target: TELEMETRY, from: [...ENTRY, API, DOMAIN, DB, './src/auth', './src/errors'], message: 'telemetry starts before graphql is loaded: it imports only config/tracing-settings.ts and identity/nir-shaped.ts.' },
            { target: TELEMETRY, from: './src/config', except: ['./tracing-settings.ts'], message: 'telemetry starts before graphql is loaded: it imports only config/tracing-settings.ts and identity/nir-shaped.ts.' },
            { target: TELEMETRY, from: './src/identity', except: ['./nir-shaped.ts'], message: 'telemetry starts before graphql is loaded: it imports only config/tracing-settings.ts and identity/nir-shaped.ts.' },
            { target: [API, DOMAIN, DB, ...BASE], from: TELEMETRY, message: 'Only an entry point starts telemetry; the layers use @opentelemetry/api.' },
            { target: DOMAIN, from: [...ENTRY, API], message: 'The domain layer must not import the API layer or an entry point (imports only go down).' },
            { target: DB, from: [...ENTRY, API, DOMAIN], message: 'The db layer must not import the domain or API layers (imports only go down).' },
            ...BASE.map((target) => ({ target, from: [...ENTRY, API, DOMAIN, DB], message: 'auth, config, errors and identity are the bottom layer: they import no other layer.' })),
          ],
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and the benchmark read untyped JSON answers; `any` there is the honest type.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
  },
);
