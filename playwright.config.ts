import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// One built app serves every end-to-end test, on its own port and its own temporary database.
// The values go into process.env so the workers (and fixtures that seed through services) see them.
process.env.E2E_PORT ??= '3310';
process.env.E2E_DATABASE_URL ??= `file:${join(mkdtempSync(join(tmpdir(), 'signoff-e2e-')), 'e2e.db')}`;
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
// The app mails over a real SMTP server the e2e run starts on loopback (e2e/fixtures/global-setup.ts).
process.env.E2E_SMTP_PORT ??= String(Number(process.env.E2E_PORT) + 15);
process.env.E2E_MAIL_DIR ??= mkdtempSync(join(tmpdir(), 'signoff-e2e-mail-'));
// A second server for the real-install tests (SIGNOFF_DEMO=off): nothing seeded, a setup link
// printed on its console (and, for the tests, written to E2E_SETUP_LINK_FILE).
process.env.E2E_REAL_PORT ??= String(Number(process.env.E2E_PORT) + 16);
const realDir = mkdtempSync(join(tmpdir(), 'signoff-e2e-real-'));
process.env.E2E_REAL_DATABASE_URL ??= `file:${join(realDir, 'real.db')}`;
process.env.E2E_SETUP_LINK_FILE ??= join(realDir, 'setup-link.txt');
const realURL = `http://127.0.0.1:${process.env.E2E_REAL_PORT}`;
const serverEnv = (port: string, url: string) => ({
  PORT: port,
  NEXT_TELEMETRY_DISABLED: '1',
  SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
  APP_URL: url,
  // The suite signs the demo's admin in from several tests within minutes (the limit itself is
  // tested in lib/auth/rate-limit.test.ts).
  SIGNOFF_SIGN_IN_LIMIT_PER_ADDRESS: '100',
  // every sign-in of the suite comes from 127.0.0.1: the per-IP limit would stop it after 20
  SIGNOFF_SIGN_IN_LIMIT_PER_IP: '1000',
});

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/fixtures/global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /(real-install|scale-out)\// },
    {
      name: 'real-install',
      use: { browserName: 'chromium', baseURL: realURL },
      testMatch: /real-install\/.*\.spec\.ts/,
    },
    // Two more servers and a worker on PostgreSQL: run once the others are done, so their
    // start-up does not slow the other tests down on a small machine.
    {
      name: 'scale-out',
      use: { browserName: 'chromium' },
      testMatch: /scale-out\/.*\.spec\.ts/,
      dependencies: ['chromium', 'real-install'],
    },
  ],
  webServer: [
    {
      command: 'npx tsx scripts/e2e-server.ts',
      url: `${baseURL}/`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { ...serverEnv(process.env.E2E_PORT, baseURL), DATABASE_URL: process.env.E2E_DATABASE_URL! },
    },
    {
      command: 'npx tsx scripts/e2e-server.ts',
      url: `${realURL}/`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        ...serverEnv(process.env.E2E_REAL_PORT, realURL),
        DATABASE_URL: process.env.E2E_REAL_DATABASE_URL!,
        SIGNOFF_DEMO: 'off',
        E2E_SETUP_LINK_FILE: process.env.E2E_SETUP_LINK_FILE!,
      },
    },
  ],
});
