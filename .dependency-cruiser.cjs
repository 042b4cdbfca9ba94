// The "may import" column of the architecture notes' layout table, checked on every `npm test`
// (`npm run layers`). Type-only imports count: a layer that names another's types depends on it.
// The composition roots below are the only code outside adapters/, test/ and bench/ that wires
// adapters and the database together.
const compositionRoots = '^src/(app|main|server)[.]ts$|^src/jobs/(main|chat-notifier)[.]ts$|^src/cli/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain imports nothing outside src/domain but the message catalogs: no I/O, no SDK, no database.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/(domain|i18n)/', dependencyTypesNot: ['npm', 'core'] },
    },
    {
      name: 'i18n-is-a-leaf',
      comment:
        'The message catalogs and their formatter import only intl-messageformat: every layer may read them.',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { pathNot: '^src/i18n/|^node_modules/(intl-messageformat|@formatjs)/' },
    },
    {
      name: 'domain-no-sdk',
      comment: 'The domain may use zod and MikroORM types; no other package, and no node I/O.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        dependencyTypes: ['npm', 'core'],
        pathNot: '^node_modules/(zod|@mikro-orm/core)/|^crypto$|^node:crypto$',
      },
    },
    {
      name: 'service-only-domain-and-repositories',
      comment:
        'Use cases import the domain, their ports and support, and db/repositories; never schemas, migrations, adapters, the grammar, jobs, the API or configuration.',
      severity: 'error',
      from: { path: '^src/service/' },
      to: {
        path: '^(adapters|db/(?!repositories/)|src/(?!service/|domain/|i18n/)|test|bench)',
      },
    },
    {
      name: 'service-no-sdk',
      comment:
        'Use cases reach Stripe, Slack, Teams and the database driver only through ports and repositories.',
      severity: 'error',
      from: { path: '^src/service/' },
      to: { path: '^node_modules/(pg|stripe|@slack|botbuilder|@microsoft|express|pino)/' },
    },
    {
      name: 'commands-never-db',
      comment: 'The chat grammar calls use cases; it never reads the database or an adapter.',
      severity: 'error',
      from: { path: '^src/commands/' },
      to: { path: '^(db|adapters|src/(jobs|api|cli|config|app|main|server)|test|bench)' },
    },
    {
      name: 'adapters-never-db',
      comment: 'Adapters translate; persistence belongs to db/ behind the core.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^(db|test|bench)/' },
    },
    {
      name: 'adapters-not-each-other',
      comment:
        'Each adapter stands alone: Slack, Teams, shell, Stripe and the ledger never import each other.',
      severity: 'error',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: '^adapters/', pathNot: '^adapters/$1/' },
    },
    {
      name: 'chat-adapters-only-commands-and-service',
      comment:
        'Chat adapters import the grammar and service types, not jobs, the API, configuration or the composition root.',
      severity: 'error',
      from: { path: '^adapters/(slack|teams|shell)/' },
      to: { path: '^src/(?!commands/|service/|domain/|i18n/)' },
    },
    {
      name: 'billing-adapters-only-ports',
      comment:
        'Stripe and the ledger implement the billing port: they import service ports and the domain only.',
      severity: 'error',
      from: { path: '^adapters/(stripe|ledger)/' },
      to: { path: '^src/(?!service/ports[.]ts$|domain/|i18n/)' },
    },
    {
      name: 'db-only-domain',
      comment: 'Mappings, repositories and migrations import the domain only.',
      severity: 'error',
      from: { path: '^db/', pathNot: '^db/seeders/' },
      to: { path: '^(src/(?!domain/|i18n/)|adapters|test|bench)' },
    },
    {
      name: 'seeders-through-use-cases',
      comment:
        'Demo data is built through the use cases, like real data: seeders import the service, never an adapter or the grammar.',
      severity: 'error',
      from: { path: '^db/seeders/' },
      to: { path: '^(adapters|src/(?!service/|domain/|i18n/)|test|bench)' },
    },
    {
      name: 'only-roots-wire-adapters',
      comment: 'Outside adapters, tests and benches, only the composition roots import an adapter.',
      severity: 'error',
      from: { path: '^src/', pathNot: compositionRoots },
      to: { path: '^adapters/' },
    },
    {
      name: 'no-circular',
      comment:
        'Import cycles make the layers meaningless (a cycle through type-only imports loads nothing at run time).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^(src|adapters|db|manifests|node_modules)/|^mikro-orm[.]config[.]ts$',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
