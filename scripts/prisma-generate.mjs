// Generates the Prisma clients on every install: lib/db/generated from prisma/schema.prisma
// (SQLite) and lib/db/generated-pg from its PostgreSQL variant, prisma/postgres/schema.prisma,
// which this script derives from the one schema source (the provider and the output change).
// `prisma generate` does not need the schema engine, but Prisma 7 tries to download it unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file (it cannot be downloaded here; see
// ../shared/TOOLING.md). Migrations run through the WebAssembly engine instead (lib/db/migrations.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const engine = process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url);

/** The PostgreSQL variant of the schema (lib/db/migrations.ts derives it the same way). */
function postgresSchema(source) {
  return source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../lib/db/generated"', 'output       = "../../lib/db/generated-pg"');
}

mkdirSync('prisma/postgres', { recursive: true });
writeFileSync(
  'prisma/postgres/schema.prisma',
  `// Derived from prisma/schema.prisma by scripts/prisma-generate.mjs: edit that file, not this one.\n${postgresSchema(readFileSync('prisma/schema.prisma', 'utf8'))}`,
);

for (const schema of ['prisma/schema.prisma', 'prisma/postgres/schema.prisma'])
  execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', schema], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: engine, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
