/**
 * Runs a writing use case in one transaction, retrying when SQLite reports a busy database
 * (WAL answers SQLITE_BUSY at once when a read snapshot went stale before the write) or two
 * audit writers raced for the same seq, or the engine's optimistic lock saw the execution move
 * on meanwhile (its VersionConflict, e.g. a stop racing the worker). The callback may run more
 * than once, so it must only touch the database.
 */
import { db, type Db, type Tx } from '../db/client';

const MAX_ATTEMPTS = 30;

type PrismaLikeError = {
  code?: string;
  meta?: { modelName?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
};

/** SQLITE_BUSY, a seq collision or a VersionConflict: safe to run the transaction again. */
function isRetryable(error: unknown): boolean {
  if (error instanceof Error && error.name === 'VersionConflict') return true;
  const { code, meta } = (error ?? {}) as PrismaLikeError;
  if (meta?.driverAdapterError?.cause?.originalCode?.startsWith('SQLITE_BUSY')) return true;
  if (code === 'P2002' && meta?.modelName === 'AuditEntry') return true;
  const text = error instanceof Error ? `${error.message} ${code ?? ''}` : '';
  return /SQLITE_BUSY|database is locked|P2034/i.test(text);
}

export async function runAudited<T>(fn: (tx: Tx) => Promise<T>, client: Db = db): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await client.$transaction(fn, { timeout: 30_000, maxWait: 30_000 });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * attempt)));
    }
  }
}
