/**
 * Prisma's better-sqlite3 adapter prepares every statement it runs, each time (`prepare(sql)
 * .bind(args)`): compiling the SQL was 6–9% of the CPU of a server under load and of the engine
 * making approval steps. This keeps one prepared statement per SQL text on the adapter's
 * connection and hands the adapter a facade with the same `bind` → `run` / `columns` /
 * `raw().all()` it uses, binding the arguments per call instead of once for good.
 * better-sqlite3 runs a statement to completion synchronously, so one statement object serves
 * every caller in turn.
 */
import type { Database, Statement } from 'better-sqlite3';

/** SQL texts kept; Prisma's are a few hundred shapes, so this is a bound, not a working set. */
const MAX_STATEMENTS = 1000;

class BoundStatement {
  private args: unknown[] = [];

  constructor(private readonly statement: Statement) {}

  bind(args: unknown[]): this {
    this.args = args;
    return this;
  }

  get reader(): boolean {
    return this.statement.reader;
  }

  run() {
    return this.statement.run(...this.args);
  }

  columns() {
    return this.statement.columns();
  }

  raw() {
    const raw = this.statement.raw(true);
    return { all: () => raw.all(...this.args) };
  }
}

/** Makes `database.prepare` (as the adapter calls it) reuse one statement per SQL text. */
export function cacheStatements(database: Database): void {
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, Statement>();
  (database as { prepare: unknown }).prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return new BoundStatement(statement);
  };
}

/** The connection of a connected Prisma better-sqlite3 adapter (its `client`), if it has one. */
export function adapterConnection(adapter: unknown): Database | undefined {
  const client = (adapter as { client?: { prepare?: unknown } }).client;
  return typeof client?.prepare === 'function' ? (client as Database) : undefined;
}
