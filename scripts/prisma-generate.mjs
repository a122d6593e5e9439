// Generates the Prisma client into lib/db/generated on every install.
// `prisma generate` does not need the schema engine, but Prisma 7 tries to download it unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file (it cannot be downloaded here; see
// ../shared/TOOLING.md). Migrations run through the WebAssembly engine instead (lib/db/migrations.ts).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const engine = process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url);
execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: engine, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
