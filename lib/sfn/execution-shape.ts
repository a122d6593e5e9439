/** DescribeExecution's and ListExecutions' item shapes. */
import type { ExecutionDetail, ExecutionSummary } from '../executions';
import { executionArn, stateMachineAliasArn, stateMachineArn, stateMachineVersionArn } from './arn';
import { compact, epochSeconds, optionalEpoch } from './shapes';

const REDRIVABLE = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

export function executionListItem(execution: ExecutionSummary & { redriveCount?: number }) {
  return compact({
    executionArn: executionArn(execution.workflowName, execution.name),
    stateMachineArn: stateMachineArn(execution.workflowName),
    name: execution.name,
    status: execution.status,
    startDate: epochSeconds(execution.startedAt),
    stopDate: optionalEpoch(execution.stoppedAt),
    stateMachineVersionArn: stateMachineVersionArn(execution.workflowName, execution.version),
  });
}

export function describeExecutionShape(execution: ExecutionDetail) {
  const redrivable = REDRIVABLE.has(execution.status);
  const output = execution.output === null ? undefined : JSON.stringify(execution.output);
  return compact({
    ...executionListItem(execution),
    input: JSON.stringify(execution.input),
    inputDetails: { included: true },
    output,
    outputDetails: output === undefined ? undefined : { included: true },
    error: execution.error ?? undefined,
    cause: execution.cause ?? undefined,
    stateMachineAliasArn: execution.aliasName
      ? stateMachineAliasArn(execution.workflowName, execution.aliasName)
      : undefined,
    redriveCount: execution.redriveCount,
    redriveDate: optionalEpoch(execution.redrivenAt),
    redriveStatus: redrivable ? 'REDRIVABLE' : 'NOT_REDRIVABLE',
    redriveStatusReason: redrivable ? undefined : `Execution is ${execution.status}.`,
  });
}
