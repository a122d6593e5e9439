/**
 * Asks people to decide a task: an assignee row each (skipping anyone already asked), a link
 * whose hash alone is stored, and their mail in the outbox. Reminders mail people already
 * asked a new link; the earlier ones keep working (an approver may click the first mail), and
 * the first decision through any of them spends them all.
 */
import type { Tx } from '../db/client';
import { enqueueMail } from '../mail/enqueue-mail';
import { appUrl } from '../mail/app-url';
import { renderApprovalRequest } from '../mail/templates/approval-request';
import { formatDuration } from './closing-reason';
import { newLinkToken } from './link-tokens';
import type { ResolvedApprover } from './resolve-approvers';

type MailKind = 'approval-request' | 'reminder' | 'escalation';

async function loadMailContext(tx: Tx, taskId: string) {
  const task = await tx.approvalTask.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      id: true,
      executionId: true,
      title: true,
      details: true,
      requesterLabel: true,
      dueAt: true,
      escalateAfterSec: true,
      execution: { select: { workflow: { select: { name: true } } } },
    },
  });
  return {
    ...task,
    workflowName: task.execution.workflow.name,
    detailsValue: JSON.parse(task.details) as unknown,
  };
}

type MailContext = Awaited<ReturnType<typeof loadMailContext>>;

/** A new link for `assigneeId` (its hash stored), mailed in the same transaction. */
async function mailLink(
  tx: Tx,
  ctx: MailContext,
  kind: MailKind,
  assigneeId: string,
  to: string,
  delegatedFrom: string | null,
) {
  const { token, hash } = newLinkToken();
  await tx.approvalLink.create({ data: { tokenHash: hash, assigneeId, kind } });
  const mail = renderApprovalRequest({
    kind,
    title: ctx.title,
    details: ctx.detailsValue,
    workflowName: ctx.workflowName,
    requester: ctx.requesterLabel ?? 'someone',
    link: appUrl(`/approve/${token}`),
    expiresAt: ctx.dueAt,
    delegatedFrom,
    waited: kind === 'escalation' && ctx.escalateAfterSec ? formatDuration(ctx.escalateAfterSec) : null,
  });
  await enqueueMail(tx, { kind, to, ...mail, executionId: ctx.executionId, approvalTaskId: ctx.id });
}

async function delegatorEmail(tx: Tx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await tx.user.findUnique({ where: { id: userId }, select: { email: true } }))?.email ?? null;
}

/** Adds the people not yet asked; returns how many were added. */
export async function addAssignees(
  tx: Tx,
  args: { taskId: string; people: ResolvedApprover[]; kind: MailKind },
): Promise<number> {
  const ctx = await loadMailContext(tx, args.taskId);
  const existing = new Set(
    (await tx.approvalAssignee.findMany({ where: { taskId: args.taskId }, select: { email: true } })).map(
      (a) => a.email,
    ),
  );
  let added = 0;
  for (const person of args.people) {
    if (existing.has(person.email)) continue;
    existing.add(person.email);
    const assignee = await tx.approvalAssignee.create({
      data: {
        taskId: args.taskId,
        userId: person.userId,
        email: person.email,
        via: person.via,
        delegatedFromUserId: person.delegatedFromUserId,
        linkExpiresAt: ctx.dueAt,
      },
      select: { id: true },
    });
    await mailLink(
      tx,
      ctx,
      args.kind,
      assignee.id,
      person.email,
      await delegatorEmail(tx, person.delegatedFromUserId),
    );
    added += 1;
  }
  return added;
}

/**
 * Asks again someone whose assignment was withdrawn (their row is CANCELLED): the row is pending
 * again for `person` (how they are reached now), their old links are deleted, and a new link is
 * mailed as a new request.
 */
export async function reaskAssignee(
  tx: Tx,
  args: { taskId: string; assigneeId: string; person: ResolvedApprover },
): Promise<void> {
  const ctx = await loadMailContext(tx, args.taskId);
  const { person } = args;
  await tx.approvalLink.deleteMany({ where: { assigneeId: args.assigneeId } });
  await tx.approvalAssignee.update({
    where: { id: args.assigneeId },
    data: {
      userId: person.userId,
      via: person.via,
      delegatedFromUserId: person.delegatedFromUserId,
      status: 'PENDING',
      linkExpiresAt: ctx.dueAt,
      linkUsedAt: null,
    },
  });
  await mailLink(
    tx,
    ctx,
    'approval-request',
    args.assigneeId,
    person.email,
    await delegatorEmail(tx, person.delegatedFromUserId),
  );
}

/** Mails every undecided assignee a reminder with a link of its own (the earlier links still work). */
export async function remindAssignees(tx: Tx, taskId: string): Promise<number> {
  const ctx = await loadMailContext(tx, taskId);
  const pending = await tx.approvalAssignee.findMany({
    where: { taskId, status: 'PENDING' },
    select: { id: true, email: true, delegatedFromUserId: true },
  });
  for (const assignee of pending) {
    await mailLink(
      tx,
      ctx,
      'reminder',
      assignee.id,
      assignee.email,
      await delegatorEmail(tx, assignee.delegatedFromUserId),
    );
  }
  return pending.length;
}
