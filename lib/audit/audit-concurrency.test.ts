// Two Prisma clients on one SQLite file stand for two processes (server + worker) appending at once.
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db/client';
import { recordAudit } from './record-audit';
import { runAudited } from './run-audited';
import { verifyAuditChain } from './verify-audit-chain';

const clients: Db[] = [createDb(), createDb()];
afterAll(async () => Promise.all(clients.map((client) => client.$disconnect())));

describe('concurrent audit writers', () => {
  it('never fork the chain: a racing writer gets SQLITE_BUSY or a seq collision and retries', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        runAudited(
          (tx) =>
            recordAudit(tx, {
              actor: { type: 'system' },
              type: 'EXECUTION_REDRIVEN',
              data: { executionId: `e${n}` },
            }),
          clients[n % 2],
        ),
      ),
    );
    expect(await verifyAuditChain()).toEqual({ ok: true, entries: 30 });
  });
});
