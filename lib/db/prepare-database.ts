/**
 * Makes the database at DATABASE_URL ready to serve: its folder exists and is writable, the
 * file is a SQLite database, WAL is on, and every migration is applied (on PostgreSQL: the
 * server answers and every migration of prisma/migrations-postgres is applied). Failures
 * become one sentence (DatabaseSetupError) that start-up prints instead of a stack trace.
 */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { databaseDir, databaseFilePath, databaseUrl, isPostgres } from './database-url';
import { applyMigrations, migrationNames } from './migrations';

export class DatabaseSetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseSetupError';
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

function ensureWritableFolder(file: string, dir: string) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw new DatabaseSetupError(`cannot write the database at ${file}: ${reason(error)}`, { cause: error });
  }
}

/** Turns WAL on and says whether every migration on disk is applied already. */
function enableWal(file: string): boolean {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { timeout: 10_000 });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('quick_check');
    const hasTable = sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!hasTable) return false;
    const rows = sqlite
      .prepare(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      )
      .all() as { migration_name: string }[];
    const applied = new Set(rows.map((row) => row.migration_name));
    return migrationNames().every((name) => applied.has(name));
  } catch (error) {
    throw new DatabaseSetupError(
      `${file} is not a usable SQLite database (${reason(error)}); move it away or set DATABASE_URL`,
      { cause: error },
    );
  } finally {
    sqlite?.close();
  }
}

/** Returns the names of the migrations it applied. */
export async function prepareDatabase(url = databaseUrl()): Promise<string[]> {
  if (isPostgres(url)) return preparePostgres(url);
  const file = databaseFilePath(url);
  ensureWritableFolder(file, databaseDir(url));
  if (enableWal(file)) return [];
  try {
    return await applyMigrations(`file:${file}`);
  } catch (error) {
    throw new DatabaseSetupError(`migrating ${file} failed: ${reason(error)}`, { cause: error });
  }
}

async function preparePostgres(url: string): Promise<string[]> {
  const where = new URL(url);
  try {
    return await applyMigrations(url);
  } catch (error) {
    throw new DatabaseSetupError(
      `migrating PostgreSQL database "${where.pathname.slice(1)}" at ${where.host} failed: ${reason(error)}`,
      { cause: error },
    );
  }
}
