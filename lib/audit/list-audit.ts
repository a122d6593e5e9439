/**
 * The audit trail for the admin console: newest first, filtered, a page at a time. The cursor
 * is opaque to callers (the seq of the last entry shown): entries written meanwhile have higher
 * seqs, so paging on never repeats or skips one. An API key needs audit:read; a person must be
 * an active admin.
 */
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';
import { AppError } from '../errors';
import { auditWhere, type AuditFilters } from './audit-filters';

/** Entries per page unless the caller asks otherwise; at most MAX_LIMIT. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

export interface AuditListEntry {
  seq: number;
  /** ISO 8601, UTC */
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  /** the event's data, as stored (JSON text) */
  data: string;
  ip: string | null;
  userAgent: string | null;
  hash: string;
}

export interface ListAuditOptions {
  filters?: AuditFilters;
  /** nextCursor of the page before; absent: the newest page */
  cursor?: string;
  limit?: number;
  actor: Actor;
}

export interface AuditPage {
  entries: AuditListEntry[];
  /** absent on the last page */
  nextCursor?: string;
}

export async function listAudit({ filters, cursor, limit, actor }: ListAuditOptions): Promise<AuditPage> {
  await authorize(actor, 'audit:read');
  const take = Math.min(Math.max(Math.trunc(limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const before = cursor === undefined ? undefined : decodeAuditCursor(cursor);
  const rows = await db.auditEntry.findMany({
    where: { AND: [auditWhere(filters), before === undefined ? {} : { seq: { lt: before } }] },
    orderBy: { seq: 'desc' },
    take: take + 1,
    omit: { prevHash: true },
  });
  const entries = rows.slice(0, take).map((row) => ({ ...row, at: row.at.toISOString() }));
  const more = rows.length > take;
  return { entries, ...(more ? { nextCursor: encodeAuditCursor(entries[entries.length - 1].seq) } : {}) };
}

const CURSOR_PREFIX = 'a1.';

function encodeAuditCursor(seq: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${seq}`).toString('base64url');
}

/** The seq a cursor stands for; INVALID_INPUT for anything listAudit did not make. */
function decodeAuditCursor(cursor: string): number {
  const text = /^[\w-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
  const digits = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  const seq = /^\d{1,15}$/.test(digits) ? Number(digits) : 0;
  if (seq < 1)
    throw new AppError('INVALID_INPUT', 'This page link is not valid. Start again from the newest entries.');
  return seq;
}
