import { describe, expect, it } from 'vitest';
import { db } from './client';
import { isPostgres } from './database-url';
import { EMPTY_MIGRATION, diffMigrationsToSchema } from './migrations';

describe('database', () => {
  it.skipIf(isPostgres())(
    'runs each test file on its own migrated SQLite copy, WAL with synchronous=NORMAL',
    async () => {
      expect(process.env.DATABASE_URL).toMatch(/signoff-file-.*test\.db$/);
      await db.group.create({ data: { name: 'finance' } });
      expect(await db.group.count()).toBe(1);
      const [{ journal_mode }] = await db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
      const [{ synchronous }] = await db.$queryRawUnsafe<{ synchronous: bigint }[]>('PRAGMA synchronous');
      expect(journal_mode).toBe('wal');
      expect(Number(synchronous)).toBe(1);
    },
  );

  it.runIf(isPostgres())(
    'runs each test file on its own PostgreSQL database made from the template',
    async () => {
      expect(process.env.DATABASE_URL).toMatch(/^postgresql:\/\/.*\/signoff_t[0-9a-f]{8}_[0-9a-f]{12}$/);
      await db.group.create({ data: { name: 'finance' } });
      expect(await db.group.count()).toBe(1);
      const [{ name }] = await db.$queryRawUnsafe<{ name: string }[]>('SELECT current_database() AS name');
      expect(process.env.DATABASE_URL?.endsWith(`/${name}`)).toBe(true);
    },
  );

  it('has migrations that match schema.prisma (no drift)', async () => {
    const sql = await diffMigrationsToSchema();
    expect(
      sql,
      `schema.prisma and prisma/migrations disagree; run \`npm run db:migration -- NAME\`. Missing SQL:\n${sql}`,
    ).toBe(EMPTY_MIGRATION);
  });
});
