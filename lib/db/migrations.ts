/**
 * Prisma migrations without the schema-engine binary: Prisma's own schema engine, compiled to
 * WebAssembly (@prisma/schema-engine-wasm), driven through a driver adapter (better-sqlite3 or
 * pg). The migrations it applies and writes are ordinary `migration.sql` files that `prisma
 * migrate deploy` accepts wherever the binary is available.
 *
 * One schema source, two folders: prisma/migrations for SQLite, prisma/migrations-postgres for
 * PostgreSQL, whose schema is derived from schema.prisma (the provider changes). A PostgreSQL
 * migration is the diff from the datamodel its folder adds up to (the snapshot
 * migrations-postgres/schema.prisma) to the schema now: two datamodels, no database read
 * (introspecting through the pg adapter fails; ../shared/TOOLING.md).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { providerOf, type Provider } from './database-url';
import { EXTERNAL_TABLES } from './external-tables';

const PRISMA_DIR = resolve(process.cwd(), 'prisma');
const SCHEMA_PATH = join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations');
const PG_MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations-postgres');
/** The datamodel prisma/migrations-postgres adds up to: the base of its next migration. */
const PG_SNAPSHOT = join(PG_MIGRATIONS_DIR, 'schema.prisma');
const migrationsDir = (provider: Provider) => (provider === 'sqlite' ? MIGRATIONS_DIR : PG_MIGRATIONS_DIR);
/** The hand-made full-text tables are not the schema's to drop (external-tables.ts). */
const FILTERS = { externalTables: EXTERNAL_TABLES, externalEnums: [] };
/** On PostgreSQL the engine wants them schema-qualified. */
const PG_FILTERS = { externalTables: EXTERNAL_TABLES.map((table) => `public.${table}`), externalEnums: [] };
const filtersFor = (provider: Provider) => (provider === 'sqlite' ? FILTERS : PG_FILTERS);
/** What the engine's diff prints when the schema and the migrations agree. */
export const EMPTY_MIGRATION = '-- This is an empty migration.';

type Bg = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
let bgPromise: Promise<Bg> | undefined;

async function loadWasm(): Promise<Bg> {
  const require = createRequire(import.meta.url);
  // The package's exports do not include package.json; resolve its entry file instead.
  const dir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bg = (await import(pathToFileURL(join(dir, 'schema_engine_bg.js')).href)) as Bg;
  const { instance } = await WebAssembly.instantiate(readFileSync(join(dir, 'schema_engine_bg.wasm')), {
    './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

/** schema.prisma for `provider`: the source itself, or its PostgreSQL variant (scripts/prisma-generate.mjs writes the same). */
function schemaFor(provider: Provider, source = readFileSync(SCHEMA_PATH, 'utf8')): string {
  return provider === 'sqlite' ? source : source.replace('provider = "sqlite"', 'provider = "postgresql"');
}

/**
 * Runs `body` with Prisma's schema engine opened on the database at `url` (`file:…` or
 * `postgresql://…`), then closes the engine's connections so the database is free for the next writer.
 */
async function withSchemaEngine<T>(url: string, body: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  bgPromise ??= loadWasm();
  const bg = await bgPromise;
  const schema = schemaFor(providerOf(url));
  const factory =
    providerOf(url) === 'sqlite'
      ? new PrismaBetterSqlite3({ url, timeout: 10_000 })
      : new PrismaPg({ connectionString: url });
  const connections: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      connections.push(connection);
      return connection;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(tracked);
  const engine = await bg.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, adapter);
  try {
    return await body(engine);
  } finally {
    engine.free();
    await Promise.all(connections.map((connection) => connection.dispose()));
  }
}

function readMigrationsList(provider: Provider, upTo?: string) {
  const dir = migrationsDir(provider);
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .filter((name) => !upTo || name <= upTo)
        .sort()
    : [];
  const lockPath = join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok' as const,
          value: readFileSync(join(dir, name, 'migration.sql'), 'utf8'),
        },
      },
    })),
  };
}

/** The migration folders on disk, oldest first. */
export function migrationNames(provider: Provider = 'sqlite'): string[] {
  return readMigrationsList(provider).migrationDirectories.map((directory) => directory.path);
}

/**
 * Applies every pending migration to the database at `url` (with `upTo`, only those up to that
 * name: a test of a data migration fills the older schema first); returns the names applied.
 */
export async function applyMigrations(url: string, options: { upTo?: string } = {}): Promise<string[]> {
  return withSchemaEngine(url, (engine) => applyWith(engine, providerOf(url), options.upTo));
}

async function applyWith(engine: SchemaEngine, provider: Provider, upTo?: string): Promise<string[]> {
  const { appliedMigrationNames } = await engine.applyMigrations({
    migrationsList: readMigrationsList(provider, upTo),
    filters: filtersFor(provider),
  });
  return appliedMigrationNames;
}

/**
 * The SQL that would take a database built from the migrations to what schema.prisma says.
 * Returns EMPTY_MIGRATION when they agree: that is the drift check.
 */
export async function diffMigrationsToSchema(): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'signoff-diff-'));
  try {
    const url = `file:${join(scratch, 'scratch.db')}`;
    const files = [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, 'utf8') }];
    const result = await withSchemaEngine(url, async (engine) => {
      await applyWith(engine, 'sqlite');
      return engine.diff({
        from: { tag: 'schemaDatasource', files, configDir: PRISMA_DIR },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        exitCode: null,
        filters: FILTERS,
      });
    });
    return (result.stdout ?? '').trim();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The SQL that takes a PostgreSQL database built from prisma/migrations-postgres to what
 * schema.prisma says (EMPTY_MIGRATION when they agree), diffed between two datamodels: the
 * snapshot the folder adds up to (or nothing, `from: 'empty'`: the whole schema's script) and
 * the schema now. `url` names any reachable PostgreSQL (the engine needs a connection to open,
 * not to diff).
 */
export async function diffPostgresMigrationsToSchema(
  url: string,
  options: { from?: 'snapshot' | 'empty' } = {},
): Promise<string> {
  const snapshot =
    options.from !== 'empty' && existsSync(PG_SNAPSHOT) ? readFileSync(PG_SNAPSHOT, 'utf8') : null;
  const current = schemaFor('postgresql');
  const result = await withSchemaEngine(url, (engine) =>
    engine.diff({
      from: snapshot
        ? { tag: 'schemaDatamodel', files: [{ path: PG_SNAPSHOT, content: snapshot }] }
        : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: current }] },
      script: true,
      exitCode: null,
      filters: PG_FILTERS,
    }),
  );
  return (result.stdout ?? '').trim();
}

/** Writes a PostgreSQL migration `name` with `sql` and moves the snapshot to the schema now. */
export function writePostgresMigration(name: string, sql: string): string {
  const dir = join(PG_MIGRATIONS_DIR, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), `${sql}\n`);
  writeFileSync(
    PG_SNAPSHOT,
    `// The datamodel prisma/migrations-postgres adds up to (written by npm run db:migration).\n${schemaFor('postgresql')}`,
  );
  const lock = join(PG_MIGRATIONS_DIR, 'migration_lock.toml');
  if (!existsSync(lock))
    writeFileSync(lock, '# Please do not edit this file manually\nprovider = "postgresql"\n');
  return dir;
}
