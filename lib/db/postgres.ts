/**
 * PostgreSQL connections outside Prisma: the engine's storage adapter (lib/engine/store) runs
 * its hot statements on a `pg` pool of its own, as prepared statements. Prisma's client gets
 * a pool of the same size from pgPoolConfig.
 */
import pg from 'pg';

/** Connections per pool (two pools per process: Prisma's and the engine's). */
const POOL_SIZE = Number(process.env.SIGNOFF_PG_POOL_SIZE ?? 10);

export function pgPoolConfig(url: string): pg.PoolConfig {
  return { connectionString: url, max: POOL_SIZE, idleTimeoutMillis: 30_000 };
}

/** Prisma writes DateTime as UTC into `timestamp(3)` (no zone): read it back as UTC, not as local time. */
const TIMESTAMP_OID = 1114;
const utcTimestamps = ((oid: number, format?: 'text' | 'binary') =>
  oid === TIMESTAMP_OID && format !== 'binary'
    ? (text: string) => new Date(`${text.replace(' ', 'T')}Z`)
    : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'];

const globalForPg = globalThis as unknown as { signoffPg?: Map<string, pg.Pool> };

/** The process's engine pool for `url` (one per URL, opened on first use). */
export function pgPool(url: string): pg.Pool {
  const pools = (globalForPg.signoffPg ??= new Map());
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ ...pgPoolConfig(url), types: { getTypeParser: utcTimestamps } });
    // An idle client whose connection dies (pg_terminate_backend, a restart) must not crash the process.
    pool.on('error', () => {});
    pools.set(url, pool);
  }
  return pool;
}

/** Ends every pool pgPool opened (tests and the bench switch databases). */
export async function closePgPools(): Promise<void> {
  const pools = [...(globalForPg.signoffPg?.values() ?? [])];
  globalForPg.signoffPg?.clear();
  await Promise.all(pools.map((pool) => pool.end()));
}
