'use strict';
// Runs TypeScript sources directly (for test child processes): transpiles .ts on require with the project's
// compiler options and resolves the @mutasi/* path aliases. Type checking is `npm run typecheck`'s job.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
const compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, incremental: false, noEmit: false, declaration: false };

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, parent, ...rest) {
  const alias = /^@mutasi\/([a-z-]+)(\/app)?$/.exec(request);
  if (alias) request = path.join(root, 'libs', alias[1], 'src', alias[2] ? 'app' : '');
  return resolve.call(this, request, parent, ...rest);
};

// Transpiled output is cached by content (file name, source, compiler version and options), so the many child
// processes of a test run transpile each file once instead of every time they start.
const cacheDir = path.join(root, 'node_modules', '.cache', 'mutasi-ts-register');
fs.mkdirSync(cacheDir, { recursive: true });
const salt = `${ts.version}\n${JSON.stringify(compilerOptions)}`;

function transpiled(source, filename) {
  const key = crypto.createHash('sha256').update(salt).update('\0').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    // Written whole then renamed, so a process starting at the same time never reads half a file.
    const partial = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(partial, outputText);
    fs.renameSync(partial, cached);
    return outputText;
  }
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(transpiled(fs.readFileSync(filename, 'utf8'), filename), filename);
};
