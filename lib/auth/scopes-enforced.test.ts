/**
 * Every service an API key can reach checks its scope itself, first: a key without the scope is
 * FORBIDDEN and nothing is written; a key with only that scope gets past the check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../activities/create-activity';
import { deleteActivity } from '../activities/delete-activity';
import { getActivityOrThrow } from '../activities/describe-activity';
import { listActivities } from '../activities/list-activities';
import { pollActivity } from '../activities/poll-activity';
import { exportAudit } from '../audit/export-audit';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { db } from '../db/client';
import { completeTask } from '../executions/complete-task';
import { getExecutionOrThrow } from '../executions/describe-execution';
import { getExecutionHistory } from '../executions/get-execution-history';
import { listExecutions } from '../executions/list-executions';
import { redriveExecution } from '../executions/redrive-execution';
import { startExecution } from '../executions/start-execution';
import { stopExecution } from '../executions/stop-execution';
import {
  callbackDefinition,
  createTestWorkflow,
  runEngineUntilIdle,
  taskTokenFromHistory,
  testActor,
} from '../executions/test-support';
import { changeTags, getTags } from '../tags/change-tags';
import { checkDefinition } from '../workflows/check-definition';
import { createWorkflow } from '../workflows/create-workflow';
import { createWorkflowVersion } from '../workflows/create-workflow-version';
import { deleteWorkflow } from '../workflows/delete-workflow';
import { getWorkflowOrThrow, getWorkflowVersionOrThrow } from '../workflows/get-workflow-or-throw';
import { listWorkflows } from '../workflows/list-workflows';
import type { Actor } from './actor';
import { API_SCOPES, type ApiScope } from './scopes';

const key = (scopes: string[]): Actor => ({ type: 'apiKey', id: 'SOSCOPED', label: 'scoped', scopes });
const everyScopeBut = (scope: ApiScope) => key(API_SCOPES.filter((s) => s !== scope && s !== 'admin'));

let executionId: string;
let taskToken: string;
const definition = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
const workflow = { kind: 'workflow' as const, name: 'scoped-wf' };

beforeAll(async () => {
  const { id: workflowId } = await createTestWorkflow('scoped-wf', callbackDefinition());
  await createActivity({ name: 'scoped-act', actor: testActor });
  const { execution } = await startExecution({ workflowId, name: 'waiting', actor: testActor });
  executionId = execution.id;
  await runEngineUntilIdle();
  const { events } = await getExecutionHistory({ executionId, maxResults: 100, actor: testActor });
  taskToken = taskTokenFromHistory(events);
});

/** Each service entry point with the scope it needs, called as `actor`. */
const calls: [string, ApiScope, (actor: Actor) => Promise<unknown>][] = [
  ['listWorkflows', 'workflows:read', (actor) => listWorkflows({ actor })],
  ['getWorkflowOrThrow', 'workflows:read', (actor) => getWorkflowOrThrow({ id: 'scoped-wf', actor })],
  [
    'getWorkflowVersionOrThrow',
    'workflows:read',
    (actor) => getWorkflowVersionOrThrow({ workflowId: 'scoped-wf', version: 1, actor }),
  ],
  ['checkDefinition', 'workflows:read', async (actor) => checkDefinition({ definition, actor })],
  ['getTags', 'workflows:read', (actor) => getTags({ resource: workflow, actor })],
  ['listActivities', 'workflows:read', (actor) => listActivities({ actor })],
  ['getActivityOrThrow', 'workflows:read', (actor) => getActivityOrThrow({ name: 'scoped-act', actor })],
  ['createWorkflow', 'workflows:write', (actor) => createWorkflow({ name: 'scoped-new', definition, actor })],
  [
    'createWorkflowVersion',
    'workflows:write',
    (actor) => createWorkflowVersion({ workflowId: 'scoped-wf', definition, actor }),
  ],
  ['changeTags', 'workflows:write', (actor) => changeTags({ resource: workflow, add: { a: 'b' }, actor })],
  ['createActivity', 'workflows:write', (actor) => createActivity({ name: 'scoped-act-2', actor })],
  ['deleteActivity', 'workflows:write', (actor) => deleteActivity({ name: 'scoped-act', actor })],
  ['deleteWorkflow', 'workflows:write', (actor) => deleteWorkflow({ id: 'scoped-wf', actor })],
  ['listExecutions', 'executions:read', (actor) => listExecutions({ actor })],
  ['getExecutionOrThrow', 'executions:read', (actor) => getExecutionOrThrow({ id: executionId, actor })],
  ['getExecutionHistory', 'executions:read', (actor) => getExecutionHistory({ executionId, actor })],
  [
    'startExecution',
    'executions:write',
    (actor) => startExecution({ workflowId: 'scoped-wf', name: 'refused', actor }),
  ],
  ['stopExecution', 'executions:write', (actor) => stopExecution({ id: executionId, actor })],
  ['redriveExecution', 'executions:write', (actor) => redriveExecution({ id: executionId, actor })],
  [
    'completeTask (success)',
    'tasks:write',
    (actor) => completeTask({ taskToken, result: { type: 'success', output: '{}' }, actor }),
  ],
  [
    'completeTask (failure)',
    'tasks:write',
    (actor) => completeTask({ taskToken, result: { type: 'failure', error: 'E' }, actor }),
  ],
  [
    'completeTask (heartbeat)',
    'tasks:write',
    (actor) => completeTask({ taskToken, result: { type: 'heartbeat' }, actor }),
  ],
  ['pollActivity', 'activities:poll', (actor) => pollActivity({ name: 'scoped-act', waitSeconds: 0, actor })],
  ['exportAudit', 'audit:read', (actor) => exportAudit({ format: 'json', actor })],
  ['verifyAuditChain', 'audit:read', (actor) => verifyAuditChain({ actor })],
];

async function snapshot() {
  return {
    audit: await db.auditEntry.count(),
    workflows: await db.workflow.findMany({ select: { name: true, tags: true, currentVersion: true } }),
    activities: await db.activity.count(),
    executions: await db.execution.findMany({ select: { id: true, status: true, version: true } }),
    history: await db.historyEvent.count(),
    tokens: await db.taskToken.findMany({ select: { status: true, heartbeatAt: true } }),
  };
}

type Outcome = 'ok' | { code?: string; message?: string };
const codeOf = (promise: Promise<unknown>): Promise<Outcome> =>
  promise.then(
    () => 'ok' as const,
    (error: { code?: string; message?: string }) => ({ code: error.code, message: error.message }),
  );

describe('scopes in the services', () => {
  it('refuse a key without the scope with FORBIDDEN, before anything is written', async () => {
    const before = await snapshot();
    for (const [name, scope, call] of calls) {
      expect(await codeOf(call(everyScopeBut(scope))), name).toEqual({
        code: 'FORBIDDEN',
        message: `This API key lacks the scope ${scope}.`,
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('let a key with only that scope (or admin) past the check', async () => {
    for (const [name, scope, call] of calls) {
      for (const actor of [key([scope]), key(['admin'])]) {
        const result = await codeOf(call(actor));
        expect(result === 'ok' ? result : result.code, `${name} as ${actor.scopes}`).not.toBe('FORBIDDEN');
      }
    }
  });
});

describe('people in the services', () => {
  /** completeTask and pollActivity belong to programs (and approvals reach tokens through their own services). */
  const consoleCalls = calls.filter(([name]) => !name.startsWith('completeTask') && name !== 'pollActivity');

  it('refuse anyone but an active admin, and an email link, before anything is written', async () => {
    const stamp = Date.now().toString(36);
    const [approver, manager, former] = await Promise.all(
      (['approver', 'manager', 'admin'] as const).map((role, i) =>
        db.user.create({ data: { email: `people-${i}-${stamp}@example.com`, role } }),
      ),
    );
    await db.user.update({ where: { id: former.id }, data: { disabledAt: new Date() } });
    const before = await snapshot();
    for (const [name, , call] of consoleCalls) {
      for (const user of [approver, manager, former]) {
        const actor: Actor = { type: 'user', id: user.id, label: user.email };
        expect(await codeOf(call(actor)), `${name} as ${user.role}`).toEqual({
          code: 'FORBIDDEN',
          message: 'Only admins use the admin console.',
        });
      }
      expect(((await codeOf(call({ type: 'link', id: 'task' }))) as { code: string }).code, name).toBe(
        'FORBIDDEN',
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it('let an active admin past the check', async () => {
    const admin = await db.user.create({
      data: { email: `people-admin-${Date.now()}@example.com`, role: 'admin' },
    });
    for (const [name, , call] of consoleCalls) {
      const result = await codeOf(call({ type: 'user', id: admin.id, label: admin.email }));
      expect(result === 'ok' ? result : result.code, name).not.toBe('FORBIDDEN');
    }
  });
});
