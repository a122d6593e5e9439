/**
 * The mail outbox for admins: every message newest first, by status (queued covers PENDING and
 * SENDING), a page at a time, with how many there are of each. The cursor is opaque to callers
 * (the createdAt and id of the last message shown), so mail written meanwhile lands before the
 * first page and paging on never repeats or skips a message. Active admins only.
 */
import type { Actor } from '../auth/actor';
import { assertAdmin } from '../auth/assert-admin';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { AppError } from '../errors';

export const OUTBOX_FILTERS = ['all', 'queued', 'sent', 'failed'] as const;
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number];

const STATUSES: Record<Exclude<OutboxFilter, 'all'>, string[]> = {
  queued: ['PENDING', 'SENDING'],
  sent: ['SENT'],
  failed: ['FAILED'],
};

/** Messages per page unless the caller asks otherwise; at most MAX_LIMIT. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  kind: string;
  /** PENDING | SENDING | SENT | FAILED */
  status: string;
  attempts: number;
  lastError: string | null;
  /** ISO 8601, UTC */
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
}

export interface OutboxPage {
  messages: OutboxEntry[];
  /** absent on the last page */
  nextCursor?: string;
  counts: Record<OutboxFilter, number>;
}

export interface ListOutboxOptions {
  status?: OutboxFilter;
  cursor?: string;
  limit?: number;
  actor: Actor;
}

export async function listOutbox({
  status = 'all',
  cursor,
  limit,
  actor,
}: ListOutboxOptions): Promise<OutboxPage> {
  await assertAdmin(db, actor, 'read the mail outbox');
  const take = Math.min(Math.max(Math.trunc(limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const statuses = status === 'all' ? undefined : STATUSES[status];
  const after = cursor === undefined ? undefined : decodeOutboxCursor(cursor);
  const where: Prisma.OutboxMessageWhereInput = {
    AND: [
      statuses ? { status: { in: statuses } } : {},
      after
        ? {
            OR: [
              { createdAt: { lt: after.createdAt } },
              { createdAt: after.createdAt, id: { lt: after.id } },
            ],
          }
        : {},
    ],
  };
  const [rows, counts] = await Promise.all([
    db.outboxMessage.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: take + 1,
      omit: { text: true, html: true, messageId: true, executionId: true, approvalTaskId: true },
    }),
    countByFilter(),
  ]);
  const messages = rows.slice(0, take).map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
  }));
  const last = rows.length > take ? rows[take - 1] : undefined;
  return { messages, counts, ...(last ? { nextCursor: encodeOutboxCursor(last) } : {}) };
}

async function countByFilter(): Promise<Record<OutboxFilter, number>> {
  const groups = await db.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } });
  const count = (statuses: string[]) =>
    groups.filter((g) => statuses.includes(g.status)).reduce((sum, g) => sum + g._count._all, 0);
  return {
    all: groups.reduce((sum, g) => sum + g._count._all, 0),
    queued: count(STATUSES.queued),
    sent: count(STATUSES.sent),
    failed: count(STATUSES.failed),
  };
}

const CURSOR_PREFIX = 'm1.';

function encodeOutboxCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${CURSOR_PREFIX}${row.createdAt.getTime()}.${row.id}`).toString('base64url');
}

/** The position a cursor stands for; INVALID_INPUT for anything listOutbox did not make. */
function decodeOutboxCursor(cursor: string): { createdAt: Date; id: string } {
  const text = /^[\w-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
  const match = /^m1\.(\d{1,15})\.([\w-]{1,100})$/.exec(text);
  if (!match)
    throw new AppError('INVALID_INPUT', 'This page link is not valid. Start again from the newest messages.');
  return { createdAt: new Date(Number(match[1])), id: match[2] };
}
