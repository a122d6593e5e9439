/**
 * The approval handler's `requested` half, run in the engine's transaction that paused the
 * state: the ApprovalTask, one ApprovalAssignee per person with their own link (hash only),
 * one outbox mail per approver, its row of the search index, and the reminder / escalation
 * timers; an earlier task of the same state (a redrive or Retry re-entered it) is superseded.
 * Everything commits with the pause or not at all.
 */
import type { Tx } from '../db/client';
import type { ApprovalRequest } from '../engine/integrations/approval';
import { engineNow } from '../engine';
import type { ApprovalPlan } from './plan-approval';
import { addAssignees } from './add-assignees';
import { scheduleApprovalTimers } from './approval-timers';
import { supersedeEarlierTasks } from './close-task';
import { indexTaskForSearch } from './task-search';

export async function createApprovalTask(tx: Tx, request: ApprovalRequest): Promise<void> {
  const now = engineNow();
  const { config, assignees, execution } = request.prepared as ApprovalPlan; // planned by the check
  const task = await tx.approvalTask.create({
    data: {
      executionId: request.executionId,
      taskTokenId: request.taskTokenId,
      stateName: request.stateName,
      title: config.Title,
      details: JSON.stringify(config.Details ?? null),
      policyMode: config.Policy.Mode,
      policyCount: config.Policy.Mode === 'quorum' ? (config.Policy.Count ?? 1) : 1,
      allowSelfApproval: config.AllowSelfApproval,
      form: JSON.stringify(config.Form),
      onReject: config.OnReject,
      requesterUserId: execution.requesterUserId,
      requesterApiKeyId: execution.requesterApiKeyId,
      requesterLabel: execution.requesterLabel,
      dueAt: request.timeoutAt ?? null,
      reminderEverySec: config.Reminders?.EverySeconds ?? null,
      reminderMax: config.Reminders?.Max ?? 0,
      escalateAfterSec: config.Escalation?.AfterSeconds ?? null,
      escalateTo: JSON.stringify(config.Escalation?.To ?? []),
    },
    select: { id: true, title: true, details: true, requesterLabel: true, searchRowId: true },
  });
  await indexTaskForSearch(tx, task);
  await addAssignees(tx, { taskId: task.id, people: assignees, kind: 'approval-request' });
  await scheduleApprovalTimers(tx, {
    taskId: task.id,
    executionId: request.executionId,
    frameId: request.frameId,
    taskTokenId: request.taskTokenId,
    now,
    config,
  });
  await supersedeEarlierTasks(tx, {
    taskId: task.id,
    executionId: request.executionId,
    frameId: request.frameId,
    stateName: request.stateName,
    at: now,
  });
}
