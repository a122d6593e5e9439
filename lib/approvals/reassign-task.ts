/**
 * Managers (for the tasks of the groups they manage) and admins (for every task) change who is
 * asked to decide a pending task: add one more person, or replace one still undecided. The new
 * person gets a link of their own by mail (add-assignees.ts, as when the task was created; a
 * delegation in force sends it to their delegate); a replaced person's row is withdrawn
 * (CANCELLED), so their links stop working, and any claim they held ends. The policy recounts
 * over the people now asked (an `all` task then needs the added person too). Each change is one
 * audited transaction that also moves the task's updatedAt; a refused one writes nothing.
 */
import type { Actor, RequestInfo } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { runAudited } from '../audit/run-audited';
import type { Tx } from '../db/client';
import { engineNow } from '../engine';
import { AppError } from '../errors';
import { emailSchema } from '../people/roles';
import { addAssignees, reaskAssignee } from './add-assignees';
import { describePolicy, type PolicyProgress } from './policy';
import { resolveApprovers, type ResolvedApprover } from './resolve-approvers';
import { actingUser, assertOverseesTask } from './task-authority';
import { assertTaskOpen } from './task-state-errors';

export interface ApproverChange {
  taskId: string;
  /** who was asked: the person named, or their delegate (then onBehalfOf names the person) */
  added: { email: string; onBehalfOf: string | null };
  /** the person withdrawn (reassignApprover only) */
  removed: string | null;
  /** the policy over the people now asked */
  policy: PolicyProgress;
}

interface ChangeOptions {
  taskId: string;
  actor: Actor;
  request?: RequestInfo;
}

function parseEmail(field: string, value: string): string {
  const parsed = emailSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0].message;
  throw new AppError('INVALID_INPUT', `${field}: ${message}`, {
    details: { fieldErrors: { [field]: [message] } },
  });
}

async function loadOpenTask(tx: Tx, taskId: string, now: Date) {
  const task = await tx.approvalTask.findUnique({
    where: { id: taskId },
    include: { taskToken: { select: { status: true } }, execution: { select: { status: true } } },
  });
  if (!task) throw new AppError('NOT_FOUND', 'There is no such request.');
  assertTaskOpen(task, now);
  return task;
}

type OpenTask = Awaited<ReturnType<typeof loadOpenTask>>;

/** The person `email` resolves to now (their delegate while a delegation is in force). */
async function resolvePerson(tx: Tx, task: OpenTask, field: string, email: string, via: string, now: Date) {
  const [person] = await resolveApprovers(tx, [email], now, via);
  if (!person)
    throw new AppError('INVALID_INPUT', `${field}: ${email} is deactivated.`, {
      details: { fieldErrors: { [field]: [`${email} is deactivated.`] } },
    });
  if (!task.allowSelfApproval && task.requesterUserId !== null && person.userId === task.requesterUserId)
    throw new AppError(
      'INVALID_INPUT',
      `${field}: ${person.email} started this request and may not approve it.`,
      {
        details: { fieldErrors: { [field]: [`${person.email} started this request.`] } },
      },
    );
  return person;
}

/** Asks `person`: a new assignee with a link by mail, or the withdrawn row of the same address again. */
async function ask(tx: Tx, taskId: string, person: ResolvedApprover): Promise<void> {
  const existing = await tx.approvalAssignee.findUnique({
    where: { taskId_email: { taskId, email: person.email } },
    select: { id: true, status: true },
  });
  if (existing && existing.status !== 'CANCELLED')
    throw new AppError('CONFLICT', `${person.email} is already asked to decide this request.`);
  if (existing) await reaskAssignee(tx, { taskId, assigneeId: existing.id, person });
  else await addAssignees(tx, { taskId, people: [person], kind: 'approval-request' });
}

async function policyNow(tx: Tx, task: OpenTask): Promise<PolicyProgress> {
  const [assignees, decisions] = await Promise.all([
    tx.approvalAssignee.count({ where: { taskId: task.id, status: { not: 'CANCELLED' } } }),
    tx.decision.findMany({ where: { taskId: task.id }, select: { decision: true } }),
  ]);
  return describePolicy({ mode: task.policyMode, count: task.policyCount, assignees, decisions });
}

async function delegatorEmail(tx: Tx, person: ResolvedApprover): Promise<string | null> {
  if (!person.delegatedFromUserId) return null;
  const user = await tx.user.findUnique({
    where: { id: person.delegatedFromUserId },
    select: { email: true },
  });
  return user?.email ?? null;
}

/** Asks one more person to decide the task. */
export async function addApprover({
  taskId,
  email,
  actor,
  request,
}: ChangeOptions & { email: string }): Promise<ApproverChange> {
  const address = parseEmail('email', email);
  return runAudited(async (tx) => {
    const now = engineNow();
    const user = await actingUser(tx, actor, 'change who decides a request');
    await assertOverseesTask(tx, user, taskId, 'change who decides it');
    const task = await loadOpenTask(tx, taskId, now);
    const person = await resolvePerson(tx, task, 'email', address, 'added', now);
    await ask(tx, taskId, person);
    await tx.approvalTask.update({ where: { id: taskId }, data: { updatedAt: new Date() } });
    const onBehalfOf = await delegatorEmail(tx, person);
    await recordAudit(tx, {
      actor,
      request,
      type: 'TASK_APPROVER_ADDED',
      target: { type: 'approvalTask', id: taskId },
      data: { taskId, email: person.email, ...(onBehalfOf ? { onBehalfOf } : {}) },
    });
    return {
      taskId,
      added: { email: person.email, onBehalfOf },
      removed: null,
      policy: await policyNow(tx, task),
    };
  });
}

/** Replaces `from` (asked and undecided) by `to`: from's links stop working, to gets their own. */
export async function reassignApprover({
  taskId,
  from,
  to,
  actor,
  request,
}: ChangeOptions & { from: string; to: string }): Promise<ApproverChange> {
  const fromAddress = parseEmail('from', from);
  const toAddress = parseEmail('to', to);
  if (fromAddress === toAddress)
    throw new AppError('INVALID_INPUT', 'to: choose someone other than the person replaced.', {
      details: { fieldErrors: { to: ['Choose someone other than the person replaced.'] } },
    });
  return runAudited(async (tx) => {
    const now = engineNow();
    const user = await actingUser(tx, actor, 'change who decides a request');
    await assertOverseesTask(tx, user, taskId, 'change who decides it');
    const task = await loadOpenTask(tx, taskId, now);
    const old = await tx.approvalAssignee.findUnique({
      where: { taskId_email: { taskId, email: fromAddress } },
      select: { id: true, status: true, userId: true },
    });
    if (!old || old.status === 'CANCELLED')
      throw new AppError('NOT_FOUND', `${fromAddress} is not asked to decide this request.`);
    if (old.status === 'DECIDED')
      throw new AppError('CONFLICT', `${fromAddress} already decided this request; their decision stands.`);
    const person = await resolvePerson(tx, task, 'to', toAddress, 'reassigned', now);
    const withdrawn = await tx.approvalAssignee.updateMany({
      where: { id: old.id, status: 'PENDING' },
      data: { status: 'CANCELLED', linkExpiresAt: now },
    });
    if (withdrawn.count === 0)
      throw new AppError('CONFLICT', `${fromAddress} decided meanwhile; look again.`);
    await ask(tx, taskId, person);
    const heldByOld = old.userId !== null && task.claimedById === old.userId;
    await tx.approvalTask.update({
      where: { id: taskId },
      data: heldByOld
        ? { claimedById: null, claimedAt: null, claimExpiresAt: null }
        : { updatedAt: new Date() },
    });
    const onBehalfOf = await delegatorEmail(tx, person);
    await recordAudit(tx, {
      actor,
      request,
      type: 'TASK_REASSIGNED',
      target: { type: 'approvalTask', id: taskId },
      data: { taskId, from: fromAddress, to: person.email, ...(onBehalfOf ? { onBehalfOf } : {}) },
    });
    return {
      taskId,
      added: { email: person.email, onBehalfOf },
      removed: fromAddress,
      policy: await policyNow(tx, task),
    };
  });
}
