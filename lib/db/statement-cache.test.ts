/** The prepared-statement cache under Prisma's adapter: one statement per SQL text, arguments bound per call. */
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { db } from './client';
import { isPostgres } from './database-url';
import { cacheStatements } from './statement-cache';

describe('the statement cache', () => {
  it('prepares a SQL text once and binds each call its own arguments, as the adapter calls it', () => {
    const database = new Database(':memory:');
    const compile = vi.spyOn(database, 'prepare');
    cacheStatements(database);
    database.prepare('CREATE TABLE t (n INTEGER)').bind([]).run();
    const insert = (n: number) => database.prepare('INSERT INTO t (n) VALUES (?)').bind([n]).run();
    expect(insert(1).changes).toBe(1);
    expect(insert(2).changes).toBe(1);
    const read = (min: number) => {
      const statement = database.prepare('SELECT n FROM t WHERE n >= ? ORDER BY n').bind([min]);
      return {
        reader: statement.reader,
        columns: statement.columns().map((c) => c.name),
        rows: statement.raw().all(),
      };
    };
    expect(read(1)).toEqual({ reader: true, columns: ['n'], rows: [[1], [2]] });
    expect(read(2).rows).toEqual([[2]]);
    database.prepare('BEGIN').run(); // unbound, as the adapter begins a transaction
    database.prepare('ROLLBACK').run();
    // CREATE, INSERT, SELECT, BEGIN, ROLLBACK: each compiled once however often it ran
    expect(compile).toHaveBeenCalledTimes(5);
    database.close();
  });

  it.skipIf(isPostgres())(
    'serves the Prisma client on SQLite: the same query with other values, inside and outside a transaction',
    async () => {
      await db.group.createMany({ data: [{ name: 'a' }, { name: 'b' }] });
      expect((await db.group.findUnique({ where: { name: 'a' } }))?.name).toBe('a');
      expect((await db.group.findUnique({ where: { name: 'b' } }))?.name).toBe('b');
      await db.$transaction(async (tx) => {
        expect((await tx.group.findUnique({ where: { name: 'b' } }))?.name).toBe('b');
        await tx.group.update({ where: { name: 'a' }, data: { description: 'first' } });
      });
      expect((await db.group.findUnique({ where: { name: 'a' } }))?.description).toBe('first');
    },
  );
});
