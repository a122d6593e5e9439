import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { detailsText, indexTaskForSearch } from './task-search';
import { approvalDefinition, seedPeople, startWorkflow, taskOf } from './test-kit';

const rowsOf = async (taskId: string) =>
  db.$queryRaw<Array<{ title: string; details: string; requester: string }>>`
    SELECT "title", "details", "requester" FROM "ApprovalTaskSearch" WHERE "taskId" = ${taskId}`;

beforeAll(async () => {
  await seedPeople();
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

describe('the search index', () => {
  it('gets a row for each task the engine creates, with the title, details text and requester', async () => {
    const executionId = await startWorkflow(
      approvalDefinition({
        Title: 'Conference trip',
        Approvers: ['alice@example.com'],
        Details: { city: 'Lisbon' },
      }),
    );
    const task = await taskOf(executionId);
    expect(await rowsOf(task.id)).toEqual([
      { title: 'Conference trip', details: 'Lisbon', requester: 'the system' },
    ]);
  });

  it('rewrites a row instead of adding a second, and writes nothing when the transaction rolls back', async () => {
    const task = { id: 'search-test-1', title: 'First', details: '{"a":"one"}', requesterLabel: null };
    await db.$transaction((tx) => indexTaskForSearch(tx, task));
    await db.$transaction((tx) => indexTaskForSearch(tx, { ...task, title: 'Second' }));
    expect(await rowsOf(task.id)).toEqual([{ title: 'Second', details: 'one', requester: '' }]);
    await expect(
      db.$transaction(async (tx) => {
        await indexTaskForSearch(tx, { ...task, id: 'search-test-2' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await rowsOf('search-test-2')).toEqual([]);
  });

  it('finds a row by a task id that tokenizes into several words without touching a similar one', async () => {
    const base = { title: 'T', details: 'null', requesterLabel: null };
    await db.$transaction((tx) => indexTaskForSearch(tx, { ...base, id: 'task-1' }));
    await db.$transaction((tx) => indexTaskForSearch(tx, { ...base, id: 'task-1-b' }));
    await db.$transaction((tx) => indexTaskForSearch(tx, { ...base, id: 'task-1', title: 'Again' }));
    expect(await rowsOf('task-1')).toEqual([{ title: 'Again', details: '', requester: '' }]);
    expect(await rowsOf('task-1-b')).toEqual([{ title: 'T', details: '', requester: '' }]);
  });
});
