/**
 * A synchronous better-sqlite3 connection to the same database file as the Prisma client, for
 * the engine's hot path (lib/engine/advance/advance-batch.ts). Prisma's interactive
 * transactions cost 0.5–3 ms a call; a prepared statement on this connection costs
 * microseconds, so a run of Pass/Choice states can be written in a few hundred microseconds.
 *
 * Its transactions are synchronous: they hold SQLite's write lock only while no other
 * JavaScript of this process runs. The other way round is not true: a Prisma transaction holds
 * the lock across awaits, and a synchronous wait for it would block the event loop that has to
 * finish it. So this connection never waits inside SQLite (busy_timeout 0): `withWriteLock`
 * gives the event loop back and tries again.
 */
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './client';
import { databaseFilePath } from './database-url';

export type Sqlite = Database.Database;

const globalForSqlite = globalThis as unknown as { signoffSqlite?: Map<string, Sqlite> };

/** The process's connection to DATABASE_URL's file (one per file, opened on first use). */
export function sqlite(url?: string): Sqlite {
  const file = databaseFilePath(url);
  const open = (globalForSqlite.signoffSqlite ??= new Map());
  let connection = open.get(file);
  if (!connection) {
    connection = new Database(file, { fileMustExist: true, timeout: 0 });
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    open.set(file, connection);
  }
  return connection;
}

/** Closes every connection `sqlite()` opened (tests and the bench switch database files). */
export function closeSqlite(): void {
  for (const connection of globalForSqlite.signoffSqlite?.values() ?? []) connection.close();
  globalForSqlite.signoffSqlite?.clear();
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Runs `work` in a BEGIN IMMEDIATE transaction on `connection`. While another connection holds
 * the write lock it waits on the event loop (a short random backoff) for up to
 * BUSY_TIMEOUT_MS, then throws SQLITE_BUSY as a blocked Prisma call would.
 */
export async function withWriteLock<T>(connection: Sqlite, work: () => T): Promise<T> {
  const transaction = connection.transaction(work);
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return transaction.immediate();
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(20, attempt)));
    }
  }
}

type Prepared = ReturnType<typeof prepareStatement>;
const prepareStatement = (connection: Sqlite, sql: string) => connection.prepare<unknown[]>(sql);
const statementCache = new WeakMap<Sqlite, Map<string, Prepared>>();

/** A statement prepared once per connection and SQL text (callers keep their texts few). */
export function prepared(connection: Sqlite, sql: string): Prepared {
  let cache = statementCache.get(connection);
  if (!cache) statementCache.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size > 500) cache.clear();
    statement = prepareStatement(connection, sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** Prisma's SQLite DateTime text form (what it writes and compares). */
export function sqlTime(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}
