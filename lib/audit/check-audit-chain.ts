/**
 * Verifies the audit chain for the console and says in words where it broke: the first broken
 * entry's seq, time and action (for a deleted entry, the one found in its place) and why.
 * verifyAuditChain authorizes (audit:read for a key, an active admin for a person).
 */
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { verifyAuditChain } from './verify-audit-chain';

export type AuditChainReport =
  | { ok: true; entries: number }
  | {
      ok: false;
      /** entries read up to and including the break */
      entries: number;
      brokenSeq: number;
      reason: 'edited' | 'deleted' | 'chain-broken';
      /** the broken entry, or for a deleted one the next entry there is */
      entry: { seq: number; at: string; action: string } | null;
      explanation: string;
    };

const EXPLANATIONS = {
  edited: (seq: number) =>
    `Entry #${seq} was changed after it was written: its hash no longer matches its contents.`,
  deleted: (seq: number) => `Entry #${seq} is missing: it was deleted from the trail.`,
  'chain-broken': (seq: number) =>
    `Entry #${seq} does not follow the entry before it: the previous hash it holds does not match.`,
} as const;

export async function checkAuditChain({ actor }: { actor: Actor }): Promise<AuditChainReport> {
  const result = await verifyAuditChain({ actor });
  if (result.ok) return result;
  const row = await db.auditEntry.findFirst({
    where: { seq: { gte: result.brokenSeq } },
    orderBy: { seq: 'asc' },
    select: { seq: true, at: true, action: true },
  });
  return {
    ...result,
    entry: row ? { ...row, at: row.at.toISOString() } : null,
    explanation: EXPLANATIONS[result.reason](result.brokenSeq),
  };
}
