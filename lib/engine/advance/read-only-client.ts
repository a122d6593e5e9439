/**
 * The Prisma client a stepping session reads through in a worker's pass (advance-batch.ts):
 * reads go to the database as they are; a write throws, because nothing a step writes may
 * commit apart from the session's batch. A step writes other services' rows with
 * `session.write` instead, which runs them in the transaction that commits the batch.
 */
import type { Tx } from '../../db/client';

const WRITES = new Set([
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
  '$executeRaw',
  '$executeRawUnsafe',
  '$transaction',
]);

export class WriteOutsideBatch extends Error {
  constructor(operation: string) {
    super(
      `A step called ${operation} outside its batch: other services' rows are written with session.write.`,
    );
    this.name = 'WriteOutsideBatch';
  }
}

/** `client` with every write refused; models' read methods and raw queries pass through. */
export function readOnlyClient(client: Tx): Tx {
  const guard = <T extends object>(target: T, path: string): T =>
    new Proxy(target, {
      get(object, key) {
        if (typeof key === 'string' && WRITES.has(key)) throw new WriteOutsideBatch(`${path}${key}`);
        const value: unknown = Reflect.get(object, key);
        if (typeof value === 'function') return (value as (...args: unknown[]) => unknown).bind(object);
        if (value !== null && typeof value === 'object' && typeof key === 'string' && path === '')
          return guard(value, `${key}.`);
        return value;
      },
    });
  return guard(client, '');
}
