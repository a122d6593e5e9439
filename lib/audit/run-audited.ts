/**
 * Runs a writing use case in one transaction, retrying when SQLite reports a busy database
 * or two audit writers raced for the same seq. The callback may run more than once, so it
 * must only touch the database.
 */
import { db, type Tx } from '../db/client';

const MAX_ATTEMPTS = 5;

function isRetryable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? '')}` : '';
  if (/SQLITE_BUSY|database is locked|P2034/i.test(text)) return true;
  const meta = (error as { code?: string; meta?: { target?: unknown; modelName?: string } }) ?? {};
  return meta.code === 'P2002' && meta.meta?.modelName === 'AuditEntry';
}

export async function runAudited<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(fn, { timeout: 15_000, maxWait: 15_000 });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
    }
  }
}
