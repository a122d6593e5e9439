import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { isPostgres } from '../db/database-url';
import { detailsText, indexTaskForSearch, searchWords, tsQuery } from './task-search';
import { approvalDefinition, seedPeople, startWorkflow, taskOf } from './test-kit';

/** A task's rows in the index: FTS5's columns on SQLite; on PostgreSQL the words of its tsvector. */
const rowsOf = async (taskId: string) =>
  isPostgres()
    ? (
        await db.$queryRaw<Array<{ words: string[] }>>`
          SELECT tsvector_to_array(s."document") AS words FROM "ApprovalTaskSearch" s
          JOIN "ApprovalTask" t ON t."searchRowId" = s."rowid" WHERE t."id" = ${taskId}`
      ).map((row) => row.words.sort().join(' '))
    : db.$queryRaw<Array<{ title: string; details: string; requester: string }>>`
        SELECT s."title", s."details", s."requester" FROM "ApprovalTaskSearch" s
        JOIN "ApprovalTask" t ON t."searchRowId" = s."rowid" WHERE t."id" = ${taskId}`;
/** What rowsOf gives for a task with these texts. */
const row = (title: string, details: string, requester: string) =>
  isPostgres()
    ? searchWords(`${title} ${details} ${requester}`).sort().join(' ')
    : { title, details, requester };
const indexSize = async () =>
  Number((await db.$queryRaw<Array<{ n: bigint }>>`SELECT COUNT(*) AS n FROM "ApprovalTaskSearch"`)[0].n);

let taskId: string;

beforeAll(async () => {
  await seedPeople();
  const executionId = await startWorkflow(
    approvalDefinition({
      Title: 'Conference trip',
      Approvers: ['alice@example.com'],
      Details: { city: 'Lisbon' },
    }),
  );
  taskId = (await taskOf(executionId)).id;
});

describe('detailsText', () => {
  it('keeps the text and number values, nested ones too, in order; not keys, booleans or nulls', () => {
    expect(
      detailsText({
        vendor: 'Acme',
        lines: [
          { item: 'Desk', qty: 2 },
          { item: 'Chair', qty: 4.5 },
        ],
        ok: true,
        none: null,
      }),
    ).toBe('Acme Desk 2 Chair 4.5');
    expect(detailsText('just text')).toBe('just text');
    expect(detailsText(null)).toBe('');
    expect(detailsText({ n: Number.NaN })).toBe('');
  });
});

describe('searchWords and tsQuery (PostgreSQL)', () => {
  it('cut text as FTS5 does: letters and digits, lower-cased, without accents', () => {
    expect(searchWords('Requester@Example.com paid 4.5 in São Paulo — x-1')).toEqual([
      'requester',
      'example',
      'com',
      'paid',
      '4',
      '5',
      'in',
      'sao',
      'paulo',
      'x',
      '1',
    ]);
  });

  it('make a query that is never a syntax error: every word, the last as a prefix from 3 characters', () => {
    expect(tsQuery('quarterly budg')).toBe('quarterly & budg:*');
    expect(tsQuery("a' | !b & (c")).toBe('a & b & c');
    expect(tsQuery('bob@example.com')).toBe('bob & example & com:*');
    expect(tsQuery(' -- ;; ')).toBeNull();
  });
});

describe('the search index', () => {
  it('gets a row for each task the engine creates, with the title, details text and requester', async () => {
    expect(await rowsOf(taskId)).toEqual([row('Conference trip', 'Lisbon', 'the system')]);
  });

  it("rewrites a task's row instead of adding a second, and writes nothing when the transaction rolls back", async () => {
    const size = await indexSize();
    const task = await db.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    await db.$transaction((tx) =>
      indexTaskForSearch(tx, { ...task, title: 'Second', details: '{"a":"one"}' }),
    );
    expect(await rowsOf(taskId)).toEqual([row('Second', 'one', 'the system')]);
    expect(await indexSize()).toBe(size);
    const rewritten = await db.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    await expect(
      db.$transaction(async (tx) => {
        await indexTaskForSearch(tx, { ...rewritten, title: 'Third' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await rowsOf(taskId)).toEqual([row('Second', 'one', 'the system')]);
    expect((await db.approvalTask.findUniqueOrThrow({ where: { id: taskId } })).searchRowId).toBe(
      rewritten.searchRowId,
    );
  });
});
