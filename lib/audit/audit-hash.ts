import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that its hash covers (everything but `hash` itself). */
export interface HashedAuditFields {
  seq: number;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  reason: string | null;
  /** the stored JSON text */
  data: string;
  prevHash: string;
}

/** sha256(prevHash + canonical JSON of the entry's fields), hex. */
export function hashAuditEntry(entry: HashedAuditFields): string {
  const { prevHash, ...fields } = entry;
  const body = canonicalJson({ ...fields, prevHash, at: entry.at.toISOString() });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
