import { dirname, resolve } from 'node:path';

/** The default database: one SQLite file under ./data, created on first start. */
const DEFAULT_DATABASE_URL = 'file:./data/signoff.db';

export type Provider = 'sqlite' | 'postgresql';

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** Which database a URL names: `file:` is SQLite, `postgres://` or `postgresql://` PostgreSQL. */
export function providerOf(url = databaseUrl()): Provider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(
    `DATABASE_URL must be a SQLite file: URL or a postgresql:// URL, got "${url.split('@').pop()}"`,
  );
}

export const isPostgres = (url = databaseUrl()) => providerOf(url) === 'postgresql';

/** The absolute file path behind a `file:` URL (relative paths are relative to the working directory). */
export function databaseFilePath(url = databaseUrl()): string {
  if (!url.startsWith('file:')) throw new Error(`DATABASE_URL must be a SQLite file: URL, got "${url}"`);
  return resolve(url.slice('file:'.length).split('?')[0]);
}

/** The folder beside the SQLite file (server.key lives there); ./data on PostgreSQL. */
export function databaseDir(url = databaseUrl()): string {
  return isPostgres(url) ? resolve('data') : dirname(databaseFilePath(url));
}

/** The database a URL names, for logs: a PostgreSQL URL without its user and password. */
export function describeDatabase(url = databaseUrl()): string {
  if (!isPostgres(url)) return url;
  const parsed = new URL(url);
  return `postgresql://${parsed.host}${parsed.pathname}`;
}
