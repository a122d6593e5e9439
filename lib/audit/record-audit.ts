/**
 * Appends one entry to the hash-chained audit trail, inside the caller's transaction, so the
 * entry commits or rolls back with what it records. The previous hash is read in the same
 * transaction; the explicit `seq` (previous + 1, the primary key) makes two racing writers
 * collide instead of forking the chain (the loser retries; see runAudited).
 */
import type { Tx } from '../db/client';
import type { Actor, RequestInfo } from '../auth/actor';
import { auditEventSchema, type AuditEvent } from './audit-event';
import { GENESIS_HASH, hashAuditEntry, type HashedAuditFields } from './audit-hash';

export type RecordAuditOptions = AuditEvent & {
  actor: Actor;
  target?: { type: string; id: string };
  request?: RequestInfo;
  reason?: string;
};

export async function recordAudit(
  tx: Tx,
  options: RecordAuditOptions,
): Promise<{ seq: number; hash: string }> {
  const event = auditEventSchema.parse({ type: options.type, data: options.data });
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
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
  const hash = hashAuditEntry(fields);
  await tx.auditEntry.create({ data: { ...fields, hash } });
  return { seq: fields.seq, hash };
}
