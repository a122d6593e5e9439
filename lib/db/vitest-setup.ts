// Vitest setupFile: each test file gets its own copy of the migrated database as DATABASE_URL,
// so services using the shared `db` client run against real SQLite, isolated per file.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const template = process.env.SIGNOFF_TEST_TEMPLATE_DB;
if (template) {
  const file = join(mkdtempSync(join(tmpdir(), 'signoff-file-')), 'test.db');
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
