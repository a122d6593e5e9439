/**
 * The inbox list: title, workflow, requester, waiting since, due. On a phone the secondary
 * columns fold into a line under the title; overdue rows are tinted and badged.
 */
import Link from 'next/link';
import type { InboxTaskRow } from '@/lib/approvals/list-inbox-tasks';
import { formatAge, formatUtc } from '@/components/ui/format-time';
import { EscalationMark, TaskStatusBadge } from './task-status-badge';

function TitleCell({ task, now }: { task: InboxTaskRow; now: Date }) {
  return (
    <td className="px-3 py-3 align-top">
      <Link
        href={`/inbox/${task.id}`}
        className="font-medium break-words text-slate-900 underline-offset-2 hover:underline"
      >
        {task.title}
      </Link>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        {(task.status !== 'PENDING' || task.overdue) && (
          <TaskStatusBadge status={task.status} overdue={task.overdue} />
        )}
        {task.status === 'PENDING' && <EscalationMark task={task} />}
        {task.mine === 'not-asked' && <span className="text-xs text-slate-500">not asked of you</span>}
        {task.onBehalfOf && <span className="text-xs text-slate-600">on behalf of {task.onBehalfOf}</span>}
        {task.mine === 'decided' && task.status === 'PENDING' && (
          <span className="text-xs text-slate-500">you decided; waiting for others</span>
        )}
      </div>
      <p className="mt-1 text-xs text-slate-600 md:hidden">
        {task.workflowName} · {task.requester} · waiting {formatAge(task.createdAt, now)}
        {task.dueAt ? ` · due ${formatUtc(task.dueAt)}` : ''}
      </p>
    </td>
  );
}

export function TaskTable({ tasks, now }: { tasks: InboxTaskRow[]; now: Date }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Approval tasks</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Title
            </th>
            <th scope="col" className="hidden px-3 py-2 md:table-cell">
              Workflow
            </th>
            <th scope="col" className="hidden px-3 py-2 md:table-cell">
              Requester
            </th>
            <th scope="col" className="hidden px-3 py-2 md:table-cell">
              Waiting since
            </th>
            <th scope="col" className="hidden px-3 py-2 md:table-cell">
              Due
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tasks.map((task) => (
            <tr key={task.id} className={task.overdue ? 'bg-amber-50' : undefined}>
              <TitleCell task={task} now={now} />
              <td className="hidden px-3 py-3 align-top text-slate-700 md:table-cell">{task.workflowName}</td>
              <td className="hidden px-3 py-3 align-top break-words text-slate-700 md:table-cell">
                {task.requester}
              </td>
              <td
                className="hidden px-3 py-3 align-top whitespace-nowrap text-slate-700 md:table-cell"
                title={formatUtc(task.createdAt)}
              >
                {formatAge(task.createdAt, now)} ago
              </td>
              <td
                className={`hidden px-3 py-3 align-top whitespace-nowrap md:table-cell ${task.overdue ? 'font-semibold text-amber-900' : 'text-slate-700'}`}
              >
                {task.dueAt ? formatUtc(task.dueAt) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
