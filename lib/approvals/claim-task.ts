/**
 * Claims from the inbox: a person asked to decide a pending task claims it, and while the claim
 * holds nobody else may decide it (apply-decision.ts answers CLAIMED, naming the holder). The
 * holder releases it, or deciding ends it; an admin or a manager of the task's groups breaks it;
 * it lapses by itself after SIGNOFF_CLAIM_MINUTES (claim-rules.ts). Each call is one audited
 * transaction whose write is a compare-and-set, so two people claiming at once get one holder
 * and the other a CLAIMED answer; a refused call writes nothing.
 */
import type { Actor, RequestInfo } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { LostRace, runAudited } from '../audit/run-audited';
import type { Tx } from '../db/client';
import { engineNow } from '../engine';
import { AppError } from '../errors';
import { claimedError, claimMinutes, liveClaimHolder } from './claim-rules';
import { actingUser, assertOverseesTask } from './task-authority';
import { assertTaskOpen } from './task-state-errors';

export interface ClaimOptions {
  taskId: string;
  actor: Actor;
  request?: RequestInfo;
}

/** A claim that holds: who, since when, until when (ISO times). */
export interface ClaimView {
  taskId: string;
  holder: string;
  claimedAt: string;
  expiresAt: string;
}

async function loadTask(tx: Tx, taskId: string, userId: string) {
  return tx.approvalTask.findUnique({
    where: { id: taskId },
    include: {
      taskToken: { select: { status: true } },
      execution: { select: { status: true } },
      claimedBy: { select: { email: true } },
      assignees: { where: { userId }, select: { status: true } },
    },
  });
}

type ClaimTask = NonNullable<Awaited<ReturnType<typeof loadTask>>>;

/** Only someone still asked to decide the task may claim it. */
function assertMayClaim(task: ClaimTask | null, now: Date): asserts task is ClaimTask {
  if (!task || task.assignees.length === 0)
    throw new AppError('NOT_FOUND', 'There is no such request among yours.');
  assertTaskOpen(task, now);
  const [own] = task.assignees;
  if (own.status === 'DECIDED') throw new AppError('CONFLICT', 'You already decided this request.');
  if (own.status === 'CANCELLED')
    throw new AppError('CONFLICT', 'You are no longer asked to decide this request.');
}

/** Claims the task for the actor, or renews their own claim; CLAIMED while someone else holds it. */
export async function claimTask({ taskId, actor, request }: ClaimOptions): Promise<ClaimView> {
  return runAudited(async (tx) => {
    const now = engineNow();
    const user = await actingUser(tx, actor, 'claim a request');
    const task = await loadTask(tx, taskId, user.id);
    assertMayClaim(task, now);
    const holder = liveClaimHolder(task, now);
    if (holder && holder !== user.id)
      throw claimedError(task.claimedBy?.email ?? 'someone else', task.claimExpiresAt as Date);
    const expiresAt = new Date(now.getTime() + claimMinutes() * 60_000);
    const { count } = await tx.approvalTask.updateMany({
      where: {
        id: taskId,
        status: 'PENDING',
        OR: [{ claimedById: null }, { claimedById: user.id }, { claimExpiresAt: { lte: now } }],
      },
      data: { claimedById: user.id, claimedAt: now, claimExpiresAt: expiresAt },
    });
    if (count === 0) throw new LostRace();
    await recordAudit(tx, {
      actor,
      request,
      type: 'TASK_CLAIMED',
      target: { type: 'approvalTask', id: taskId },
      data: { taskId, expiresAt: expiresAt.toISOString() },
    });
    return { taskId, holder: user.email, claimedAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
  });
}

/** Gives the actor's own live claim back; CONFLICT when they hold none (never had one, or it lapsed). */
export async function releaseTask({ taskId, actor, request }: ClaimOptions): Promise<void> {
  await runAudited(async (tx) => {
    const now = engineNow();
    const user = await actingUser(tx, actor, 'release a request');
    const { count } = await tx.approvalTask.updateMany({
      where: { id: taskId, claimedById: user.id, claimExpiresAt: { gt: now } },
      data: { claimedById: null, claimedAt: null, claimExpiresAt: null },
    });
    if (count === 0) {
      const asked = await tx.approvalAssignee.count({ where: { taskId, userId: user.id } });
      if (asked === 0) throw new AppError('NOT_FOUND', 'There is no such request among yours.');
      throw new AppError('CONFLICT', 'You hold no claim on this request (it may have lapsed).');
    }
    await recordAudit(tx, {
      actor,
      request,
      type: 'TASK_RELEASED',
      target: { type: 'approvalTask', id: taskId },
      data: { taskId },
    });
  });
}

/**
 * Ends whoever's live claim on the task: admins, and managers of the task's groups. CONFLICT
 * when no claim holds. `reason` goes to the audit trail.
 */
export async function breakClaim({
  taskId,
  actor,
  request,
  reason,
}: ClaimOptions & { reason?: string }): Promise<void> {
  await runAudited(async (tx) => {
    const now = engineNow();
    const user = await actingUser(tx, actor, 'break a claim');
    await assertOverseesTask(tx, user, taskId, 'break a claim on it');
    const task = await tx.approvalTask.findUnique({
      where: { id: taskId },
      select: { claimedById: true, claimExpiresAt: true, claimedBy: { select: { email: true } } },
    });
    if (!task) throw new AppError('NOT_FOUND', 'There is no such request.');
    const holder = liveClaimHolder(task, now);
    if (!holder) throw new AppError('CONFLICT', 'Nobody holds a claim on this request.');
    const { count } = await tx.approvalTask.updateMany({
      where: { id: taskId, claimedById: holder, claimExpiresAt: { gt: now } },
      data: { claimedById: null, claimedAt: null, claimExpiresAt: null },
    });
    if (count === 0) throw new LostRace();
    await recordAudit(tx, {
      actor,
      request,
      reason: reason?.trim() || undefined,
      type: 'TASK_CLAIM_BROKEN',
      target: { type: 'approvalTask', id: taskId },
      data: { taskId, holderId: holder, holder: task.claimedBy?.email ?? holder },
    });
  });
}
