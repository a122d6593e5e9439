// npm start — migrate the database (SQLite, or PostgreSQL for a postgresql:// DATABASE_URL), seed the demo on an empty one (SIGNOFF_DEMO=off: print
// the one-time link that creates the first admin instead), build when the sources changed since
// the last build, then serve on PORT (3000) with the engine running.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describeDatabase } from '../lib/db/database-url';
import { DatabaseSetupError, prepareDatabase } from '../lib/db/prepare-database';
import { STAMP_FILE, buildIsCurrent, sourceStamp } from './build-stamp';

const nextBin = 'node_modules/next/dist/bin/next';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function fail(message: string): never {
  console.error(`signoff: ${message}`);
  process.exit(1);
}

async function prepare() {
  try {
    const applied = await prepareDatabase();
    if (applied.length)
      console.log(`signoff: applied ${applied.length} migration(s) to ${describeDatabase()}`);
  } catch (error) {
    fail(error instanceof DatabaseSetupError ? error.message : `database setup failed: ${String(error)}`);
  }
  const { db } = await import('../lib/db/client');
  const { isDemoMode } = await import('../lib/auth/install-mode');
  if (isDemoMode()) {
    const { seedDemo } = await import('../prisma/seed/seed-demo');
    if (await seedDemo(db))
      console.log('signoff: seeded the demo (admin@example.com, manager@example.com, alice, bob, carol)');
  } else {
    const { issueSetupLink } = await import('../lib/auth/setup-link');
    const link = await issueSetupLink();
    if (link)
      console.log(
        `signoff: no admin yet. Open this one-time link to create the first admin (valid 24 h):\n  ${link}`,
      );
  }
  await db.$disconnect();
}

function buildIfNeeded() {
  if (buildIsCurrent()) return;
  console.log('signoff: building the app (first start, or the sources changed)…');
  const stamp = sourceStamp();
  const result = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env });
  if (result.status !== 0) fail('next build failed (see above)');
  writeFileSync(STAMP_FILE, stamp);
}

async function main() {
  await prepare();
  buildIfNeeded();
  const port = process.env.PORT ?? '3000';
  console.log(`signoff: serving on http://localhost:${port} (database ${describeDatabase()})`);
  const server = spawn(process.execPath, [nextBin, 'start', '-p', port], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
