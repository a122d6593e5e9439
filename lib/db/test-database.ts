/**
 * For tests: one SQLite file with every migration applied, made once per run by Vitest's global
 * setup; each test file then works on its own copy of it (lib/db/vitest-setup.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { prepareDatabase } from './prepare-database';

/** Migrating takes ~1 s; do it once per run and copy the file for each test file. */
export async function migratedTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'signoff-template-'));
  const file = join(dir, 'template.db');
  await prepareDatabase(`file:${file}`);
  // Fold the WAL into the main file so a plain copy of it holds every table.
  const sqlite = new Database(file);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return file;
}
