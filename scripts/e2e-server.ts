// Serves the built app for Playwright: a temporary database (DATABASE_URL from the config),
// migrated and seeded (with SIGNOFF_DEMO=off: a setup link instead), on PORT. `npm test` builds once before; this only builds if it must.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { prepareDatabase } from '../lib/db/prepare-database';
import { buildIsCurrent } from './build-stamp';

async function main() {
  await prepareDatabase();
  const { db } = await import('../lib/db/client');
  const { isDemoMode } = await import('../lib/auth/install-mode');
  if (isDemoMode()) {
    const { seedDemo } = await import('../prisma/seed/seed-demo');
    await seedDemo(db);
  } else {
    // A real install, as `npm start` runs one: the setup link on the console (and in a file for the tests).
    const { issueSetupLink } = await import('../lib/auth/setup-link');
    const link = await issueSetupLink();
    console.log(`e2e-server: setup link ${link}`);
    if (link && process.env.E2E_SETUP_LINK_FILE) writeFileSync(process.env.E2E_SETUP_LINK_FILE, link);
  }
  await db.$disconnect();
  if (!existsSync('.next/BUILD_ID')) {
    console.error('e2e-server: there is no build; run `npm run build` first (npm test does it)');
    process.exit(1);
  }
  if (!buildIsCurrent())
    console.warn('e2e-server: the sources changed since the last build; testing the last build');
  const server = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', process.env.PORT ?? '3310', '-H', '127.0.0.1'],
    {
      stdio: 'inherit',
      env: process.env,
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`e2e-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
