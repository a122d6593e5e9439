/**
 * What an email link's holder is told once the link can no longer decide: their own decision,
 * someone else's, an expiry or a withdrawal — each built from the stored task (LinkTaskView),
 * with what it did to the workflow.
 */
import Link from 'next/link';
import type { LinkTaskView, LinkView } from '@/lib/approvals/get-link-view';
import { workflowEffect } from '@/lib/approvals/describe-outcome';
import { LocalTime } from '@/components/ui/local-time';
import { DecisionList } from './decision-list';
import { TaskStatusBadge } from './task-status-badge';

type OutcomeKind = Exclude<LinkView['kind'], 'invalid'>;

function yourDecision(task: LinkTaskView) {
  return task.decisions.find((d) => d.you);
}

function heading(kind: OutcomeKind, task: LinkTaskView): string {
  const mine = yourDecision(task);
  if (kind === 'used' && mine)
    return mine.decision === 'approved' ? 'You approved this request' : 'You rejected this request';
  if (kind === 'decided') return task.status === 'APPROVED' ? 'Already approved' : 'Already rejected';
  if (kind === 'expired') return 'This request expired';
  if (kind === 'cancelled' && task.handedOver) return 'This request is no longer yours to decide';
  if (kind === 'cancelled') return 'This request was withdrawn';
  return 'This request waits for your decision';
}

function Lead({ kind, task }: { kind: OutcomeKind; task: LinkTaskView }) {
  const mine = yourDecision(task);
  const title = `“${task.title}”`;
  if (kind === 'used' && mine)
    return (
      <p>
        You {mine.decision} {title} on <LocalTime iso={mine.at} />
        {mine.comment ? <> with the comment “{mine.comment}”</> : ' without a comment'}. Your link cannot be
        used again.
      </p>
    );
  if (kind === 'decided') {
    const by = task.decisions.filter((d) => d.decision === task.status.toLowerCase()).map((d) => d.by);
    return (
      <p>
        {title} was {task.status.toLowerCase()}
        {by.length > 0 ? ` by ${by.join(', ')}` : ''}
        {task.closedAt ? (
          <>
            {' '}
            on <LocalTime iso={task.closedAt} />
          </>
        ) : null}{' '}
        before you decided. Your link changes nothing now.
      </p>
    );
  }
  if (kind === 'expired')
    return (
      <p>
        {title} was not decided in time: {task.closedReason ?? 'its deadline passed'}. Nothing was decided
        with your link.
      </p>
    );
  if (kind === 'cancelled' && task.handedOver)
    return (
      <p>
        {title} was handed to someone else to decide (a delegation or a reassignment). Nothing was decided
        with your link.
      </p>
    );
  if (kind === 'cancelled')
    return (
      <p>
        {title} no longer needs a decision: {task.closedReason ?? 'its workflow stopped before a decision'}.
        Nothing was decided with your link.
      </p>
    );
  return <p>{title} has not been decided yet.</p>;
}

function NextStep({ kind, task, token }: { kind: OutcomeKind; task: LinkTaskView; token: string }) {
  if (kind === 'open')
    return (
      <Link href={`/approve/${token}`} className="font-medium underline">
        Review and decide
      </Link>
    );
  if (task.superseded)
    return <p>The workflow asked again in a newer request: use the link in your latest email.</p>;
  if (kind === 'expired')
    return (
      <p>
        {task.requesterIsPerson
          ? `Ask ${task.requester} to start a new request if it is still needed.`
          : 'If it is still needed, it has to be started again.'}
      </p>
    );
  return null;
}

export function LinkOutcome({ kind, task, token }: { kind: OutcomeKind; task: LinkTaskView; token: string }) {
  const closedAfterYou =
    kind === 'used' && (task.status === 'EXPIRED' || task.status === 'CANCELLED')
      ? `The request then ${task.status === 'EXPIRED' ? 'expired' : 'was withdrawn'}: ${task.closedReason ?? 'its workflow stopped'}. `
      : '';
  const effect = kind === 'open' ? '' : `${closedAfterYou}${workflowEffect(task)}`.trim();
  return (
    <div className="mx-auto max-w-xl space-y-5">
      <div className="space-y-2">
        <TaskStatusBadge status={task.status} />
        <h1 className="text-2xl font-bold">{heading(kind, task)}</h1>
      </div>
      <div className="space-y-3 text-slate-800">
        <Lead kind={kind} task={task} />
        {effect && <p>{effect}</p>}
        <NextStep kind={kind} task={task} token={token} />
      </div>
      <section aria-labelledby="decisions-heading" className="space-y-2">
        <h2 id="decisions-heading" className="text-lg font-semibold">
          Decisions
        </h2>
        <DecisionList decisions={task.decisions} closed={task.status !== 'PENDING'} />
      </section>
      <p className="text-sm text-slate-600">
        Workflow {task.workflowName} · requested by {task.requester} · asked of {task.approverEmail}
      </p>
    </div>
  );
}
