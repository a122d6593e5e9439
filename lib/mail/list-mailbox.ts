/** The built-in mailbox (/dev/mailbox): outbox messages newest first, and one with its bodies. */
import { db } from '../db/client';

export interface MailboxEntry {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

export async function listMailbox({ limit = 100 }: { limit?: number } = {}): Promise<MailboxEntry[]> {
  const rows = await db.outboxMessage.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(limit, 1), 500),
    select: {
      id: true,
      to: true,
      subject: true,
      kind: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
    },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function getMailboxMessage(id: string) {
  return db.outboxMessage.findUnique({
    where: { id },
    select: { id: true, to: true, subject: true, text: true, html: true, status: true, createdAt: true },
  });
}
