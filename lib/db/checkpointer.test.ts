import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';
import { db } from './client';
import { databaseFilePath, isPostgres } from './database-url';
import { sqlite } from './sqlite';

const autocheckpoint = async () => ({
  direct: sqlite().pragma('wal_autocheckpoint', { simple: true }),
  prisma: Number(
    ((await db.$queryRawUnsafe('PRAGMA wal_autocheckpoint')) as { wal_autocheckpoint: number | bigint }[])[0]
      .wal_autocheckpoint,
  ),
});

// SQLite's WAL only: PostgreSQL checkpoints by itself.
describe.skipIf(isPostgres())('WAL checkpoints on a thread', () => {
  it('copies committed pages into the database file off the event loop, and hands checkpoints back to the connections when stopped', async () => {
    expect(await autocheckpoint()).toEqual({ direct: 1000, prisma: 1000 });
    const checkpointer = await startCheckpointer({ intervalMs: 20 });
    try {
      expect(await autocheckpoint()).toEqual({ direct: 20_000, prisma: 20_000 });
      const connection = sqlite();
      connection.exec('CREATE TABLE IF NOT EXISTS "Scratch" ("id" INTEGER PRIMARY KEY, "data" TEXT)');
      await checkpointer.nextCheckpoint();
      const before = statSync(databaseFilePath()).size;
      const insert = connection.prepare('INSERT INTO "Scratch" ("data") VALUES (?)');
      // About 1.5 MB in 1,500 commits: below the connections' 20,000 pages, so only the thread,
      // running beside this loop, moves it into the database file.
      let frames = 0;
      const counted = (async () => {
        for (;;) {
          frames += await checkpointer.nextCheckpoint();
          if (statSync(databaseFilePath()).size - before > 1_400_000) return;
        }
      })();
      for (let i = 0; i < 1_500; i++) insert.run('x'.repeat(1_000));
      await counted;
      expect(frames).toBeGreaterThan(300);
    } finally {
      await checkpointer.stop();
    }
    expect(await autocheckpoint()).toEqual({ direct: 1000, prisma: 1000 });
  });
});
