import { describe, expect, it } from 'vitest';
import { db } from './client';
import { isPostgres } from './database-url';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// SQLite's one connection only: PostgreSQL's pool gives each transaction a connection of its own.
describe.skipIf(isPostgres())('one connection, one transaction at a time (one-connection-gate.ts)', () => {
  it("keeps a write made outside any transaction when another request's transaction rolls back", async () => {
    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.rateLimitHit.create({ data: { key: 'gate-inside', at: new Date() } });
        await sleep(100);
        throw new Error('the request was refused');
      })
      .catch((error: Error) => error.message);
    await sleep(20); // the transaction is open now
    const seen = db.rateLimitHit.count({ where: { key: 'gate-inside' } });
    await db.rateLimitHit.create({ data: { key: 'gate-outside', at: new Date() } });
    expect(await rolledBack).toBe('the request was refused');
    // the read waited for the other transaction instead of reading its uncommitted row
    expect(await seen).toBe(0);
    expect(await db.rateLimitHit.count({ where: { key: 'gate-outside' } })).toBe(1);
    expect(await db.rateLimitHit.count({ where: { key: 'gate-inside' } })).toBe(0);
  });

  it('lets `db` queries made inside a transaction callback through (they join it; no deadlock)', async () => {
    const count = await db.$transaction(async (tx) => {
      await tx.rateLimitHit.create({ data: { key: 'gate-joined', at: new Date() } });
      return db.rateLimitHit.count({ where: { key: 'gate-joined' } });
    });
    expect(count).toBe(1);
  });

  it('serves queries again once a transaction fails to start or ends', async () => {
    await expect(
      db.$transaction(async () => {
        throw new Error('nothing to do');
      }),
    ).rejects.toThrow('nothing to do');
    expect(await db.rateLimitHit.count({ where: { key: 'gate-none' } })).toBe(0);
  });
});
