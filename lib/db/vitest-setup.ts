// Vitest setupFile: each test file gets its own copy of the migrated database as DATABASE_URL,
// so services using the shared `db` client run against a real database, isolated per file:
// a SQLite file, or a PostgreSQL database made from the run's template.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresCopy } from './test-database';

const template = process.env.SIGNOFF_TEST_TEMPLATE_DB;
const { SIGNOFF_TEST_POSTGRES: adminUrl, SIGNOFF_TEST_PG_TEMPLATE: pgTemplate } = process.env;
if (adminUrl && pgTemplate) {
  process.env.DATABASE_URL = await postgresCopy(
    adminUrl,
    pgTemplate,
    process.env.SIGNOFF_TEST_PG_PREFIX ?? '',
  );
} else if (template) {
  const file = join(mkdtempSync(join(tmpdir(), 'signoff-file-')), 'test.db');
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
