/**
 * The import graph's rules (npm run deps, part of npm test): no circles between files — type-only
 * imports count, since a circle of types is still two modules that cannot be read apart — and
 * the layers of DESIGN.md section 2, each calling only the ones below it. ESLint's
 * no-restricted-imports says the same per file; this checks the whole graph.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: move the shared type or helper down into a module of its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'asl-is-pure',
      severity: 'error',
      comment: 'lib/asl is the pure interpreter: no database, engine, services, UI or Node I/O.',
      from: { path: '^lib/asl/', pathNot: '\\.test\\.ts$' },
      to: {
        path: ['^lib/(?!asl/)', '^app/', '^components/', '^node_modules/(@prisma|next|react|react-dom)/'],
      },
    },
    {
      name: 'asl-no-node-io',
      severity: 'error',
      comment: 'lib/asl does no I/O and takes randomness from its env.',
      from: { path: '^lib/asl/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|crypto|child_process|net|http|https)$' },
    },
    {
      name: 'engine-knows-no-users-or-mail',
      severity: 'error',
      comment: 'lib/engine runs executions; approvals and mail plug into it, never the reverse.',
      from: { path: '^lib/engine/', pathNot: '\\.test\\.ts$|/testing/' },
      to: {
        path: '^lib/(approvals|mail|auth|audit|executions|workflows|activities|sfn|http|tags)/|^app/|^components/',
      },
    },
    {
      name: 'services-do-not-render',
      severity: 'error',
      comment: 'lib/ services know nothing of pages and components.',
      from: { path: '^lib/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'components-render-dtos',
      severity: 'error',
      comment: 'components render DTOs; data comes through services, never lib/db.',
      from: { path: '^components/' },
      to: { path: '^lib/db/' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '^lib/db/generated/', '^lib/db/generated-pg/'] },
    exclude: {
      path: ['^\\.next/', '^node_modules/', '^lib/db/generated/', '^lib/db/generated-pg/', '^data/'],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
