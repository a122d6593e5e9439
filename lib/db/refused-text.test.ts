/**
 * PostgreSQL refuses a NUL character (U+0000) in text, which SQLite stores. The client turns the
 * refusal into AppError INVALID_INPUT wherever it happens — a model call, a raw statement, inside
 * an interactive transaction — so an API answers 400 and a form (an approval link's comment) says
 * what was wrong, and nothing is written. PostgreSQL runs only.
 */
import { describe, expect, it } from 'vitest';
import { decideTaskByToken } from '../approvals/decide-task-by-token';
import { approvalDefinition, linksFor, seedPeople, startWorkflow, taskOf } from '../approvals/test-kit';
import { AppError } from '../errors';
import { db } from './client';
import { isPostgres } from './database-url';

const NUL = '\u0000';
const refusal = { code: 'INVALID_INPUT', message: 'Text may not contain the NUL character (U+0000).' };

describe.runIf(isPostgres())('text PostgreSQL refuses', () => {
  it('is an INVALID_INPUT AppError from a model call, a raw statement and a transaction, with nothing written', async () => {
    const attempts = [
      () => db.group.create({ data: { name: `ops${NUL}` } }),
      () => db.$executeRawUnsafe('INSERT INTO "Group" ("id", "name") VALUES ($1, $2)', 'g1', `ops${NUL}`),
      () =>
        db.$transaction(async (tx) => {
          await tx.group.create({ data: { name: 'first, then refused' } });
          await tx.group.create({ data: { name: `ops${NUL}` } });
        }),
    ];
    for (const attempt of attempts) {
      const error = await attempt().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject(refusal);
    }
    expect(await db.group.count()).toBe(0);
  });

  it("in an approval link's comment: the decision is refused as invalid input and the task stays open", async () => {
    await seedPeople();
    const executionId = await startWorkflow(
      approvalDefinition({ Title: 'Order', Approvers: ['alice@example.com'] }),
    );
    const [token] = await linksFor('alice@example.com');
    await expect(
      decideTaskByToken({ token, decision: 'approve', comment: `fine${NUL}` }),
    ).rejects.toMatchObject(refusal);
    const task = await taskOf(executionId);
    expect(task.status).toBe('PENDING');
    expect(await db.auditEntry.count({ where: { action: { contains: 'DECIDED' } } })).toBe(0);
  });
});
