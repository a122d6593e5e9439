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
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'npx tsx scripts/e2e-server.ts',
    url: `${baseURL}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      PORT: process.env.E2E_PORT,
      NEXT_TELEMETRY_DISABLED: '1',
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      APP_URL: baseURL,
    },
  },
});
