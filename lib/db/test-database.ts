/**
 * For tests: one database with every migration applied, made once per run by Vitest's global
 * setup; each test file then works on its own copy of it (lib/db/vitest-setup.ts). SQLite by
 * default (a file copied per test file); PostgreSQL when SIGNOFF_TEST_POSTGRES names a server's
 * admin URL (a template database, and `CREATE DATABASE … TEMPLATE` per test file, all dropped
 * when the run ends).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { prepareDatabase } from './prepare-database';

/** Migrating takes ~1 s; do it once per run and copy the file for each test file. */
export async function migratedTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'signoff-template-'));
  const file = join(dir, 'template.db');
  await prepareDatabase(`file:${file}`);
  // Fold the WAL into the main file so a plain copy of it holds every table.
  const sqlite = new Database(file);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return file;
}

/** `url` with another database name. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function asAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh name for this run's databases: every one starts with it, so teardown finds them. */
export const newRunPrefix = () => `signoff_t${randomBytes(4).toString('hex')}`;

/** Creates `<prefix>_template` with every PostgreSQL migration applied; returns its name. */
export async function migratedPostgresTemplate(adminUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_template`;
  await asAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  await prepareDatabase(withDatabase(adminUrl, name));
  return name;
}

/** A new database copied from the template; returns its URL. */
export async function postgresCopy(adminUrl: string, template: string, prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, (client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY`),
  );
  return withDatabase(adminUrl, name);
}

/** Drops every database whose name starts with `prefix` (their connections are ended). */
export async function dropPostgresDatabases(adminUrl: string, prefix: string): Promise<void> {
  await asAdmin(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
  });
}
