/**
 * Dependency rules checked by `npm test` (see docs/architecture.md, "Libraries").
 * Apps depend on libs, never on each other; `libs/domain` depends on nothing outside itself.
 */
const notTests = '\\.(spec|test)\\.ts$';

/**
 * The layers of libs/ (docs/architecture.md, "Libraries"): domain ← event-store ← (read-models, messaging) ← the
 * service libs, each deployed behind its own app. A service lib never imports another: what two of them share moves
 * down a layer (the stored-event catalogue and its reader are in libs/domain, the integration contract in
 * libs/messaging). integrity, witness, platform, observability and demo-data sit beside the layers, below the services.
 */
const SERVICE_LIBS = '(transfers|audit|dashboard|notifications|relay)';
const SHARED_LIBS = '(domain|event-store|read-models|messaging|integrity|witness|platform|observability)';

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
      name: 'service-libs-never-import-each-other',
      comment: 'transfers, audit, dashboard, notifications and relay are deployed apart: what they share belongs a layer down.',
      severity: 'error',
      from: { path: `^libs/${SERVICE_LIBS}/`, pathNot: notTests },
      to: { path: `^libs/${SERVICE_LIBS}/`, pathNot: '^libs/$1/' },
    },
    {
      name: 'shared-libs-never-import-service-libs',
      comment: 'The layers below the services know nothing of them (nor of the standalone composition).',
      severity: 'error',
      from: { path: `^libs/${SHARED_LIBS}/`, pathNot: notTests },
      to: { path: `^libs/(${SERVICE_LIBS.slice(1, -1)}|standalone)/` },
    },
    {
      name: 'event-store-only-domain-and-integrity',
      comment: 'The store knows the domain types and the hash chain, nothing built on it.',
      severity: 'error',
      from: { path: '^libs/event-store/', pathNot: notTests },
      to: { path: '^libs/', pathNot: ['^libs/(event-store|domain|integrity)/'] },
    },
    {
      name: 'read-models-and-messaging-on-the-store',
      comment: 'The projection runner and the integration contract stand on the domain and the store, apart from each other.',
      severity: 'error',
      from: { path: '^libs/(read-models|messaging)/', pathNot: notTests },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/(domain|event-store|integrity|platform|observability)/'] },
    },
    {
      name: 'services-never-import-local-infra',
      comment:
        'libs/local-infra (embedded PostgreSQL, local Kafka, launcher) is for running on one machine and for tests: the apps that run things and libs/testing may use it, no service lib.',
      severity: 'error',
      from: { path: '^libs/', pathNot: ['^libs/local-infra/', '^libs/testing/', notTests] },
      to: { path: '^libs/local-infra/' },
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
