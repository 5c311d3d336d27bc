/**
 * Dependency rules checked by `npm test` (see docs/architecture.md, "Libraries").
 * Apps depend on libs, never on each other; `libs/domain` depends on nothing outside itself.
 */
const notTests = '\\.(spec|test)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-depends-on-nothing',
      comment: 'libs/domain is the law as pure functions: no framework, driver, Node built-in or other lib.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: notTests },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'no-app-imports-another-app',
      comment: 'Each app is deployed on its own; shared code belongs in libs/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'integrity-only-crypto-and-canonicalization',
      comment: 'The verifier must be auditable on its own: node:crypto, fs for the CLI bundle, and RFC 8785.',
      severity: 'error',
      from: { path: '^libs/integrity/', pathNot: notTests },
      to: { pathNot: ['^libs/integrity/', '^(node:)?crypto$', 'json-canonicalize'] },
    },
    {
      name: 'witness-only-node-and-integrity',
      comment: 'Another institution runs the witness: Node built-ins and libs/integrity only, no framework or other lib.',
      severity: 'error',
      from: { path: '^libs/witness/', pathNot: notTests },
      to: { pathNot: ['^libs/witness/', '^libs/integrity/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'production-code-never-imports-testing',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: [notTests, '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^dist/' },
  },
};
