/**
 * Runs a writing use case in one transaction, retrying when SQLite reports a busy database
 * (or PostgreSQL a deadlock or serialization failure)
 * (WAL answers SQLITE_BUSY at once when a read snapshot went stale before the write) or two
 * audit writers raced for the same seq, or the engine's optimistic lock saw the execution move
 * on meanwhile (its VersionConflict, e.g. a stop racing the worker). The callback may run more
 * than once, so it must only touch the database.
 */
import { db, type Db, type Tx } from '../db/client';
import { AppError } from '../errors';

const MAX_ATTEMPTS = 30;

/**
 * Thrown when a compare-and-set the use case checked for just before finds the row moved: a
 * concurrent transaction won the race (on PostgreSQL, where transactions overlap; SQLite runs
 * them one at a time). The use case runs again and now reads what the winner wrote, so the
 * answer names what happened (e.g. who holds the claim); should it keep losing, it is a 409
 * with `message`.
 */
export class LostRace extends Error {
  constructor(message = 'This request changed meanwhile; look at it again.') {
    super(message);
    this.name = 'LostRace';
  }
}

type PrismaLikeError = {
  code?: string;
  meta?: { modelName?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
};

/** SQLITE_BUSY, a seq collision or a VersionConflict: safe to run the transaction again. */
function isRetryable(error: unknown): boolean {
  if (error instanceof Error && (error.name === 'VersionConflict' || error instanceof LostRace)) return true;
  const { code, meta } = (error ?? {}) as PrismaLikeError;
  if (meta?.driverAdapterError?.cause?.originalCode?.startsWith('SQLITE_BUSY')) return true;
  if (code === 'P2002' && meta?.modelName === 'AuditEntry') return true;
  const text = error instanceof Error ? `${error.message} ${code ?? ''}` : '';
  // PostgreSQL: a serialization failure or a deadlock (P2034 through Prisma).
  return /SQLITE_BUSY|database is locked|P2034|deadlock|40001|40P01/i.test(text);
}

export async function runAudited<T>(fn: (tx: Tx) => Promise<T>, client: Db = db): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await client.$transaction(fn, { timeout: 30_000, maxWait: 30_000 });
    } catch (error) {
      if (error instanceof LostRace && attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT', error.message);
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * attempt)));
    }
  }
}
