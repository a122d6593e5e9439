import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { detailsText, indexTaskForSearch } from './task-search';
import { approvalDefinition, seedPeople, startWorkflow, taskOf } from './test-kit';

const rowsOf = async (taskId: string) =>
  db.$queryRaw<Array<{ title: string; details: string; requester: string }>>`
    SELECT s."title", s."details", s."requester" FROM "ApprovalTaskSearch" s
    JOIN "ApprovalTask" t ON t."searchRowId" = s."rowid" WHERE t."id" = ${taskId}`;
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

describe('the search index', () => {
  it('gets a row for each task the engine creates, with the title, details text and requester', async () => {
    expect(await rowsOf(taskId)).toEqual([
      { title: 'Conference trip', details: 'Lisbon', requester: 'the system' },
    ]);
  });

  it("rewrites a task's row instead of adding a second, and writes nothing when the transaction rolls back", async () => {
    const size = await indexSize();
    const task = await db.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    await db.$transaction((tx) =>
      indexTaskForSearch(tx, { ...task, title: 'Second', details: '{"a":"one"}' }),
    );
    expect(await rowsOf(taskId)).toEqual([{ title: 'Second', details: 'one', requester: 'the system' }]);
    expect(await indexSize()).toBe(size);
    const rewritten = await db.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    await expect(
      db.$transaction(async (tx) => {
        await indexTaskForSearch(tx, { ...rewritten, title: 'Third' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await rowsOf(taskId)).toEqual([{ title: 'Second', details: 'one', requester: 'the system' }]);
    expect((await db.approvalTask.findUniqueOrThrow({ where: { id: taskId } })).searchRowId).toBe(
      rewritten.searchRowId,
    );
  });
});
