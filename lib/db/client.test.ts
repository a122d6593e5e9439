import { describe, expect, it } from 'vitest';
import { db } from './client';
import { EMPTY_MIGRATION, diffMigrationsToSchema } from './migrations';

describe('database', () => {
  it('runs each test file on its own migrated SQLite copy, WAL with synchronous=NORMAL', async () => {
    expect(process.env.DATABASE_URL).toMatch(/signoff-file-.*test\.db$/);
    await db.group.create({ data: { name: 'finance' } });
    expect(await db.group.count()).toBe(1);
    const [{ journal_mode }] = await db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
    const [{ synchronous }] = await db.$queryRawUnsafe<{ synchronous: bigint }[]>('PRAGMA synchronous');
    expect(journal_mode).toBe('wal');
    expect(Number(synchronous)).toBe(1);
  });

  it('has migrations that match schema.prisma (no drift)', async () => {
    const sql = await diffMigrationsToSchema();
    expect(
      sql,
      `schema.prisma and prisma/migrations disagree; run \`npm run db:migration -- NAME\`. Missing SQL:\n${sql}`,
    ).toBe(EMPTY_MIGRATION);
  });
});
