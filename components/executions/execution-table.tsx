/**
 * The executions list: name (to its page), workflow and version, status, started (how long
 * ago; the UTC time on hover) and duration. Below desktop width the workflow and times fold
 * into a line under the name.
 */
import Link from 'next/link';
import { formatUtc } from '@/components/ui/format-time';
import type { ExecutionSummary } from '@/lib/executions';
import { ExecutionStatusBadge } from './execution-status-badge';
import { executionDuration, formatAgo } from './format';

function Started({ at, now }: { at: Date; now: Date }) {
  const iso = at.toISOString();
  return (
    <time dateTime={iso} title={formatUtc(iso)}>
      {formatAgo(iso, now)}
    </time>
  );
}

export function ExecutionTable({ executions, now }: { executions: ExecutionSummary[]; now: Date }) {
  const head = 'px-3 py-2';
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Executions</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={head}>
              Name
            </th>
            <th scope="col" className={`hidden md:table-cell ${head}`}>
              Workflow
            </th>
            <th scope="col" className={head}>
              Status
            </th>
            <th scope="col" className={`hidden md:table-cell ${head}`}>
              Started
            </th>
            <th scope="col" className={`hidden text-right md:table-cell ${head}`}>
              Duration
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {executions.map((e) => (
            <tr key={e.id}>
              <td className="px-3 py-3 align-top">
                <Link
                  href={`/admin/executions/${e.id}`}
                  className="font-medium break-all text-blue-700 hover:underline"
                >
                  {e.name}
                </Link>
                <p className="mt-1 text-xs text-slate-600 md:hidden">
                  {e.workflowName} v{e.version} · <Started at={e.startedAt} now={now} /> ·{' '}
                  {executionDuration(e.startedAt, e.stoppedAt, now)}
                </p>
              </td>
              <td className="hidden px-3 py-3 align-top md:table-cell">
                <span className="break-all">{e.workflowName}</span>{' '}
                <span className="text-slate-600">v{e.version}</span>
              </td>
              <td className="px-3 py-3 align-top">
                <ExecutionStatusBadge status={e.status} />
              </td>
              <td className="hidden px-3 py-3 align-top whitespace-nowrap text-slate-700 md:table-cell">
                <Started at={e.startedAt} now={now} />
              </td>
              <td className="hidden px-3 py-3 text-right align-top whitespace-nowrap text-slate-700 tabular-nums md:table-cell">
                {executionDuration(e.startedAt, e.stoppedAt, now)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
