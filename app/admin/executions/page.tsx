/**
 * GET /admin/executions — executions newest first, filtered by the query params (status,
 * workflow, version, from, to, name, error) and paged by `cursor`. A bad param is named on the
 * page instead of failing it.
 */
import { forbidden } from 'next/navigation';
import { Play } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ExecutionFilters } from '@/components/executions/execution-filters';
import { ExecutionTable } from '@/components/executions/execution-table';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePageUser, userActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { listExecutions, type ExecutionSummary } from '@/lib/executions';
import { EXECUTION_STATUSES } from '@/lib/executions/schemas';
import { getMapRun } from '@/lib/executions/map-runs';
import { listWorkflows } from '@/lib/workflows/list-workflows';
import { executionsHref, parseExecutionFilters } from './filters';

export const metadata: Metadata = { title: 'Executions' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

export default async function ExecutionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('/admin/executions');
  // The layout does not run again on a client-side navigation between admin pages: check here too.
  if (user.role !== 'admin') forbidden();
  const actor = userActor(user);
  const { filters, values, problems } = parseExecutionFilters(await searchParams);
  const workflows = await listWorkflows({ actor });
  let page: { executions: ExecutionSummary[]; nextToken?: string } | undefined;
  if (problems.length === 0) {
    try {
      page = await listExecutions({ ...filters, maxResults: PAGE_SIZE, actor });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error;
      problems.push('This page link is not valid any more (the cursor is not one this list gave out).');
    }
  }
  const filtered = Object.keys(filters).some((key) => key !== 'nextToken' && key !== 'type');
  const mapRun = filters.mapRunId
    ? await getMapRun({ id: filters.mapRunId, actor }).catch((error: unknown) => {
        if (isAppError(error) && error.code === 'NOT_FOUND') return null;
        throw error;
      })
    : undefined;
  const express = filters.type === 'EXPRESS';
  const startHref = filters.workflowId
    ? `/admin/executions/new?workflow=${encodeURIComponent(filters.workflowId)}`
    : '/admin/executions/new';
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Executions</h1>
        <Link
          href={startHref}
          className="inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800"
        >
          <Play aria-hidden className="size-4" /> Start execution
        </Link>
      </div>
      <nav aria-label="Execution types" className="border-b border-slate-200">
        <ul className="flex gap-1 text-sm">
          {(
            [
              ['standard', 'Standard', !express],
              ['express', 'Express', express],
            ] as const
          ).map(([type, label, current]) => (
            <li key={type}>
              <Link
                href={executionsHref(
                  { ...values, type },
                  { cursor: undefined, workflow: undefined, version: undefined },
                )}
                aria-current={current ? 'page' : undefined}
                className={`block border-b-2 px-2.5 py-2 font-medium whitespace-nowrap ${
                  current
                    ? 'border-blue-600 text-slate-950'
                    : 'border-transparent text-slate-600 hover:text-slate-950'
                }`}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {mapRun !== undefined && (
        <p className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700">
          {mapRun ? (
            <>
              Child executions of map run <span className="font-medium">{mapRun.label}</span> of{' '}
              <Link href={`/admin/executions/${mapRun.executionId}`} className="text-blue-700 underline">
                {mapRun.executionName}
              </Link>
              .
            </>
          ) : (
            'There is no such map run.'
          )}
        </p>
      )}
      {express && (
        <p className="text-sm text-slate-600">
          Express runs answer within their request (StartSyncExecution) and are kept for a short time.
        </p>
      )}
      <ExecutionFilters
        values={values}
        statuses={EXECUTION_STATUSES}
        workflows={workflows.map((w) => ({ id: w.id, name: w.name }))}
      />
      {problems.length > 0 ? (
        <div
          role="alert"
          className="space-y-1 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800"
        >
          <p className="font-semibold">These filters cannot be used:</p>
          <ul className="list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p>
            Correct them above, or{' '}
            <Link href="/admin/executions" className="underline">
              clear the filters
            </Link>
            .
          </p>
        </div>
      ) : page && page.executions.length === 0 ? (
        filtered || filters.nextToken ? (
          <EmptyState title="No executions match these filters">
            Widen the filters or{' '}
            <Link href="/admin/executions" className="underline">
              clear them
            </Link>
            .
          </EmptyState>
        ) : (
          <EmptyState title="No executions yet">
            <Link href="/admin/executions/new" className="underline">
              Start an execution
            </Link>{' '}
            of a workflow, or start one through the API.
          </EmptyState>
        )
      ) : page ? (
        <>
          <ExecutionTable executions={page.executions} now={new Date()} />
          <nav aria-label="Pages" className="flex flex-wrap justify-between gap-3 text-sm">
            {filters.nextToken ? (
              <Link
                href={executionsHref(values, { cursor: undefined })}
                className="text-blue-700 hover:underline"
              >
                <span aria-hidden>← </span>Newest
              </Link>
            ) : (
              <span />
            )}
            {page.nextToken && (
              <Link
                href={executionsHref(values, { cursor: page.nextToken })}
                className="text-blue-700 hover:underline"
              >
                Next page<span aria-hidden> →</span>
              </Link>
            )}
          </nav>
        </>
      ) : null}
    </div>
  );
}
