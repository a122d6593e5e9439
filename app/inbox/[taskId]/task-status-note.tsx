/**
 * Why the form is not shown, or what the viewer just did: every sentence from stored facts (the
 * viewer's own decision row, the task's status and reason, its workflow's state), never from
 * the address the page was opened with. (Someone else's claim is said by the claim panel.)
 */
import type { ReactNode } from 'react';
import type { InboxTaskView } from '@/lib/approvals/get-inbox-task-or-throw';
import { workflowEffect } from '@/lib/approvals/describe-outcome';
import { LocalTime } from '@/components/ui/local-time';

function closed(task: InboxTaskView): ReactNode {
  const when = task.decidedAt ? (
    <>
      {' '}
      on <LocalTime iso={task.decidedAt} />
    </>
  ) : null;
  const effect = workflowEffect(task);
  if (task.status === 'APPROVED' || task.status === 'REJECTED')
    return (
      <>
        This request was {task.status.toLowerCase()}
        {when}. {effect}
      </>
    );
  if (task.status === 'EXPIRED')
    return (
      <>
        This request expired{when}: {task.closedReason ?? 'its deadline passed'}. {effect}
      </>
    );
  if (task.status === 'CANCELLED')
    return task.closedReason ? ( // a stop's reason carries its own time
      `This request was withdrawn: ${task.closedReason}.`
    ) : (
      <>This request was withdrawn{when}: its workflow stopped before a decision.</>
    );
  return 'This request can no longer be decided: its workflow is no longer waiting for it.';
}

function message(task: InboxTaskView, justDecided: boolean): ReactNode {
  const mine = task.decisions.find((d) => d.you);
  if (justDecided && mine) return `You ${mine.decision} this request. ${workflowEffect(task)}`.trim();
  if (task.blockedReason === 'closed') return closed(task);
  if (task.blockedReason === 'not-asked')
    return 'You can read this request, but you are not among the people asked to decide it, so only they can approve or reject it.';
  if (task.blockedReason === 'already-decided')
    return `You already decided this request. ${workflowEffect(task)}`.trim();
  return null;
}

export function TaskStatusNote({ task, justDecided }: { task: InboxTaskView; justDecided: boolean }) {
  const text = message(task, justDecided);
  if (!text) return null;
  const tone =
    justDecided && task.decisions.some((d) => d.you)
      ? 'border-green-200 bg-green-50 text-green-900'
      : 'border-slate-200 bg-slate-50 text-slate-800';
  return (
    <p role="status" className={`rounded-md border p-3 text-sm ${tone}`}>
      {text}
    </p>
  );
}
