import { dirname, resolve } from 'node:path';

/** The default database: one SQLite file under ./data, created on first start. */
const DEFAULT_DATABASE_URL = 'file:./data/signoff.db';

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** The absolute file path behind a `file:` URL (relative paths are relative to the working directory). */
export function databaseFilePath(url = databaseUrl()): string {
  if (!url.startsWith('file:')) throw new Error(`DATABASE_URL must be a SQLite file: URL, got "${url}"`);
  return resolve(url.slice('file:'.length).split('?')[0]);
}

export function databaseDir(url = databaseUrl()): string {
  return dirname(databaseFilePath(url));
}
