/**
 * The approvals an execution waits on: the request's title and state, who was asked (each
 * person, how they were reached, whether they answered) and the groups behind them, with a
 * link to the task.
 */
import { UserRound, UsersRound } from 'lucide-react';
import Link from 'next/link';
import { formatUtc } from '@/components/ui/format-time';
import type { ExecutionApproval } from '@/lib/approvals/execution-approvals';

const policyWords = (policy: ExecutionApproval['policy']) =>
  policy.mode === 'all'
    ? 'everyone asked must approve'
    : policy.mode === 'quorum'
      ? `${policy.count} approvals needed`
      : 'one approval is enough';

const viaWords = (via: string) =>
  via.startsWith('group:') ? `through ${via.slice(6)}` : via === 'direct' ? 'asked by name' : `by ${via}`;

export function ApprovalWaiting({ approvals }: { approvals: ExecutionApproval[] }) {
  return (
    <section
      aria-labelledby="waiting-heading"
      className="space-y-4 rounded-lg border border-amber-300 bg-amber-50 p-5"
    >
      <h2 id="waiting-heading" className="text-base font-semibold text-amber-950">
        Waiting for approval
      </h2>
      {approvals.map((task) => (
        <div key={task.taskId} className="space-y-2">
          <p className="text-sm text-slate-900">
            <span className="font-medium break-words">{task.title}</span>{' '}
            <span className="text-slate-700">
              (state {task.stateName}; {policyWords(task.policy)}; asked {formatUtc(task.createdAt)}
              {task.dueAt ? `; due ${formatUtc(task.dueAt)}` : ''})
            </span>
          </p>
          {task.groups.length > 0 && (
            <p className="flex flex-wrap items-center gap-1.5 text-sm text-slate-800">
              <UsersRound aria-hidden className="size-4" /> Groups: {task.groups.join(', ')}
            </p>
          )}
          <ul aria-label={`Asked for ${task.title}`} className="space-y-1 text-sm">
            {task.assignees.map((a) => (
              <li key={a.email} className="flex flex-wrap items-center gap-1.5 text-slate-800">
                <UserRound aria-hidden className="size-4" />
                <span className="break-all">{a.name ? `${a.name} <${a.email}>` : a.email}</span>
                <span className="text-xs text-slate-600">
                  {viaWords(a.via)} ·{' '}
                  {a.status === 'PENDING'
                    ? 'not answered yet'
                    : a.status === 'DECIDED'
                      ? 'decided'
                      : 'no longer asked'}
                </span>
              </li>
            ))}
          </ul>
          <Link
            href={`/inbox/${task.taskId}`}
            className="inline-block text-sm font-medium text-blue-700 underline"
          >
            Open the task
          </Link>
        </div>
      ))}
    </section>
  );
}
