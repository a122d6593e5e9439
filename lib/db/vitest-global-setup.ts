// Vitest globalSetup: migrate one template database for the whole run; every test file copies it.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { migratedTemplate } from './test-database';

export default async function setup() {
  const file = await migratedTemplate();
  process.env.SIGNOFF_TEST_TEMPLATE_DB = file;
  return () => rmSync(dirname(file), { recursive: true, force: true });
}
