/**
 * For tests: a fresh SQLite file with every migration applied, in its own temp folder, and a
 * Prisma client on it. Each test file (vitest worker) gets its own, so tests run in parallel.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createDb, type Db } from './client';
import { prepareDatabase } from './prepare-database';

export interface TestDatabase {
  url: string;
  file: string;
  db: Db;
  cleanup(): Promise<void>;
}

let template: Promise<string> | undefined;

/** Migrating takes ~1 s; do it once per process and copy the file for each database. */
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

export async function createTestDatabase(): Promise<TestDatabase> {
  const prepared = process.env.SIGNOFF_TEST_TEMPLATE_DB;
  template ??= prepared && existsSync(prepared) ? Promise.resolve(prepared) : migratedTemplate();
  const source = await template;
  const dir = mkdtempSync(join(tmpdir(), 'signoff-test-'));
  const file = join(dir, 'test.db');
  copyFileSync(source, file);
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(source + suffix)) copyFileSync(source + suffix, file + suffix);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    url,
    file,
    db,
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
