/**
 * One decision, applied exactly once in one transaction: check the task is open, not claimed by
 * someone else (CLAIMED while their claim holds) and the decider may decide, record the Decision
 * (unique per task and person), mark their link used, write the TASK_DECIDED audit entry and,
 * when the policy is met, settle the task (which completes the task token). Races end in
 * ALREADY_DECIDED, never in a second transition.
 */
import type { JsonObject } from '../asl';
import type { Actor, RequestInfo } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import { db, type Tx } from '../db/client';
import { engineNow, notifyEngine } from '../engine';
import { AppError } from '../errors';
import type { FormField } from './config-schema';
import { claimedError, liveClaimHolder } from './claim-rules';
import { checkFormValues } from './form-values';
import { evaluatePolicy } from './policy';
import { settleTask } from './settle-task';
import { alreadyDecided, assertTaskOpen } from './task-state-errors';

export interface DecisionInput {
  decision: 'approve' | 'reject';
  comment?: string;
  /** the Form fields' raw values, by Name */
  values?: Record<string, unknown>;
  request?: RequestInfo;
}

export interface DecisionResult {
  taskId: string;
  executionId: string;
  decision: 'approved' | 'rejected';
  /** PENDING while the policy still waits for others */
  taskStatus: 'PENDING' | 'APPROVED' | 'REJECTED';
  outcome: JsonObject | null;
}

export interface DecideArgs {
  taskId: string;
  assigneeId: string;
  actor: Actor;
  via: 'inbox' | 'email-link' | 'api';
  input: DecisionInput;
}

export async function applyDecision(args: DecideArgs): Promise<DecisionResult> {
  try {
    const result = await runAudited((tx) => decideInTx(tx, args));
    if (result.taskStatus !== 'PENDING') notifyEngine();
    return result;
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
    // The same person decided concurrently (Decision is unique per task and person).
    const task = await db.approvalTask.findUniqueOrThrow({ where: { id: args.taskId } });
    throw alreadyDecided(task, task.status === 'PENDING' ? 'You already decided this request.' : undefined);
  }
}

async function loadTask(tx: Tx, taskId: string) {
  return tx.approvalTask.findUniqueOrThrow({
    where: { id: taskId },
    include: {
      taskToken: { select: { status: true } },
      execution: { select: { status: true } },
      claimedBy: { select: { email: true } },
    },
  });
}

/** CLAIMED while someone other than this assignee holds a live claim on the task. */
function assertNotClaimedByOther(
  task: Awaited<ReturnType<typeof loadTask>>,
  assignee: { userId: string | null },
  now: Date,
) {
  const holder = liveClaimHolder(task, now);
  if (holder && holder !== assignee.userId)
    throw claimedError(task.claimedBy?.email ?? 'someone else', task.claimExpiresAt as Date);
}

/**
 * Moves the task's updatedAt (open inboxes see the decision) and ends the decider's own claim:
 * the holder has done what they claimed it for.
 */
async function touchTask(tx: Tx, task: Awaited<ReturnType<typeof loadTask>>, userId: string | null) {
  const ownClaim = userId !== null && task.claimedById === userId;
  await tx.approvalTask.update({
    where: { id: task.id },
    data: ownClaim ? { claimedById: null, claimedAt: null, claimExpiresAt: null } : { updatedAt: new Date() },
  });
}

function assertMayDecide(
  task: Awaited<ReturnType<typeof loadTask>>,
  assignee: { userId: string | null },
  actor: Actor,
  decision: 'approve' | 'reject',
) {
  if (decision !== 'approve' || task.allowSelfApproval) return;
  const selfUser =
    task.requesterUserId !== null &&
    (assignee.userId === task.requesterUserId ||
      (actor.type === 'user' && actor.id === task.requesterUserId));
  const selfKey =
    actor.type === 'apiKey' && task.requesterApiKeyId !== null && actor.id === task.requesterApiKeyId;
  if (selfUser || selfKey)
    throw new AppError('FORBIDDEN', 'You started this request, so you may not approve it yourself.');
}

async function decideInTx(
  tx: Tx,
  { taskId, assigneeId, actor, via, input }: DecideArgs,
): Promise<DecisionResult> {
  const now = engineNow();
  const task = await loadTask(tx, taskId);
  assertTaskOpen(task, now);
  const assignee = await tx.approvalAssignee.findUniqueOrThrow({ where: { id: assigneeId } });
  if (assignee.taskId !== task.id) throw new AppError('NOT_FOUND', 'This request is not yours to decide.');
  if (assignee.status === 'DECIDED') throw alreadyDecided(task, 'You already decided this request.');
  if (assignee.status === 'CANCELLED')
    throw new AppError('CONFLICT', 'Your link to this request was withdrawn.');
  assertNotClaimedByOther(task, assignee, now);
  assertMayDecide(task, assignee, actor, input.decision);
  const checked = checkFormValues(JSON.parse(task.form) as FormField[], input.decision, input);
  const decision = input.decision === 'approve' ? 'approved' : 'rejected';
  const onBehalfOf = assignee.delegatedFromUserId
    ? ((await tx.user.findUnique({ where: { id: assignee.delegatedFromUserId }, select: { email: true } }))
        ?.email ?? null)
    : null;
  await tx.decision.create({
    data: {
      taskId,
      byUserId: assignee.userId,
      byEmail: assignee.email,
      onBehalfOf,
      decision,
      comment: checked.comment ?? null,
      form: JSON.stringify(checked.values),
      via,
      ip: input.request?.ip ?? null,
      userAgent: input.request?.userAgent ?? null,
      at: now,
    },
  });
  const claimed = await tx.approvalAssignee.updateMany({
    where: { id: assignee.id, status: 'PENDING' },
    data: { status: 'DECIDED', linkUsedAt: now },
  });
  if (claimed.count === 0) throw alreadyDecided(task, 'You already decided this request.');
  await touchTask(tx, task, assignee.userId);
  await recordAudit(tx, {
    actor,
    request: input.request,
    type: 'TASK_DECIDED',
    target: { type: 'approvalTask', id: taskId },
    data: { taskId, decision, via, ...(checked.comment ? { comment: checked.comment } : {}) },
  });
  return settleIfMet(tx, task, decision, now);
}

async function settleIfMet(
  tx: Tx,
  task: Awaited<ReturnType<typeof loadTask>>,
  decision: 'approved' | 'rejected',
  now: Date,
): Promise<DecisionResult> {
  const decisions = await tx.decision.findMany({ where: { taskId: task.id }, orderBy: { at: 'asc' } });
  const assignees = await tx.approvalAssignee.count({
    where: { taskId: task.id, status: { not: 'CANCELLED' } },
  });
  const verdict = evaluatePolicy({ mode: task.policyMode, count: task.policyCount, assignees, decisions });
  const base = { taskId: task.id, executionId: task.executionId, decision };
  if (verdict === 'pending') return { ...base, taskStatus: 'PENDING', outcome: null };
  const outcome = await settleTask(tx, { task, verdict, decisions, now });
  return { ...base, taskStatus: verdict === 'approved' ? 'APPROVED' : 'REJECTED', outcome };
}
