// Lets a child `node` run the TypeScript sources as they are (`node -r ./test/ts-require.js
// src/main.ts`), for tests that need a real process rather than jest's module registry: the
// OpenTelemetry instrumentations patch modules through Node's own require, which jest bypasses.
// Each file is transpiled alone with the project's compiler options (decorator metadata
// included, which type-graphql needs); node_modules are left to Node.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: true, inlineSources: false, declaration: false, noEmit: false };

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
