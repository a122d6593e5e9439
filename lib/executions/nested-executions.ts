/**
 * Nested workflows, fully local: `arn:aws:states:::states:startExecution` starts a Signoff
 * execution as a child, in the transaction that pauses the parent's Task state.
 *
 * - no suffix: answers at once with `{ ExecutionArn, StartDate }`;
 * - `.sync` / `.sync:2`: waits for the child; the child's end answers the task in the child's
 *   own ending transaction with DescribeExecution's shape (`.sync` keeps Input and Output as
 *   JSON text, `.sync:2` parses them). A child that fails, times out or is stopped fails the
 *   task with `States.TaskFailed` and that description as the cause, as AWS does;
 * - `.waitForTaskToken`: starts the child and waits for SendTaskSuccess with the parent's token.
 *
 * The child's input carries `AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID` (the parent's ARN)
 * when it is an object, and its row points at the parent (parentExecutionId, and for a waiting
 * task parentTaskTokenId). A parent task that ends without an answer (stop, timeout, a failed
 * sibling branch) stops its running children in the same transaction.
 */
import type { JsonObject, JsonValue } from '../asl';
import type { Actor } from '../auth/actor';
import type { Tx } from '../db/client';
import {
  executionArnOf,
  finishToken,
  onExecutionEnded,
  onTokensEnded,
  registerIntegration,
  stopExecution,
  type EndedChild,
  type Integration,
  type TaskStart,
} from '../engine';
import { AppError, isAppError } from '../errors';
import { randomUUID } from 'node:crypto';
import { AWS_NAME_PATTERN } from '../workflows/schemas';
import { findStartableWorkflow, startInTransaction } from './start-execution';

const RESOURCE = 'arn:aws:states:::states:startExecution';
const PATTERNS = ['', '.sync', '.sync:2', '.waitForTaskToken'] as const;
type Pattern = (typeof PATTERNS)[number];

const patternOf = (resource: string): Pattern | undefined =>
  PATTERNS.find((pattern) => resource === `${RESOURCE}${pattern}`);

export const STARTED_BY = 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID';

interface ChildRequest {
  workflow: string;
  name?: string;
  input: string;
}

/** StartExecution's own errors as the task's outcome, named as Step Functions names them. */
export function startExecutionFailure(error: unknown): { error: string; cause: string } {
  if (!isAppError(error)) throw error;
  const type =
    (error.details as { awsErrorType?: string } | undefined)?.awsErrorType ?? 'InvalidExecutionInput';
  return { error: `StepFunctions.${type}Exception`, cause: error.message };
}

const startFailure = (error: unknown) => ({ kind: 'done' as const, outcome: startExecutionFailure(error) });

/**
 * The task's Parameters: StateMachineArn (any region or account, a version or alias suffix
 * ignored), Input, Name. Express runs start children with them too (start-sync-execution.ts).
 */
export function childRequest(params: JsonValue, parentArn: string): ChildRequest {
  if (params === null || typeof params !== 'object' || Array.isArray(params))
    throw new AppError('INVALID_INPUT', 'The parameters of states:startExecution must be an object.', {
      details: { awsErrorType: 'InvalidExecutionInput' },
    });
  const arn = params.StateMachineArn;
  const parts = typeof arn === 'string' ? arn.split(':') : [];
  if (
    typeof arn !== 'string' ||
    (arn.startsWith('arn:') && (parts.length < 7 || parts[5] !== 'stateMachine'))
  )
    throw new AppError('INVALID_INPUT', `StateMachineArn '${String(arn)}' is not a state machine ARN.`, {
      details: { awsErrorType: 'InvalidArn' },
    });
  const workflow = arn.startsWith('arn:') ? parts[6] : arn;
  if (params.Name !== undefined && (typeof params.Name !== 'string' || !AWS_NAME_PATTERN.test(params.Name)))
    throw new AppError('INVALID_INPUT', `Name '${String(params.Name)}' is not a valid execution name.`, {
      details: { awsErrorType: 'InvalidName' },
    });
  return { workflow, name: params.Name, input: childInput(params.Input, parentArn) };
}

function childInput(input: JsonValue | undefined, parentArn: string): string {
  let value: JsonValue = input ?? {};
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as JsonValue;
    } catch {
      throw new AppError('INVALID_INPUT', 'Input is a string that is not JSON.', {
        details: { awsErrorType: 'InvalidExecutionInput' },
      });
    }
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(STARTED_BY in value))
    value = { ...value, [STARTED_BY]: parentArn };
  return JSON.stringify(value);
}

/** The child's rows (startExecution's), written when the parent's session commits. */
async function startChild(
  tx: Tx,
  task: TaskStart,
  options: { taskTokenId?: string; name?: string; startedAt?: Date },
) {
  const { execution, pinned } = task.session;
  const parentArn = executionArnOf(pinned.workflowName, execution.name);
  const request = childRequest(task.input, parentArn);
  const parent = await tx.execution.findUniqueOrThrow({
    where: { id: execution.id },
    select: { requesterUserId: true, requesterApiKeyId: true },
  });
  const requester: Actor = parent.requesterUserId
    ? { type: 'user', id: parent.requesterUserId }
    : parent.requesterApiKeyId
      ? { type: 'apiKey', id: parent.requesterApiKeyId }
      : { type: 'system' as const };
  const name = options.name ?? request.name ?? randomUUID();
  const { taskTokenId, startedAt } = options;
  const { execution: child, created } = await startInTransaction(
    tx,
    {
      workflowId: request.workflow,
      name,
      input: request.input,
      actor: { type: 'system', label: `execution ${parentArn}` },
      requester,
      parent: { executionId: execution.id, ...(taskTokenId ? { taskTokenId } : {}) },
      ...(startedAt ? { startedAt } : {}),
    },
    '',
  );
  // A child is always new: a name already taken is refused, whatever the input.
  if (!created) throw nameTaken(name);
  return child;
}

const nameTaken = (name: string) =>
  new AppError('CONFLICT', `An execution named "${name}" already exists.`, {
    details: { awsErrorType: 'ExecutionAlreadyExists' },
  });

const startExecutionIntegration: Integration = {
  name: 'states:startExecution',
  matches: (resource) => patternOf(resource) !== undefined,
  async start(query, task) {
    const pattern = patternOf(task.resource) ?? '';
    // Refuse a bad request before anything is written; the child starts when the parent's step
    // commits (a child whose name was taken meanwhile fails that commit: the step runs again
    // and answers ExecutionAlreadyExists).
    let planned: { workflowName: string; name?: string };
    try {
      planned = await checkStartable(query, task);
    } catch (error) {
      return startFailure(error);
    }
    if (pattern === '') {
      const name = planned.name ?? randomUUID();
      const startedAt = task.session.now;
      task.session.write(async (tx) => {
        await startChild(tx, task, { name, startedAt });
      });
      const output = {
        ExecutionArn: executionArnOf(planned.workflowName, name),
        StartDate: startedAt.getTime(),
      };
      return { kind: 'done', outcome: { output } };
    }
    return pattern === '.waitForTaskToken' ? { kind: 'callback' } : { kind: 'child' };
  },
  async issued(tx, task, taskTokenId) {
    await startChild(tx, task, { taskTokenId });
  },
};

/** What would make the child's start fail, checked (reads only) before anything is written. */
async function checkStartable(query: Tx, task: TaskStart): Promise<{ workflowName: string; name?: string }> {
  const { workflow, name } = childRequest(task.input, '');
  const found = await findStartableWorkflow(query, workflow);
  if (name !== undefined && (await query.execution.count({ where: { workflowId: found.id, name } })))
    throw nameTaken(name);
  return { workflowName: found.name, ...(name !== undefined ? { name } : {}) };
}

/** DescribeExecution's shape of an ended child; `.sync:2` parses Input and Output. */
function describeChild(child: EndedChild, parsed: boolean): JsonObject {
  const text = (value: JsonValue | undefined) => (value === undefined ? undefined : JSON.stringify(value));
  const input = parsed ? (JSON.parse(child.input) as JsonValue) : child.input;
  const output = parsed ? child.output : text(child.output);
  return {
    ExecutionArn: child.executionArn,
    StateMachineArn: child.stateMachineArn,
    Name: child.name,
    Status: child.status,
    StartDate: child.startDate.getTime(),
    StopDate: child.stopDate.getTime(),
    Input: input,
    InputDetails: { Included: true },
    ...(output !== undefined ? { Output: output, OutputDetails: { Included: true } } : {}),
    ...(child.error ? { Error: child.error } : {}),
    ...(child.cause ? { Cause: child.cause } : {}),
  };
}

/** A `.sync` child ended: answer its parent's task (unless it ended already). */
async function answerParent(tx: Tx, child: EndedChild): Promise<void> {
  if (!child.parentTaskTokenId) return;
  const token = await tx.taskToken.findUnique({
    where: { id: child.parentTaskTokenId },
    select: { id: true, executionId: true, frameId: true, kind: true, status: true, resource: true },
  });
  if (!token || token.kind !== 'child' || token.status !== 'PENDING') return;
  const description = describeChild(child, token.resource.endsWith('.sync:2'));
  const outcome =
    child.status === 'SUCCEEDED'
      ? { output: description }
      : { error: 'States.TaskFailed', cause: JSON.stringify(description) };
  await finishToken(tx, token, outcome, child.stopDate);
}

/** The parent's task ended without an answer: its running children stop with it. */
async function stopChildren(tx: Tx, tokenIds: string[]): Promise<void> {
  const children = await tx.execution.findMany({
    where: { parentTaskTokenId: { in: tokenIds }, status: 'RUNNING' },
    select: { id: true },
  });
  for (const child of children) {
    await stopExecution(tx, {
      executionId: child.id,
      error: 'States.Aborted',
      cause: 'The parent execution ended its task that waited on this execution.',
      by: 'the parent execution',
    });
  }
}

export function registerNestedExecutions(): void {
  registerIntegration(startExecutionIntegration);
  onExecutionEnded(answerParent);
  onTokensEnded((tx, ended) => stopChildren(tx, ended.tokenIds));
}
