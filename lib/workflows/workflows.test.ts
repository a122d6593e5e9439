import { describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { createWorkflow } from './create-workflow';
import { createWorkflowVersion } from './create-workflow-version';
import { deleteWorkflow } from './delete-workflow';
import { getWorkflowOrThrow, getWorkflowVersionOrThrow } from './get-workflow-or-throw';
import { listWorkflows } from './list-workflows';

const actor = { type: 'system' as const, label: 'test' };
const pass = (result: string) =>
  JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Result: result, End: true } } });

describe('workflows', () => {
  it('creates version 1 with an audit entry in the same transaction', async () => {
    const workflow = await createWorkflow({
      name: 'wf-create',
      definition: pass('1'),
      description: 'demo',
      tags: { team: 'ops' },
      actor,
    });
    expect(workflow).toMatchObject({
      name: 'wf-create',
      currentVersion: 1,
      tags: { team: 'ops' },
      definition: pass('1'),
    });
    expect(workflow.versions).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { action: 'WORKFLOW_CREATED', targetId: workflow.id } })).toBe(
      1,
    );
    await expect(createWorkflow({ name: 'wf-create', definition: pass('1'), actor })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('refuses an invalid definition with every diagnostic and writes nothing', async () => {
    const audits = await db.auditEntry.count();
    const definition = JSON.stringify({
      StartAt: 'Missing',
      States: { A: { Type: 'Pass', Next: 'Nowhere' }, B: { Type: 'Bogus' } },
    });
    const error = await createWorkflow({ name: 'wf-bad', definition, actor }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    const details = (error as { details: { path: string; code: string; message: string }[] }).details;
    expect(details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['/StartAt', '/States/A/Next', '/States/B/Type']),
    );
    expect(details.every((d) => d.message && d.code)).toBe(true);
    expect(await db.workflow.count({ where: { name: 'wf-bad' } })).toBe(0);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it('adds immutable versions; the same text again adds none', async () => {
    const { id } = await createWorkflow({ name: 'wf-versions', definition: pass('1'), actor });
    const same = await createWorkflowVersion({ workflowId: id, definition: pass('1'), actor });
    expect(same.created).toBe(false);
    const v2 = await createWorkflowVersion({ workflowId: 'wf-versions', definition: pass('2'), actor });
    expect(v2).toMatchObject({ created: true, workflow: { currentVersion: 2, definition: pass('2') } });
    expect(v2.workflow.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await getWorkflowVersionOrThrow({ workflowId: id, version: 1, actor })).definition).toBe(
      pass('1'),
    );
    expect(await db.auditEntry.count({ where: { action: 'WORKFLOW_VERSION_CREATED', targetId: id } })).toBe(
      1,
    );
    await expect(
      createWorkflowVersion({ workflowId: 'nope', definition: pass('3'), actor }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists, gets and soft-deletes (the name becomes free again)', async () => {
    const { id } = await createWorkflow({ name: 'wf-delete', definition: pass('1'), actor });
    expect((await listWorkflows()).map((w) => w.name)).toContain('wf-delete');
    expect((await getWorkflowOrThrow({ id: 'wf-delete', actor })).id).toBe(id);
    expect(await deleteWorkflow({ id, actor })).toEqual({ id, name: 'wf-delete' });
    expect((await listWorkflows()).map((w) => w.name)).not.toContain('wf-delete');
    await expect(getWorkflowOrThrow({ id, actor })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteWorkflow({ id, actor })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await createWorkflow({ name: 'wf-delete', definition: pass('again'), actor })).id).not.toBe(id);
    expect(await db.auditEntry.count({ where: { action: 'WORKFLOW_DELETED', targetId: id } })).toBe(1);
  });
});
