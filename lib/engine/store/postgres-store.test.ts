/** The PostgreSQL store's own promises: SKIP LOCKED claims, NOTIFY to LISTEN, a lost LISTEN noticed. PostgreSQL runs only. */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Definition } from '../../asl';
import { databaseUrl, isPostgres } from '../../db/database-url';
import { db } from '../../db/client';
import { sqlTime } from '../../db/sqlite';
import { startTestExecution } from '../testing/harness';
import { PostgresStore } from './postgres-store';

const onePass: Definition = {
  StartAt: 'Only',
  States: { Only: { Type: 'Pass', End: true } },
};

const until = async (check: () => boolean, ms = 5000) => {
  for (const deadline = Date.now() + ms; !check() && Date.now() < deadline;)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
};

describe.runIf(isPostgres())('the PostgreSQL store', () => {
  it('gives two workers claiming at once disjoint executions (FOR UPDATE SKIP LOCKED), each leased to its taker', async () => {
    const ids = await Promise.all(
      Array.from({ length: 40 }, () => startTestExecution({ definition: onePass })),
    );
    const store = new PostgresStore(databaseUrl());
    const now = new Date();
    const [a, b] = await Promise.all([
      store.findClaimable('w-a', now, 30),
      store.findClaimable('w-b', now, 30),
    ]);
    expect(new Set([...a, ...b]).size).toBe(a.length + b.length); // nobody got an execution twice
    expect(a.length + b.length).toBe(40);
    expect(new Set([...a, ...b])).toEqual(new Set(ids));
    const owners = await db.execution.findMany({ where: { id: { in: a } }, select: { leaseOwner: true } });
    expect(owners.every((row) => row.leaseOwner === 'w-a')).toBe(true);
    // Leased: the other worker finds none of them now.
    expect(await store.findClaimable('w-c', now, 100)).toEqual([]);
  });

  it("reads what a worker has just leased without writing the row again, renews a lease running out, and leaves others' leases alone", async () => {
    const [fresh, old, other] = await Promise.all(
      Array.from({ length: 3 }, () => startTestExecution({ definition: onePass })),
    );
    const store = new PostgresStore(databaseUrl());
    const now = new Date();
    const pool = new pg.Pool({ connectionString: databaseUrl() });
    const versionOf = async (id: string) =>
      (await pool.query<{ xmin: string }>('SELECT xmin FROM "Execution" WHERE id = $1', [id])).rows[0].xmin;
    try {
      await pool.query(`UPDATE "Execution" SET "leaseOwner" = 'w-a', "leaseUntil" = $2 WHERE id = $1`, [
        fresh,
        sqlTime(new Date(now.getTime() + 14_000)),
      ]);
      await pool.query(`UPDATE "Execution" SET "leaseOwner" = 'w-a', "leaseUntil" = $2 WHERE id = $1`, [
        old,
        sqlTime(new Date(now.getTime() + 1_000)),
      ]);
      await pool.query(`UPDATE "Execution" SET "leaseOwner" = 'w-b', "leaseUntil" = $2 WHERE id = $1`, [
        other,
        sqlTime(new Date(now.getTime() + 14_000)),
      ]);
      const before = { fresh: await versionOf(fresh), old: await versionOf(old) };
      const { executions } = await store.claimAndRead([fresh, old, other], 'w-a', now);
      expect(new Set(executions.map((e) => e.id))).toEqual(new Set([fresh, old]));
      expect(await versionOf(fresh)).toBe(before.fresh); // read, not written
      expect(await versionOf(old)).not.toBe(before.old); // renewed
      const rows = await db.execution.findMany({
        where: { id: { in: [old, other] } },
        select: { id: true, leaseOwner: true, leaseUntil: true },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      expect(byId.get(old)?.leaseUntil?.getTime()).toBeGreaterThan(now.getTime() + 14_000);
      expect(byId.get(other)?.leaseOwner).toBe('w-b');
    } finally {
      await pool.end();
    }
  });

  it('wakes a listener when any process announces work, and says when its connection is lost', async () => {
    const store = new PostgresStore(databaseUrl());
    let wakes = 0;
    let lost = false;
    const stop = await store.listen(
      () => (wakes += 1),
      () => (lost = true),
    );
    const other = new pg.Client({ connectionString: databaseUrl(), application_name: 'test-announcer' });
    await other.connect();
    try {
      await other.query('NOTIFY signoff_work'); // another process's commit
      expect(await until(() => wakes === 1)).toBe(true);
      await store.announce();
      expect(await until(() => wakes === 2)).toBe(true);
      // The server ends the listening connection (a restart, pg_terminate_backend).
      await other.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query = 'LISTEN signoff_work'`,
      );
      expect(await until(() => lost)).toBe(true);
    } finally {
      await other.end();
      await stop();
    }
  });
});
