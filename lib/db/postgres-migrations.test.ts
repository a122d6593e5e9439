/**
 * prisma/migrations-postgres against schema.prisma, on a real PostgreSQL server (the suite's
 * SIGNOFF_TEST_POSTGRES, else the machine's default at 127.0.0.1:5432): the folder's snapshot
 * is the schema now, and a database migrated from the folder has the very tables, columns and
 * indexes that the schema alone creates.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, diffPostgresMigrationsToSchema, EMPTY_MIGRATION } from './migrations';
import { dropPostgresDatabases, newRunPrefix, withDatabase } from './test-database';

const adminUrl = process.env.SIGNOFF_TEST_POSTGRES || 'postgresql://postgres@127.0.0.1:5432/postgres';
const prefix = newRunPrefix();

async function admin<T>(work: (client: pg.Client) => Promise<T>, url = adminUrl): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Tables, columns (type, nullability, default) and indexes of a database, in one comparable list. */
async function shape(url: string): Promise<string[]> {
  return admin(async (client) => {
    const columns = await client.query<{ line: string }>(`
      SELECT concat_ws(' ', table_name, column_name, data_type, is_nullable, column_default) AS line
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    const indexes = await client.query<{ line: string }>(`
      SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    return [...columns.rows, ...indexes.rows].map((row) => row.line).sort();
  }, url);
}

let reachable = true;
beforeAll(async () => {
  reachable = await admin(async () => true).catch(() => false);
});
afterAll(() => (reachable ? dropPostgresDatabases(adminUrl, prefix) : undefined));

describe('PostgreSQL migrations', () => {
  it('agree with schema.prisma: the snapshot is the schema now, and migrating gives what the schema creates', async (context) => {
    if (!reachable) return context.skip();
    expect(
      await diffPostgresMigrationsToSchema(adminUrl),
      'schema.prisma and prisma/migrations-postgres disagree; run `npm run db:migration -- NAME`',
    ).toBe(EMPTY_MIGRATION);

    const migrated = withDatabase(adminUrl, `${prefix}_migrated`);
    const fromSchema = withDatabase(adminUrl, `${prefix}_schema`);
    await admin(async (client) => {
      await client.query(`CREATE DATABASE "${prefix}_migrated"`);
      await client.query(`CREATE DATABASE "${prefix}_schema"`);
    });
    expect((await applyMigrations(migrated)).length).toBeGreaterThan(0);
    expect(await applyMigrations(migrated)).toEqual([]); // a second run applies nothing
    const script = await diffPostgresMigrationsToSchema(adminUrl, { from: 'empty' });
    await admin((client) => client.query(script), fromSchema);

    const hand = (line: string) =>
      line.startsWith('ApprovalTaskSearch') || line.includes('"ApprovalTaskSearch"');
    const want = await shape(fromSchema);
    const got = await shape(migrated);
    expect(want.length).toBeGreaterThan(100);
    expect(got.filter((line) => !hand(line))).toEqual(want);
    // The full-text table the migrations add by hand (lib/approvals/task-search.ts).
    expect(got.filter(hand).length).toBeGreaterThan(0);
  });
});
