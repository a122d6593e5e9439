// Vitest globalSetup: migrate one template database for the whole run; every test file copies it.
// SIGNOFF_TEST_POSTGRES (an admin URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres) runs
// the tests on PostgreSQL instead of SQLite.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  dropPostgresDatabases,
  migratedPostgresTemplate,
  migratedTemplate,
  newRunPrefix,
} from './test-database';

export default async function setup() {
  const adminUrl = process.env.SIGNOFF_TEST_POSTGRES;
  if (adminUrl) {
    const prefix = newRunPrefix();
    process.env.SIGNOFF_TEST_PG_PREFIX = prefix;
    process.env.SIGNOFF_TEST_PG_TEMPLATE = await migratedPostgresTemplate(adminUrl, prefix);
    return () => dropPostgresDatabases(adminUrl, prefix);
  }
  const file = await migratedTemplate();
  process.env.SIGNOFF_TEST_TEMPLATE_DB = file;
  return () => rmSync(dirname(file), { recursive: true, force: true });
}
