/** ARN → row lookups, each failing with the AWS error its actions document. */
import { db } from '../db/client';
import { parseArnOf } from './arn';
import { sfnError } from './sfn-error';

const workflowSelect = {
  id: true,
  name: true,
  description: true,
  type: true,
  currentVersion: true,
  tags: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type StateMachineRow = Awaited<ReturnType<typeof findStateMachine>>;

/** A live state machine by name; StateMachineDoesNotExist otherwise. */
async function findStateMachine(name: string) {
  const row = await db.workflow.findFirst({ where: { name, deletedAt: null }, select: workflowSelect });
  if (!row) throw sfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${name}'`);
  return row;
}

/**
 * A state machine ARN, a version ARN (`…:stateMachine:name:3`) or an alias ARN
 * (`…:stateMachine:name:prod`); the version or alias must exist.
 */
export async function resolveStateMachine(
  arn: string,
): Promise<{ workflow: StateMachineRow; version?: number; alias?: string }> {
  const parsed = parseArnOf(arn, 'stateMachine');
  const workflow = await findStateMachine(parsed.name);
  if (parsed.alias !== undefined) {
    const alias = await db.workflowAlias.findUnique({
      where: { workflowId_name: { workflowId: workflow.id, name: parsed.alias } },
      select: { id: true },
    });
    if (!alias) throw sfnError('ResourceNotFound', `Resource Not Found: '${arn}'`);
    return { workflow, alias: parsed.alias };
  }
  if (parsed.version === undefined) return { workflow };
  const version = await db.workflowVersion.findUnique({
    where: { workflowId_version: { workflowId: workflow.id, version: parsed.version } },
    select: { id: true, deletedAt: true },
  });
  if (!version || version.deletedAt)
    throw sfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  return { workflow, version: parsed.version };
}

/** The execution an ARN names (its state machine may have been deleted since); ExecutionDoesNotExist otherwise. */
export async function findExecutionId(arn: string): Promise<string> {
  const { stateMachine, name } = parseArnOf(arn, 'execution');
  const row = await db.execution.findFirst({
    where: {
      name,
      workflow: { OR: [{ name: stateMachine }, { name: { startsWith: `${stateMachine}#deleted-` } }] },
    },
    orderBy: { startedAt: 'desc' },
    select: { id: true },
  });
  if (!row) throw sfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  return row.id;
}

/** The activity an ARN names; ActivityDoesNotExist otherwise. */
export async function findActivity(arn: string) {
  const { name } = parseArnOf(arn, 'activity');
  const row = await db.activity.findUnique({
    where: { name },
    select: { id: true, name: true, tags: true, createdAt: true },
  });
  if (!row) throw sfnError('ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`);
  return row;
}

/** The live name of a workflow (deleted ones carry a `#deleted-…` suffix). */
export function liveName(name: string): string {
  return name.replace(/#deleted-\d+$/, '');
}
