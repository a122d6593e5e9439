/** Why the form is not shown (or what just happened): decided, closed, or not asked of this person. */
import type { InboxTaskView } from '@/lib/approvals/get-inbox-task-or-throw';
import { formatUtc } from '@/components/ui/format-time';

const CLOSED: Record<string, string> = {
  APPROVED: 'This request was approved',
  REJECTED: 'This request was rejected',
  EXPIRED: 'This request expired before anyone decided it',
  CANCELLED: 'This request was cancelled: its workflow stopped or no longer needs it',
};

function message(task: InboxTaskView, decided?: string): string {
  if (decided) {
    const settled =
      task.status === 'PENDING'
        ? 'The request waits for other approvers.'
        : 'The request is settled and its workflow continues.';
    return `You ${decided === 'rejected' ? 'rejected' : 'approved'} this request. ${settled}`;
  }
  if (task.blockedReason === 'not-asked')
    return 'You can read this request, but you are not among the people asked to decide it, so only they can approve or reject it.';
  if (task.blockedReason === 'already-decided')
    return 'You already decided this request. It waits for other approvers.';
  const closed = CLOSED[task.status] ?? 'This request can no longer be decided';
  return `${closed}${task.decidedAt ? ` on ${formatUtc(task.decidedAt)}` : ''}.`;
}

export function TaskStatusNote({ task, decided }: { task: InboxTaskView; decided?: string }) {
  if (task.canDecide && !decided) return null;
  const tone = decided
    ? 'border-green-200 bg-green-50 text-green-900'
    : 'border-slate-200 bg-slate-50 text-slate-800';
  return (
    <p role="status" className={`rounded-md border p-3 text-sm ${tone}`}>
      {message(task, decided)}
    </p>
  );
}
