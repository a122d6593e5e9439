export { startExecution, type StartExecutionOptions } from './start-execution';
export { listExecutions, type ListExecutionsOptions } from './list-executions';
export { getExecutionOrThrow, getExecutionOrThrow as describeExecution } from './describe-execution';
export {
  getExecutionHistory,
  type GetExecutionHistoryOptions,
  type HistoryEventDto,
} from './get-execution-history';
export { stopExecution, type StopExecutionOptions } from './stop-execution';
export { redriveExecution, type RedriveExecutionOptions } from './redrive-execution';
export { completeTask, type CompleteTaskOptions, type TaskResult } from './complete-task';
export type { ExecutionDetail, ExecutionSummary } from './execution-dto';
