/**
 * Where a task stands: the policy in words ("2 of 3 approvals, none rejected" and its rule),
 * the reminders sent and the next one, and the escalation (due, or done and to whom).
 */
import { formatDuration } from '@/lib/approvals/closing-reason';
import type { TaskFacts } from '@/lib/approvals/task-facts';
import { LocalTime } from '@/components/ui/local-time';

interface TaskProgressProps extends Pick<TaskFacts, 'policyProgress' | 'reminders' | 'escalation'> {
  /** still waiting for decisions */
  open: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function Reminders({ reminders, open }: { reminders: TaskFacts['reminders']; open: boolean }) {
  if (reminders.max === 0 || reminders.everySeconds === null)
    return <p>No reminders are sent for this step.</p>;
  return (
    <p>
      {reminders.sent} of {plural(reminders.max, 'reminder')} sent, one every{' '}
      {formatDuration(reminders.everySeconds)}
      {open && reminders.nextAt ? (
        <>
          ; the next on <LocalTime iso={reminders.nextAt} />
        </>
      ) : null}
      .
    </p>
  );
}

function Escalation({ escalation, open }: { escalation: TaskFacts['escalation']; open: boolean }) {
  if (!escalation) return <p>This step does not escalate.</p>;
  const to = escalation.to.join(', ');
  if (escalation.escalatedAt)
    return (
      <p>
        Escalated to {to} on <LocalTime iso={escalation.escalatedAt} />.
      </p>
    );
  if (open && escalation.dueAt)
    return (
      <p>
        Escalates to {to} on <LocalTime iso={escalation.dueAt} /> if it is still undecided (
        {formatDuration(escalation.afterSeconds)} after the request).
      </p>
    );
  const after = formatDuration(escalation.afterSeconds);
  return open ? (
    <p>
      Escalates to {to} {after} after the request if it is still undecided.
    </p>
  ) : (
    <p>
      It did not escalate (it would have gone to {to} after {after}).
    </p>
  );
}

export function TaskProgress({ policyProgress: policy, reminders, escalation, open }: TaskProgressProps) {
  return (
    <section aria-labelledby="progress-heading" className="space-y-2">
      <h2 id="progress-heading" className="text-lg font-semibold">
        Policy and timers
      </h2>
      <div className="space-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-800">
        <p>
          <span className="font-semibold">{policy.summary}</span>
          {open && policy.stillNeeded > 0
            ? ` — waiting for ${plural(policy.stillNeeded, 'more approval')}`
            : ''}
          .
        </p>
        <p className="text-slate-600">{policy.rule}</p>
        <Reminders reminders={reminders} open={open} />
        <Escalation escalation={escalation} open={open} />
      </div>
    </section>
  );
}
