/** GET /admin/workflows — every workflow with its current version, what runs and waits now, and its last execution. */
import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { formatUtc } from '@/components/ui/format-time';
import { requireAdminPage, userActor } from '@/lib/auth/session';
import { listWorkflowOverview } from '@/lib/workflows/workflow-overview';

export const metadata: Metadata = { title: 'Workflows' };
export const dynamic = 'force-dynamic';

export default async function WorkflowsPage() {
  const actor = userActor(await requireAdminPage('/admin/workflows'));
  const workflows = await listWorkflowOverview({ actor });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Workflows</h1>
        <Link
          href="/admin/workflows/new"
          className="inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800"
        >
          <Plus aria-hidden className="size-4" /> New workflow
        </Link>
      </div>
      {workflows.length === 0 ? (
        <EmptyState title="No workflows yet">Create one with New workflow, or through the API.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Workflows</caption>
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Workflow
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  Version
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Running
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Waiting
                </th>
                <th scope="col" className="hidden px-3 py-2 md:table-cell">
                  Last execution
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {workflows.map((w) => (
                <tr key={w.id}>
                  <td className="px-3 py-3 align-top">
                    <Link
                      href={`/admin/workflows/${w.id}`}
                      className="font-medium break-words text-blue-700 hover:underline"
                    >
                      {w.name}
                    </Link>
                    {w.type === 'EXPRESS' && (
                      <span className="ml-1.5 rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800">
                        Express
                      </span>
                    )}
                    <span className="ml-1 text-xs text-slate-600 sm:hidden">v{w.currentVersion}</span>
                    {w.description && <p className="text-xs text-slate-600">{w.description}</p>}
                  </td>
                  <td className="hidden px-3 py-3 align-top sm:table-cell">v{w.currentVersion}</td>
                  <td className="px-3 py-3 text-right align-top tabular-nums">
                    <Link
                      href={`/admin/executions?workflow=${w.id}&status=RUNNING`}
                      className="hover:underline"
                    >
                      {w.running}
                    </Link>
                  </td>
                  <td className="px-3 py-3 text-right align-top tabular-nums">{w.waiting}</td>
                  <td className="hidden px-3 py-3 align-top md:table-cell">
                    {w.lastExecution ? (
                      <Link href={`/admin/executions/${w.lastExecution.id}`} className="hover:underline">
                        <span className="text-slate-900">{w.lastExecution.status.toLowerCase()}</span>{' '}
                        <span className="text-slate-600">
                          {formatUtc(w.lastExecution.startedAt.toISOString())}
                        </span>
                      </Link>
                    ) : (
                      <span className="text-slate-600">never run</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
