/**
 * Prisma's better-sqlite3 adapter runs everything on one connection. It serializes interactive
 * transactions with a mutex, but a query made outside any transaction (`db.x.update(…)`) runs
 * at once on that same connection — inside whatever transaction another request has open. It
 * then reads that transaction's uncommitted rows, and its writes are committed or rolled back
 * with it: a rollback (a lost race retried by runAudited, a refused request) silently undoes
 * an unrelated write such as an outbox message marked sent.
 *
 * The gate closes that hole: a transaction holds it from BEGIN to COMMIT/ROLLBACK, and a query
 * outside any transaction waits for it. Queries made through `db` from inside a transaction's
 * own callback pass (they already belong to that transaction; waiting would deadlock).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';
import { adapterConnection, cacheStatements } from './statement-cache';

/** Set while a `db.$transaction` callback runs (cleared when it settles, for timers it started). */
const transactionScope = new AsyncLocalStorage<{ open: boolean }>();

/** Runs a `$transaction` callback marked as inside its transaction. */
export function insideTransaction<T>(run: () => Promise<T>): Promise<T> {
  const scope = { open: true };
  return transactionScope.run(scope, () => run().finally(() => (scope.open = false)));
}

/** One holder at a time, first come first served. */
class Gate {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const turn = this.tail.then(() => once(release));
    this.tail = this.tail.then(() => held);
    return turn;
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

function gatedTransaction(transaction: Transaction, release: () => void): Transaction {
  return new Proxy(transaction, {
    get(target, property, receiver) {
      if (property === 'commit' || property === 'rollback') return () => target[property]().finally(release);
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function gatedAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const gate = new Gate();
  const outside = async <T>(run: () => Promise<T>): Promise<T> => {
    if (transactionScope.getStore()?.open) return run();
    const release = await gate.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'queryRaw' || property === 'executeRaw')
        return (query: Parameters<SqlDriverAdapter['queryRaw']>[0]) =>
          outside(() => target[property](query) as Promise<never>);
      if (property === 'executeScript')
        return (script: string) => outside(() => target.executeScript(script));
      if (property === 'startTransaction')
        return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => {
          const release = await gate.acquire();
          try {
            return gatedTransaction(await target.startTransaction(...args), release);
          } catch (error) {
            release();
            throw error;
          }
        };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The factory Prisma is given: its adapters are gated, and reuse their prepared statements. */
export function gatedAdapterFactory<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect')
        return async () => {
          const adapter = await target.connect();
          const connection = adapterConnection(adapter);
          if (connection) cacheStatements(connection);
          return gatedAdapter(adapter);
        };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
