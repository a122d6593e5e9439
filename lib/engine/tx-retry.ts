/**
 * Runs a transaction and retries it when it lost a race: the optimistic lock on
 * Execution.version (VersionConflict) or SQLite's single write lock (SQLITE_BUSY, which WAL
 * reports at once when a read snapshot went stale).
 */
import { db, type Tx } from '../db/client';
import { isPostgres } from '../db/database-url';

/** Thrown inside a transaction to roll it back and run it again. */
export class VersionConflict extends Error {
  constructor(executionId: string) {
    super(`Execution ${executionId} moved on meanwhile`);
    this.name = 'VersionConflict';
  }
}

const MAX_ATTEMPTS = 50;
const LOCK_FIRST = 'UPDATE "Execution" SET "version" = "version" WHERE FALSE';

/** True for errors a retry can cure. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof VersionConflict) return true;
  const text =
    error instanceof Error
      ? `${error.message} ${String((error as { code?: unknown }).code ?? '')}`
      : String(error);
  // SQLite's lock; Prisma's conflict codes; PostgreSQL's serialization failure and deadlock.
  return /SQLITE_BUSY|database is locked|P2034|P1008|Operation has timed out|write conflict|deadlock|40001|40P01/i.test(
    text,
  );
}

/**
 * `db.$transaction(work)`, retried with a short random backoff while it loses races. With
 * `conflictAttempts`, a VersionConflict is thrown after that many tries (the caller splits its
 * batch: a conflict that comes back every time is one the batch makes itself).
 */
export async function retryTransaction<T>(
  work: (tx: Tx) => Promise<T>,
  options: { conflictAttempts?: number } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(
        async (tx) => {
          // Take SQLite's write lock first (a no-op UPDATE does): a transaction that reads first
          // and writes later fails at once with SQLITE_BUSY when another process wrote meanwhile,
          // whereas waiting for the lock up front lets busy_timeout queue it.
          // (PostgreSQL locks rows, not the database: nothing to take first.)
          if (!isPostgres()) await tx.$executeRawUnsafe(LOCK_FIRST);
          return work(tx);
        },
        { timeout: 60_000, maxWait: 60_000 },
      );
    } catch (error) {
      if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
      if (error instanceof VersionConflict && attempt >= (options.conflictAttempts ?? MAX_ATTEMPTS))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 * attempt)));
    }
  }
}
