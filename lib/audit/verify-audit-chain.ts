/**
 * Walks the audit trail in seq order and recomputes every hash. An edited row breaks its own
 * hash; a deleted row breaks the next row's prevHash (and leaves a gap in seq). An API key needs
 * audit:read; the CLI (`audit verify`, run on the server) passes no actor.
 */
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { db } from '../db/client';
import { GENESIS_HASH, hashAuditEntry } from './audit-hash';

export type AuditChainResult =
  | { ok: true; entries: number }
  /** `brokenSeq`: the edited row, the first deleted seq, or the row whose prevHash no longer matches. */
  | { ok: false; entries: number; brokenSeq: number; reason: 'edited' | 'deleted' | 'chain-broken' };

const PAGE = 1000;

export async function verifyAuditChain({ actor }: { actor?: Actor } = {}): Promise<AuditChainResult> {
  if (actor) await authorize(actor, 'audit:read');
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let entries = 0;
  for (;;) {
    const page = await db.auditEntry.findMany({
      where: { seq: { gt: prevSeq } },
      orderBy: { seq: 'asc' },
      take: PAGE,
    });
    for (const row of page) {
      entries += 1;
      if (row.seq !== prevSeq + 1) return { ok: false, entries, brokenSeq: prevSeq + 1, reason: 'deleted' };
      if (row.prevHash !== prevHash)
        return { ok: false, entries, brokenSeq: row.seq, reason: 'chain-broken' };
      const { hash, ...fields } = row;
      if (hashAuditEntry(fields) !== hash)
        return { ok: false, entries, brokenSeq: row.seq, reason: 'edited' };
      prevHash = hash;
      prevSeq = row.seq;
    }
    if (page.length < PAGE) return { ok: true, entries };
  }
}
