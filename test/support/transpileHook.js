// Preloaded (`node -r`) into a child process that runs an entry point of src/ as the real program: transpiles each
// TypeScript file as it is required, without type checking (the test run's type check covers that).
/* eslint-disable @typescript-eslint/no-require-imports -- `node -r` preloads CommonJS */
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  sourceMap: false,
};

require.extensions['.ts'] = (module, fileName) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(fileName, 'utf8'), { compilerOptions, fileName });
  module._compile(outputText, fileName);
};
