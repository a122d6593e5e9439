/**
 * Everyone asked to decide a task: the person ("you" for the viewer), how they were asked (by
 * name, through a group, on behalf of someone, by escalation, added or put in someone's place),
 * what they decided and when, and their comment.
 */
import type { TaskFacts } from '@/lib/approvals/task-facts';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';

type Assignee = TaskFacts['assignees'][number];

const VIA: Record<string, string> = {
  direct: 'asked by name',
  escalation: 'asked when the request escalated',
  delegation: 'asked as a delegate',
  added: 'added by a manager or an admin',
  reassigned: 'put in someone’s place by a manager or an admin',
};

function howAsked(a: Assignee): string {
  const how = a.group ? `through the group ${a.group}` : (VIA[a.via] ?? `asked via ${a.via}`);
  return a.onBehalfOf ? `${how}, on behalf of ${a.onBehalfOf}` : how;
}

function standing(a: Assignee): { tone: BadgeTone; word: string } {
  if (a.decision === 'approved') return { tone: 'green', word: 'Approved' };
  if (a.decision === 'rejected') return { tone: 'red', word: 'Rejected' };
  // "Pending" and "Withdrawn" are the task's own status words; a person's say something else
  if (a.status === 'CANCELLED') return { tone: 'neutral', word: 'No longer asked' };
  return { tone: 'blue', word: 'Not decided yet' };
}

interface TaskPeopleProps {
  assignees: Assignee[];
  /** the decisions with their comments, matched to people by email */
  decisions: Array<{ by: string; comment: string | null }>;
}

export function TaskPeople({ assignees, decisions }: TaskPeopleProps) {
  const comments = new Map(decisions.map((d) => [d.by.toLowerCase(), d.comment]));
  return (
    <section aria-labelledby="people-heading" className="space-y-2">
      <h2 id="people-heading" className="text-lg font-semibold">
        Who was asked
      </h2>
      {assignees.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody is asked to decide this request.</p>
      ) : (
        <ul
          aria-label="People asked"
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        >
          {assignees.map((a) => {
            const { tone, word } = standing(a);
            const comment = comments.get(a.email.toLowerCase());
            return (
              <li key={a.email} className="space-y-1 p-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium break-all">
                    {a.email}
                    {a.you ? ' (you)' : ''}
                  </span>
                  <Badge tone={tone}>{word}</Badge>
                  {a.decidedAt && (
                    <span className="text-slate-600">
                      <LocalTime iso={a.decidedAt} />
                    </span>
                  )}
                </p>
                <p className="text-slate-600">{howAsked(a)}</p>
                {comment && <p className="break-words whitespace-pre-wrap text-slate-700">“{comment}”</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
