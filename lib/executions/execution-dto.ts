/** What the execution services return: selected columns, payloads parsed, never raw rows. */
import type { JsonValue } from '../asl';
import type { Tx } from '../db/client';
import { AppError } from '../errors';

export interface ExecutionSummary {
  id: string;
  name: string;
  workflowId: string;
  workflowName: string;
  version: number;
  status: string;
  startedAt: Date;
  stoppedAt: Date | null;
}

export interface ExecutionDetail extends ExecutionSummary {
  input: JsonValue;
  output: JsonValue | null;
  error: string | null;
  cause: string | null;
  redriveCount: number;
  redrivenAt: Date | null;
  /** the alias it was started through */
  aliasName: string | null;
  /** the execution that started it (states:startExecution, or a Distributed Map) */
  parentExecutionId: string | null;
  /** the Distributed Map run it is an item (or batch) of */
  mapRunId: string | null;
  requester: { type: 'user' | 'apiKey'; id: string } | null;
}

export const executionSummarySelect = {
  id: true,
  name: true,
  workflowId: true,
  status: true,
  startedAt: true,
  stoppedAt: true,
  workflow: { select: { name: true } },
  workflowVersion: { select: { version: true } },
} as const;

const executionDetailSelect = {
  ...executionSummarySelect,
  input: true,
  output: true,
  error: true,
  cause: true,
  redriveCount: true,
  redrivenAt: true,
  aliasName: true,
  parentExecutionId: true,
  mapRunId: true,
  requesterUserId: true,
  requesterApiKeyId: true,
} as const;

type SummaryRow = { workflow: { name: string }; workflowVersion: { version: number } } & Omit<
  ExecutionSummary,
  'workflowName' | 'version'
>;

export function toExecutionSummary({ workflow, workflowVersion, ...row }: SummaryRow): ExecutionSummary {
  return {
    ...row,
    workflowName: workflow.name.replace(/#deleted-\d+$/, ''),
    version: workflowVersion.version,
  };
}

/** One execution by id; NOT_FOUND (AWS: ExecutionDoesNotExist) otherwise. */
export async function loadExecutionDetail(tx: Tx, id: string): Promise<ExecutionDetail> {
  const row = await tx.execution.findUnique({ where: { id }, select: executionDetailSelect });
  if (!row)
    throw new AppError('NOT_FOUND', `Execution ${id} does not exist.`, {
      details: { awsErrorType: 'ExecutionDoesNotExist' },
    });
  return toExecutionDetail(row);
}

/** The columns loadExecutionDetail reads, as Prisma returns them: the detail's, payloads as text, the requester as its two columns. */
export type ExecutionDetailRow = SummaryRow &
  Omit<ExecutionDetail, keyof ExecutionSummary | 'input' | 'output' | 'requester'> & {
    input: string;
    output: string | null;
    requesterUserId: string | null;
    requesterApiKeyId: string | null;
  };

/** An execution's detail from its row (loaded, or the one a start has just written). */
export function toExecutionDetail(row: ExecutionDetailRow): ExecutionDetail {
  const {
    input,
    output,
    error,
    cause,
    redriveCount,
    redrivenAt,
    aliasName,
    parentExecutionId,
    mapRunId,
    requesterUserId,
    requesterApiKeyId,
    ...summary
  } = row;
  const requester = requesterUserId
    ? { type: 'user' as const, id: requesterUserId }
    : requesterApiKeyId
      ? { type: 'apiKey' as const, id: requesterApiKeyId }
      : null;
  return {
    ...toExecutionSummary(summary),
    input: JSON.parse(input) as JsonValue,
    output: output === null ? null : (JSON.parse(output) as JsonValue),
    error,
    cause,
    redriveCount,
    redrivenAt,
    aliasName,
    parentExecutionId,
    mapRunId,
    requester,
  };
}
