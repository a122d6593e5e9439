/**
 * The one Prisma client of the process, chosen by DATABASE_URL: Prisma 7's TypeScript client
 * over better-sqlite3 for a `file:` URL, over `pg` (a pool) for a `postgresql://` one.
 * SQLite runs in WAL mode (set persistently by the migration step) with synchronous=NORMAL
 * and a busy timeout, so readers never block the writer and a racing writer waits instead of
 * failing at once. Both clients have the same API (generated from one schema source), so the
 * services use one type.
 */
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { PrismaClient as PrismaPgClient } from './generated-pg/client';
import { databaseFilePath, databaseUrl, providerOf } from './database-url';
import { gatedAdapterFactory, insideTransaction } from './one-connection-gate';
import { pgPoolConfig } from './postgres';
import { refusedText } from '../errors';

/** How long a writer waits for SQLite's single write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

export type Db = PrismaClient;
/** The transaction client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createDb(url = databaseUrl()): Db {
  if (providerOf(url) === 'postgresql')
    // PostgreSQL refuses text SQLite stores (a NUL character): every caller gets that as the
    // AppError it is — a 400 from the APIs, a message on a form — not an unknown failure.
    return new PrismaPgClient({ adapter: new PrismaPg(pgPoolConfig(url)) }).$extends({
      query: {
        async $allOperations({ args, query }) {
          try {
            return await query(args);
          } catch (error) {
            throw refusedText(error) ?? error;
          }
        },
      },
    }) as unknown as Db;
  const file = databaseFilePath(url);
  const adapter = gatedAdapterFactory(new PrismaBetterSqlite3({ url: file, timeout: BUSY_TIMEOUT_MS }));
  const client = new PrismaClient({ adapter });
  // The first statement on the connection: later writes commit without an fsync each (WAL makes that safe).
  void client.$executeRawUnsafe('PRAGMA synchronous = NORMAL').catch(() => {});
  return client;
}

const globalForDb = globalThis as unknown as { signoffDb?: Db };

/**
 * The shared client (one per process; survives Next.js dev reloads). It is created on first
 * use, so a test or script can set DATABASE_URL before anything touches the database.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = (globalForDb.signoffDb ??= createDb());
    // An interactive transaction's callback runs marked, so `db` queries it makes join it (one-connection-gate.ts).
    if (property === '$transaction')
      return (work: unknown, options?: unknown) =>
        typeof work === 'function'
          ? client.$transaction(
              (tx) => insideTransaction(() => (work as (tx: Tx) => Promise<unknown>)(tx)),
              options as never,
            )
          : client.$transaction(work as never, options as never);
    const value: unknown = Reflect.get(client, property);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});
