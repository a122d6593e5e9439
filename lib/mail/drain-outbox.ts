/**
 * One pass of the sender: claim due outbox rows by compare-and-set (PENDING → SENDING, or a
 * SENDING row whose sender vanished), send them outside any transaction, then record SENT, or
 * PENDING again with exponential backoff, or FAILED for good after MAIL_MAX_ATTEMPTS with the
 * last error kept for admins. A row is claimed by one sender at a time, so it goes out once
 * unless a sender dies between the SMTP answer and the write (at-least-once, as any outbox).
 */
import { db } from '../db/client';
import type { MailTransport } from './transport';

/** Attempts before a message is FAILED for good. */
const MAIL_MAX_ATTEMPTS = 8;
/** First retry delay; doubles per attempt up to MAIL_MAX_BACKOFF_MS. */
const MAIL_BACKOFF_MS = 2_000;
const MAIL_MAX_BACKOFF_MS = 15 * 60_000;
/** A SENDING row older than this belonged to a sender that died: it is due again. */
const MAIL_SEND_LEASE_MS = 5 * 60_000;

export interface DrainOptions {
  transport: MailTransport;
  now?: () => Date;
  limit?: number;
  backoffMs?: number;
  maxAttempts?: number;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

export async function drainOutbox(options: DrainOptions): Promise<DrainResult> {
  const now = options.now ?? (() => new Date());
  const rows = await claimDue(now(), options.limit ?? 100);
  const results = await Promise.all(rows.map((row) => sendOne(row, options, now)));
  return {
    sent: results.filter((r) => r === 'sent').length,
    retried: results.filter((r) => r === 'retried').length,
    failed: results.filter((r) => r === 'failed').length,
  };
}

type ClaimedRow = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
};

async function claimDue(now: Date, limit: number): Promise<ClaimedRow[]> {
  const due = await db.outboxMessage.findMany({
    where: { status: { in: ['PENDING', 'SENDING'] }, nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: 'asc' },
    take: limit,
    select: { id: true, status: true, attempts: true, to: true, subject: true, text: true, html: true },
  });
  if (due.length === 0) return [];
  const leaseUntil = new Date(now.getTime() + MAIL_SEND_LEASE_MS);
  return db.$transaction(async (tx) => {
    const claimed: ClaimedRow[] = [];
    for (const row of due) {
      const { count } = await tx.outboxMessage.updateMany({
        where: { id: row.id, status: row.status, attempts: row.attempts, nextAttemptAt: { lte: now } },
        data: { status: 'SENDING', attempts: { increment: 1 }, nextAttemptAt: leaseUntil },
      });
      if (count === 1) claimed.push({ ...row, attempts: row.attempts + 1 });
    }
    return claimed;
  });
}

async function sendOne(
  row: ClaimedRow,
  options: DrainOptions,
  now: () => Date,
): Promise<'sent' | 'retried' | 'failed'> {
  const { id } = row;
  try {
    const { messageId } = await options.transport.send({
      to: row.to,
      subject: row.subject,
      text: row.text,
      html: row.html,
      outboxId: row.id,
    });
    await db.outboxMessage.updateMany({
      where: { id, status: 'SENDING' },
      data: { status: 'SENT', sentAt: now(), messageId, lastError: null },
    });
    return 'sent';
  } catch (error) {
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const permanent = row.attempts >= (options.maxAttempts ?? MAIL_MAX_ATTEMPTS);
    const delay = Math.min(
      (options.backoffMs ?? MAIL_BACKOFF_MS) * 2 ** (row.attempts - 1),
      MAIL_MAX_BACKOFF_MS,
    );
    await db.outboxMessage.updateMany({
      where: { id, status: 'SENDING' },
      data: permanent
        ? { status: 'FAILED', lastError }
        : { status: 'PENDING', lastError, nextAttemptAt: new Date(now().getTime() + delay) },
    });
    return permanent ? 'failed' : 'retried';
  }
}
