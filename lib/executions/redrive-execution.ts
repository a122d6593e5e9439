/** RedriveExecution: restarts a failed, timed-out or aborted execution from where it failed (CONFLICT otherwise). Own transaction. An API key needs executions:write. */
import type { Actor, RequestInfo } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { redriveExecution as engineRedriveExecution, notifyEngine } from '../engine';
import { loadExecutionDetail, type ExecutionDetail } from './execution-dto';

export interface RedriveExecutionOptions {
  id: string;
  actor: Actor;
  request?: RequestInfo;
  reason?: string;
}

export async function redriveExecution({
  id,
  actor,
  request,
  reason,
}: RedriveExecutionOptions): Promise<ExecutionDetail> {
  await authorize(actor, 'executions:write');
  const execution = await runAudited(async (tx) => {
    await loadExecutionDetail(tx, id);
    await engineRedriveExecution(tx, { executionId: id });
    await recordAudit(tx, {
      actor,
      request,
      reason,
      type: 'EXECUTION_REDRIVEN',
      data: { executionId: id },
      target: { type: 'execution', id },
    });
    return loadExecutionDetail(tx, id);
  });
  notifyEngine();
  return execution;
}
