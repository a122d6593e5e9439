export { startExecution } from './start-execution';
export { startSyncExecution } from './start-sync-execution';
export { listExecutions } from './list-executions';
export { getExecutionOrThrow } from './describe-execution';
export { getExecutionHistory, type HistoryEventDto } from './get-execution-history';
export { stopExecution } from './stop-execution';
export { redriveExecution } from './redrive-execution';
export { completeTask } from './complete-task';
export type { ExecutionDetail, ExecutionSummary } from './execution-dto';
