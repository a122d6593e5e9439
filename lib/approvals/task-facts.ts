/**
 * The facts a task page adds to the request itself: who was asked and what each did, where the
 * policy stands in words, reminders and escalation (from their timers), the claim, and what the
 * viewer may do about it (claim, release, break the claim, change who is asked).
 */
import { db } from '../db/client';
import { ESCALATION, REMINDER } from './approval-timers';
import { liveClaimHolder } from './claim-rules';
import type { InboxViewer } from './inbox-scope';
import { describePolicy, type PolicyProgress } from './policy';
import { overseesTask } from './task-authority';

interface AssigneeFact {
  email: string;
  /** how they were asked: direct, group:NAME, escalation, delegation, added, reassigned */
  via: string;
  /** the group they were asked through, when it was a group */
  group: string | null;
  /** PENDING (not yet decided), DECIDED, CANCELLED (withdrawn, or no longer needed) */
  status: string;
  decision: 'approved' | 'rejected' | null;
  decidedAt: string | null;
  /** the person they stand in for (a delegation) */
  onBehalfOf: string | null;
  you: boolean;
}

export interface TaskFacts {
  assignees: AssigneeFact[];
  policyProgress: PolicyProgress;
  reminders: { sent: number; max: number; everySeconds: number | null; nextAt: string | null };
  /** null when the step has no Escalation */
  escalation: { afterSeconds: number; to: string[]; dueAt: string | null; escalatedAt: string | null } | null;
  /** a claim that holds now on an open task (a lapsed one is not shown) */
  claim: { by: string; byYou: boolean; claimedAt: string | null; expiresAt: string } | null;
  /** what the viewer may do now besides deciding */
  may: { claim: boolean; release: boolean; breakClaim: boolean; reassign: boolean };
}

export interface FactsTask {
  id: string;
  status: string;
  policyMode: string;
  policyCount: number;
  remindersSent: number;
  reminderMax: number;
  reminderEverySec: number | null;
  escalateAfterSec: number | null;
  escalateTo: string;
  escalatedAt: Date | null;
  claimedById: string | null;
  claimedAt: Date | null;
  claimExpiresAt: Date | null;
  decisions: Array<{ byEmail: string; decision: string; at: Date }>;
}

async function loadAssignees(taskId: string) {
  const rows = await db.approvalAssignee.findMany({
    where: { taskId },
    orderBy: { createdAt: 'asc' },
    select: { email: true, via: true, status: true, userId: true, delegatedFromUserId: true },
  });
  const ids = [...new Set(rows.flatMap((r) => (r.delegatedFromUserId ? [r.delegatedFromUserId] : [])))];
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })
    : [];
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((row) => ({ ...row, onBehalfOf: emails.get(row.delegatedFromUserId ?? '') ?? null }));
}

async function timersOf(taskId: string) {
  const timers = await db.timer.findMany({
    where: { approvalTaskId: taskId, status: 'PENDING', purpose: { in: [REMINDER, ESCALATION] } },
    orderBy: { dueAt: 'asc' },
    select: { purpose: true, dueAt: true },
  });
  const next = (purpose: string) => timers.find((t) => t.purpose === purpose)?.dueAt.toISOString() ?? null;
  return { reminder: next(REMINDER), escalation: next(ESCALATION) };
}

async function claimOf(task: FactsTask, viewerId: string, now: Date): Promise<TaskFacts['claim']> {
  const holder = task.status === 'PENDING' ? liveClaimHolder(task, now) : null;
  if (!holder) return null;
  const user = await db.user.findUnique({ where: { id: holder }, select: { email: true } });
  return {
    by: user?.email ?? 'someone',
    byYou: holder === viewerId,
    claimedAt: task.claimedAt?.toISOString() ?? null,
    expiresAt: (task.claimExpiresAt as Date).toISOString(),
  };
}

export async function loadTaskFacts(
  task: FactsTask,
  viewer: InboxViewer,
  open: boolean,
  now: Date,
): Promise<TaskFacts> {
  const [assignees, timers, claim] = await Promise.all([
    loadAssignees(task.id),
    timersOf(task.id),
    claimOf(task, viewer.id, now),
  ]);
  const decisionOf = new Map(task.decisions.map((d) => [d.byEmail.toLowerCase(), d]));
  const oversees = task.status === 'PENDING' && (await overseesTask(db, { ...viewer, email: '' }, task.id));
  const askedNow = assignees.some((a) => a.userId === viewer.id && a.status === 'PENDING');
  return {
    assignees: assignees.map((a) => {
      const decided = decisionOf.get(a.email.toLowerCase());
      return {
        email: a.email,
        via: a.via,
        group: a.via.startsWith('group:') ? a.via.slice('group:'.length) : null,
        status: a.status,
        decision: (decided?.decision as AssigneeFact['decision']) ?? null,
        decidedAt: decided?.at.toISOString() ?? null,
        onBehalfOf: a.onBehalfOf,
        you: a.userId === viewer.id,
      };
    }),
    policyProgress: describePolicy({
      mode: task.policyMode,
      count: task.policyCount,
      assignees: assignees.filter((a) => a.status !== 'CANCELLED').length,
      decisions: task.decisions,
    }),
    reminders: {
      sent: task.remindersSent,
      max: task.reminderMax,
      everySeconds: task.reminderEverySec,
      nextAt: timers.reminder,
    },
    escalation:
      task.escalateAfterSec === null
        ? null
        : {
            afterSeconds: task.escalateAfterSec,
            to: JSON.parse(task.escalateTo) as string[],
            dueAt: timers.escalation,
            escalatedAt: task.escalatedAt?.toISOString() ?? null,
          },
    claim,
    may: {
      claim: open && askedNow && (claim === null || claim.byYou),
      release: claim?.byYou ?? false,
      breakClaim: claim !== null && !claim.byYou && oversees,
      reassign: open && oversees,
    },
  };
}
