/**
 * Prisma migrations without the schema-engine binary: Prisma's own schema engine, compiled to
 * WebAssembly (@prisma/schema-engine-wasm), driven through the better-sqlite3 driver adapter.
 * The migrations it applies and writes are ordinary `prisma/migrations/<name>/migration.sql`
 * files that `prisma migrate deploy` accepts wherever the binary is available.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { EXTERNAL_TABLES } from './external-tables';

const PRISMA_DIR = resolve(process.cwd(), 'prisma');
const SCHEMA_PATH = join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations');
/** The hand-made full-text tables are not the schema's to drop (external-tables.ts). */
const FILTERS = { externalTables: EXTERNAL_TABLES, externalEnums: [] };
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

/**
 * Runs `body` with Prisma's schema engine opened on the SQLite database at `url` (`file:...`),
 * then closes the engine's connections so the file is free for the next writer.
 */
async function withSchemaEngine<T>(url: string, body: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  bgPromise ??= loadWasm();
  const bg = await bgPromise;
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  const factory = new PrismaBetterSqlite3({ url, timeout: 10_000 });
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

function readMigrationsList(upTo?: string) {
  const names = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .filter((name) => !upTo || name <= upTo)
        .sort()
    : [];
  const lockPath = join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
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
          value: readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8'),
        },
      },
    })),
  };
}

/** The migration folders on disk, oldest first. */
export function migrationNames(): string[] {
  return readMigrationsList().migrationDirectories.map((directory) => directory.path);
}

/**
 * Applies every pending migration to the database at `url` (with `upTo`, only those up to that
 * name: a test of a data migration fills the older schema first); returns the names applied.
 */
export async function applyMigrations(url: string, options: { upTo?: string } = {}): Promise<string[]> {
  return withSchemaEngine(url, (engine) => applyWith(engine, options.upTo));
}

async function applyWith(engine: SchemaEngine, upTo?: string): Promise<string[]> {
  const { appliedMigrationNames } = await engine.applyMigrations({
    migrationsList: readMigrationsList(upTo),
    filters: FILTERS,
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
      await applyWith(engine);
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
