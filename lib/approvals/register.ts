/**
 * Plugs approvals into the engine (dependency inversion: lib/engine never imports
 * lib/approvals). Import once in every process that runs the engine.
 */
import { onTokensEnded } from '../engine';
import { setApprovalHandler } from '../engine/integrations/approval';
import { registerTimerHandler } from '../engine/timers/timer-handlers';
import { ESCALATION, REMINDER, onEscalationDue, onReminderDue } from './approval-timers';
import { closeTasksForEndedTokens } from './close-task';
import { INVALID_CONFIGURATION } from './config-schema';
import { createApprovalTask } from './create-approval-task';
import { planApproval } from './plan-approval';
import { engineNow } from '../engine';

export function registerApprovals(): void {
  setApprovalHandler({
    async check(tx, { executionId, parameters }) {
      const planned = await planApproval(tx, executionId, parameters, engineNow());
      return planned.ok
        ? { prepared: planned.plan }
        : { failure: { error: INVALID_CONFIGURATION, cause: planned.cause } };
    },
    requested: createApprovalTask,
  });
  registerTimerHandler(REMINDER, onReminderDue);
  registerTimerHandler(ESCALATION, onEscalationDue);
  // Stop, timeouts, failed siblings, the history limit: the task ends with the state around it.
  onTokensEnded(closeTasksForEndedTokens);
}
