/**
 * The few SQL expressions whose spelling differs between SQLite and PostgreSQL, for the raw
 * queries Prisma's API cannot express (dashboards, the team view). Everything else those
 * queries use is common to both: quoted identifiers, CASE, COUNT, window functions, and
 * DateTime bounds passed as text in Prisma's form (lib/db/sqlite.ts sqlTime), which SQLite
 * compares as text and PostgreSQL reads as a timestamp.
 */
import { isPostgres } from './database-url';
import { Prisma } from './generated/client';

/** Whole milliseconds from `from` to `to` (two DateTime columns), as an integer. */
export function millisBetween(from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  return isPostgres()
    ? Prisma.sql`CAST(ROUND(EXTRACT(EPOCH FROM (${to} - ${from})) * 1000) AS BIGINT)`
    : Prisma.sql`CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`;
}

/** A DateTime column as text cut to the hour (`2026-12-04T18`) or the day (`2026-12-04`), in UTC. */
export function timeBucket(granularity: 'hour' | 'day', column: Prisma.Sql): Prisma.Sql {
  if (isPostgres())
    return granularity === 'hour'
      ? Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24')`
      : Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;
  return granularity === 'hour'
    ? Prisma.sql`strftime('%Y-%m-%dT%H', ${column})`
    : Prisma.sql`strftime('%Y-%m-%d', ${column})`;
}

/**
 * Prisma's `contains` filter, ignoring case on both databases: SQLite's LIKE already does (for
 * ASCII); PostgreSQL needs `mode: 'insensitive'` (ILIKE), which the SQLite client's types lack.
 */
export function containsIgnoringCase(value: string): { contains: string } {
  return isPostgres()
    ? ({ contains: value, mode: 'insensitive' } as { contains: string })
    : { contains: value };
}
