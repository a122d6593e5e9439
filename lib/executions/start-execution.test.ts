import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { notifier } from '../engine/worker/notifier';
import { createWorkflowVersion } from '../workflows/create-workflow-version';
import { getExecutionOrThrow } from './describe-execution';
import { MAX_PAYLOAD_BYTES } from './payload';
import { startExecution } from './start-execution';
import { createTestWorkflow, passDefinition, runEngineUntilIdle, testActor } from './test-support';

let workflowId: string;
beforeAll(async () => {
  workflowId = (await createTestWorkflow('orders')).id;
});

describe('startExecution', () => {
  it('answers with the detail the execution has, without reading it back (a generated name, an API key requester)', async () => {
    const actor = {
      type: 'apiKey' as const,
      id: 'SOKEY',
      label: 'ci',
      scopes: ['executions:write' as const],
    };
    await db.apiKey.create({
      data: {
        id: 'SOKEY',
        name: 'ci',
        secretHash: 'x',
        secretCiphertext: 'x',
        scopes: '["executions:write"]',
      },
    });
    const { execution, created } = await startExecution({ workflowId, input: '{"b":[1]}', actor });
    expect(created).toBe(true);
    expect(execution.name).toMatch(/^[0-9a-f-]{36}$/);
    expect(execution.requester).toEqual({ type: 'apiKey', id: 'SOKEY' });
    expect(execution).toEqual(await getExecutionOrThrow({ id: execution.id, actor: testActor }));
  });

  it('starts a RUNNING execution, writes the engine start and an audit entry, then wakes the engine', async () => {
    // No worker runs in this file, so every 'wake' heard here is notifyEngine() after a commit.
    let wakes = 0;
    const heard = () => (wakes += 1);
    notifier.on('wake', heard);
    const { execution, created } = await startExecution({
      workflowId,
      name: 'first',
      input: '{"a":1}',
      actor: testActor,
    }).finally(() => notifier.off('wake', heard));
    expect(created).toBe(true);
    expect(execution).toMatchObject({
      name: 'first',
      status: 'RUNNING',
      workflowName: 'orders',
      version: 1,
      input: { a: 1 },
      output: null,
    });
    expect(
      await db.historyEvent.count({ where: { executionId: execution.id, type: 'ExecutionStarted' } }),
    ).toBe(1);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: 'EXECUTION_STARTED', targetId: execution.id },
    });
    expect(JSON.parse(audit.data)).toEqual({
      executionId: execution.id,
      workflowId,
      version: 1,
      name: 'first',
    });
    expect(wakes).toBe(1);
    await runEngineUntilIdle();
    expect(await getExecutionOrThrow({ id: execution.id, actor: testActor })).toMatchObject({
      status: 'SUCCEEDED',
      output: 'done',
    });
  });

  it('is idempotent by name: same input returns the same execution; another input is a CONFLICT', async () => {
    const one = await startExecution({
      workflowId: 'orders',
      name: 'same',
      input: '{"a":1,"b":[1,2]}',
      actor: testActor,
    });
    const two = await startExecution({
      workflowId,
      name: 'same',
      input: '{ "b": [1, 2], "a": 1 }',
      actor: testActor,
    });
    expect(two).toMatchObject({ created: false, execution: { id: one.execution.id } });
    await expect(
      startExecution({ workflowId, name: 'same', input: '{"a":2}', actor: testActor }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { awsErrorType: 'ExecutionAlreadyExists' },
    });
    expect(await db.execution.count({ where: { name: 'same' } })).toBe(1);
  });

  it('refuses input over 256 KiB with LIMIT_EXCEEDED and writes nothing', async () => {
    const counts = async () => [
      await db.execution.count(),
      await db.auditEntry.count(),
      await db.historyEvent.count(),
    ];
    const before = await counts();
    const input = JSON.stringify({ blob: 'x'.repeat(MAX_PAYLOAD_BYTES) });
    await expect(startExecution({ workflowId, name: 'big', input, actor: testActor })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
    expect(await counts()).toEqual(before);
  });

  it('rejects bad names, non-JSON input and unknown workflows', async () => {
    for (const name of ['', 'a b', 'x'.repeat(81), 'semi;colon', 'tab\t', 'a/b']) {
      await expect(startExecution({ workflowId, name, actor: testActor })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
    await expect(startExecution({ workflowId, input: '{nope', actor: testActor })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(startExecution({ workflowId: 'missing', actor: testActor })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(startExecution({ workflowId, version: 99, actor: testActor })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await startExecution({ workflowId, name: 'émoji-✓_ok.1', actor: testActor })).created).toBe(true);
  });

  it('pins the current version; later versions do not move running executions', async () => {
    const { execution: v1 } = await startExecution({ workflowId, name: 'pinned-1', actor: testActor });
    await createWorkflowVersion({ workflowId, definition: passDefinition('v2'), actor: testActor });
    const { execution: v2 } = await startExecution({ workflowId, name: 'pinned-2', actor: testActor });
    const { execution: old } = await startExecution({
      workflowId,
      name: 'pinned-old',
      version: 1,
      actor: testActor,
    });
    expect([v1.version, v2.version, old.version]).toEqual([1, 2, 1]);
    const row = await db.execution.findUniqueOrThrow({
      where: { id: v1.id },
      select: { workflowVersion: { select: { version: true } } },
    });
    expect(row.workflowVersion.version).toBe(1);
  });

  it('writes no row and no audit entry when the engine start fails inside the transaction', async () => {
    // The engine cannot begin an execution whose pinned definition does not parse: a real
    // failure inside the start transaction (the row is written first, the audit after).
    const broken = await createTestWorkflow('broken');
    await db.workflowVersion.updateMany({
      where: { workflowId: broken.id },
      data: { definition: '{"StartAt":' },
    });
    const audits = await db.auditEntry.count();
    await expect(startExecution({ workflowId: broken.id, name: 'doomed', actor: testActor })).rejects.toThrow(
      SyntaxError,
    );
    expect(await db.execution.count({ where: { name: 'doomed' } })).toBe(0);
    expect(await db.historyEvent.count({ where: { execution: { name: 'doomed' } } })).toBe(0);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it('gives one execution to concurrent starts with the same name', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => startExecution({ workflowId, name: 'race', input: '{}', actor: testActor })),
    );
    expect(new Set(results.map((r) => r.execution.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });
});
