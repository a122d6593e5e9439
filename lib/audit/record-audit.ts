/**
 * Appends one entry to the hash-chained audit trail, inside the caller's transaction, so the
 * entry commits or rolls back with what it records. The previous hash is read in the same
 * transaction; the explicit `seq` (previous + 1, the primary key) makes two racing writers
 * collide instead of forking the chain (the loser retries; see runAudited). On PostgreSQL,
 * where writers do not queue for one database lock, a transaction-scoped advisory lock makes
 * them take turns at the chain's end instead of colliding.
 */
import type { Tx } from '../db/client';
import { isPostgres } from '../db/database-url';
import { prepared, sqlTime, type Sqlite } from '../db/sqlite';
import type { Actor, RequestInfo } from '../auth/actor';
import { auditEventSchema, type AuditEvent } from './audit-event';
import { GENESIS_HASH, hashAuditEntry, type HashedAuditFields } from './audit-hash';

export type RecordAuditOptions = AuditEvent & {
  actor: Actor;
  target?: { type: string; id: string };
  request?: RequestInfo;
  reason?: string;
};

/** The entry that follows `last` (seq, time, actor, data and the hash over them and prevHash). */
function nextEntry(
  options: RecordAuditOptions,
  last: { seq: number; hash: string } | null | undefined,
): HashedAuditFields & { hash: string } {
  const event = auditEventSchema.parse({ type: options.type, data: options.data });
  const fields: HashedAuditFields = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorType: options.actor.type,
    actorId: options.actor.id ?? null,
    actorLabel: options.actor.label ?? null,
    action: event.type,
    targetType: options.target?.type ?? null,
    targetId: options.target?.id ?? null,
    ip: options.request?.ip ?? null,
    userAgent: options.request?.userAgent ?? null,
    reason: options.reason ?? null,
    data: JSON.stringify(event.data),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  return { ...fields, hash: hashAuditEntry(fields) };
}

/** The advisory lock key of the audit chain's end (any constant the app uses for nothing else). */
const AUDIT_CHAIN_LOCK = 0x5164_17;

export async function recordAudit(
  tx: Tx,
  options: RecordAuditOptions,
): Promise<{ seq: number; hash: string }> {
  if (isPostgres()) await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  const entry = nextEntry(options, last);
  await tx.auditEntry.create({ data: entry });
  return { seq: entry.seq, hash: entry.hash };
}

const LAST = 'SELECT "seq", "hash" FROM "AuditEntry" ORDER BY "seq" DESC LIMIT 1';
const INSERT = `INSERT INTO "AuditEntry" ("seq", "at", "actorType", "actorId", "actorLabel", "action", "targetType",
  "targetId", "ip", "userAgent", "reason", "data", "prevHash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The same entry written on the synchronous SQLite connection, inside the caller's
 * `withWriteLock` transaction (a use case whose whole write is one synchronous transaction).
 */
export function recordAuditSync(
  connection: Sqlite,
  options: RecordAuditOptions,
): { seq: number; hash: string } {
  const last = prepared(connection, LAST).get() as { seq: number; hash: string } | undefined;
  const e = nextEntry(options, last);
  prepared(connection, INSERT).run(
    e.seq,
    sqlTime(e.at),
    e.actorType,
    e.actorId,
    e.actorLabel,
    e.action,
    e.targetType,
    e.targetId,
    e.ip,
    e.userAgent,
    e.reason,
    e.data,
    e.prevHash,
    e.hash,
  );
  return { seq: e.seq, hash: e.hash };
}
