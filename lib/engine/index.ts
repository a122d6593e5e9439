/**
 * The durable runtime's public API (lib/engine). Services call the `tx`-first functions inside
 * their own transaction (they only write rows: frames, history, timers, tokens) and call
 * `notifyEngine()` after the commit; the worker advances executions in transactions of its own.
 */
export type { TaskTokenOutcome } from './types';
export { beginExecution } from './control/begin-execution';
export { stopExecution } from './control/stop-execution';
export { redriveExecution } from './control/redrive-execution';
export { completeTaskToken } from './tokens/complete-task-token';
export { getActivityTask } from './tokens/get-activity-task';
export { hashToken } from './tokens/hash-token';
export { onTokensEnded, type EndedTokens, type TokenEnding } from './tokens/token-endings';
export { notifyEngine } from './worker/notifier';
export { startEngine } from './worker/start-engine';
export { registerFunction } from './integrations/function';
export { registerIntegration } from './integrations/registry';
export type { Integration, TaskStart } from './integrations/integration';
export { finishToken } from './tokens/complete-task-token';
export { onExecutionEnded, type EndedChild } from './advance/execution-endings';
export { executionArnOf } from './constants';
export { invokeNow } from './integrations/invoke-now';
export {
  executionNameTaken,
  insertFinishedRun,
  insertFinishedRunTx,
  type FinishedRun,
} from './advance/finished-run';
export { definitionAt, loadWorkflowVersion, type DefinitionPath } from './definitions';
export { setEngineClock, engineNow } from './clock';
export { updateMapRun } from './advance/map-run';
