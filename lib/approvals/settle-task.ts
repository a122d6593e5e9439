/**
 * Ends a task whose policy is met, inside the deciding transaction: compare-and-set on its
 * status (a second settler gets ALREADY_DECIDED and rolls back), complete the task token
 * through the engine's one door, cancel the other links and the timers, and mail the outcome
 * to the requester.
 */
import { randomBytes } from 'node:crypto';
import type { JsonObject } from '../asl';
import type { Tx } from '../db/client';
import { completeTaskToken, hashToken, type TaskTokenOutcome } from '../engine';
import { enqueueMail } from '../mail/enqueue-mail';
import { renderOutcome } from '../mail/templates/outcome';
import { decisionRecord, type DecisionRow } from './decision-record';
import { alreadyDecided } from './task-state-errors';

const REJECTED_ERROR = 'Approval.Rejected';

interface SettleArgs {
  task: {
    id: string;
    taskTokenId: string;
    onReject: string;
    title: string;
    executionId: string;
    requesterUserId: string | null;
  };
  verdict: 'approved' | 'rejected';
  decisions: DecisionRow[];
  now: Date;
}

export async function settleTask(tx: Tx, { task, verdict, decisions, now }: SettleArgs): Promise<JsonObject> {
  const record = decisionRecord(verdict, now, decisions);
  const { count } = await tx.approvalTask.updateMany({
    where: { id: task.id, status: 'PENDING' },
    data: {
      status: verdict === 'approved' ? 'APPROVED' : 'REJECTED',
      decidedAt: now,
      outcome: JSON.stringify(record),
    },
  });
  if (count === 0) throw alreadyDecided(await tx.approvalTask.findUniqueOrThrow({ where: { id: task.id } }));
  const outcome: TaskTokenOutcome =
    verdict === 'rejected' && task.onReject === 'fail'
      ? { type: 'failure', error: REJECTED_ERROR, cause: JSON.stringify(record) }
      : { type: 'success', output: record };
  await completeApprovalToken(tx, task.taskTokenId, outcome);
  await tx.approvalAssignee.updateMany({
    where: { taskId: task.id, status: 'PENDING' },
    data: { status: 'CANCELLED', linkExpiresAt: now },
  });
  await tx.timer.updateMany({
    where: { approvalTaskId: task.id, status: 'PENDING' },
    data: { status: 'CANCELLED' },
  });
  await mailOutcome(tx, { ...task, verdict, decisions, now });
  return record;
}

/**
 * The raw task token lived only in memory when the state paused. Like GetActivityTask, mint a
 * fresh one for the row in this transaction and hand it straight to completeTaskToken.
 */
async function completeApprovalToken(tx: Tx, taskTokenId: string, outcome: TaskTokenOutcome): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  await tx.taskToken.updateMany({
    where: { id: taskTokenId, status: 'PENDING' },
    data: { tokenHash: hashToken(token) },
  });
  await completeTaskToken(tx, { token, outcome });
}

async function mailOutcome(
  tx: Tx,
  args: SettleArgs['task'] & { verdict: 'approved' | 'rejected'; decisions: DecisionRow[]; now: Date },
): Promise<void> {
  if (!args.requesterUserId) return;
  const requester = await tx.user.findUnique({
    where: { id: args.requesterUserId },
    select: { email: true },
  });
  const execution = await tx.execution.findUnique({
    where: { id: args.executionId },
    select: { workflow: { select: { name: true } } },
  });
  if (!requester || !execution) return;
  const mail = renderOutcome({
    title: args.title,
    workflowName: execution.workflow.name,
    outcome: args.verdict,
    at: args.now,
    decisions: args.decisions.map((d) => ({ by: d.byEmail, decision: d.decision, comment: d.comment })),
  });
  await enqueueMail(tx, {
    kind: 'outcome',
    to: requester.email,
    ...mail,
    executionId: args.executionId,
    approvalTaskId: args.id,
  });
}
