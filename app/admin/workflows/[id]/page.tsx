/**
 * GET /admin/workflows/:id — a workflow's graph (any version: ?version=N), its versions, and the
 * diff between two of them (?from=A&to=B). Links to edit it, start it and its executions.
 */
import { Pencil, Play, History } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { WorkflowGraph } from '@/components/graph/workflow-graph';
import { Card } from '@/components/ui/card';
import { formatUtc } from '@/components/ui/format-time';
import { VersionDiff } from '@/components/workflows/version-diff';
import { requireAdminPage, userActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { getWorkflowOrThrow, getWorkflowVersionOrThrow } from '@/lib/workflows/get-workflow-or-throw';

export const metadata: Metadata = { title: 'Workflow' };
export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function versionParam(value: string | undefined, versions: number[], fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && versions.includes(n) ? n : fallback;
}

const button =
  'inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50';

export default async function WorkflowPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const actor = userActor(await requireAdminPage(`/admin/workflows/${id}`));
  const workflow = await getWorkflowOrThrow({ id: decodeURIComponent(id), actor }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const numbers = workflow.versions.map((v) => v.version);
  const shown = versionParam(one(query.version), numbers, workflow.currentVersion);
  const from = one(query.from) ? versionParam(one(query.from), numbers, shown) : undefined;
  const to = versionParam(one(query.to), numbers, workflow.currentVersion);
  const [shownVersion, fromVersion, toVersion] = await Promise.all([
    getWorkflowVersionOrThrow({ workflowId: workflow.id, version: shown, actor }),
    from !== undefined
      ? getWorkflowVersionOrThrow({ workflowId: workflow.id, version: from, actor })
      : undefined,
    from !== undefined
      ? getWorkflowVersionOrThrow({ workflowId: workflow.id, version: to, actor })
      : undefined,
  ]);
  const saved = one(query.saved);
  return (
    <div className="space-y-6">
      {saved && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          {saved === 'same'
            ? 'Nothing changed: the definition is the same as the current version.'
            : `Saved as version ${saved}.`}
        </p>
      )}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold break-all">{workflow.name}</h1>
          <p className="text-sm text-slate-600">
            Version {shown}
            {shown === workflow.currentVersion
              ? ' (current)'
              : ` · current is ${workflow.currentVersion}`} · {workflow.type.toLowerCase()}
          </p>
          {workflow.description && <p className="mt-1 text-sm text-slate-700">{workflow.description}</p>}
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/admin/workflows/${workflow.id}/edit`} className={button}>
            <Pencil aria-hidden className="size-4" /> Edit
          </Link>
          <Link href={`/admin/executions/new?workflow=${workflow.id}`} className={button}>
            <Play aria-hidden className="size-4" /> Start execution
          </Link>
          <Link href={`/admin/executions?workflow=${workflow.id}`} className={button}>
            <History aria-hidden className="size-4" /> Executions
          </Link>
        </div>
      </div>

      <WorkflowGraph
        definition={shownVersion.definition}
        label={`Graph of ${workflow.name} version ${shown}`}
      />

      <Card title="Versions">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Versions of {workflow.name}</caption>
            <thead className="text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  Version
                </th>
                <th scope="col" className="py-2 pr-3">
                  Created
                </th>
                <th scope="col" className="hidden py-2 pr-3 md:table-cell">
                  Note
                </th>
                <th scope="col" className="py-2 pr-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {workflow.versions.map((v) => (
                <tr key={v.version} aria-current={v.version === shown ? 'true' : undefined}>
                  <td className="py-2 pr-3 font-medium">
                    v{v.version}
                    {v.version === workflow.currentVersion && (
                      <span className="ml-1 text-xs text-green-700">current</span>
                    )}
                  </td>
                  <td className="py-2 pr-3 text-slate-700">{formatUtc(v.createdAt.toISOString())}</td>
                  <td className="hidden py-2 pr-3 text-slate-700 md:table-cell">{v.description ?? '—'}</td>
                  <td className="space-x-3 py-2 pr-3 text-right whitespace-nowrap">
                    <Link
                      href={`/admin/workflows/${workflow.id}?version=${v.version}`}
                      className="text-blue-700 hover:underline"
                    >
                      View<span className="sr-only"> version {v.version}</span>
                    </Link>
                    {v.version !== workflow.currentVersion && (
                      <Link
                        href={`/admin/workflows/${workflow.id}?from=${v.version}&to=${workflow.currentVersion}#diff`}
                        className="text-blue-700 hover:underline"
                      >
                        Compare<span className="sr-only"> version {v.version}</span> with current
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {numbers.length > 1 && (
          <form method="get" className="mt-4 flex flex-wrap items-end gap-3 text-sm" id="diff">
            <label className="block">
              <span className="block font-medium">From version</span>
              <select
                name="from"
                defaultValue={from ?? numbers[1]}
                className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5"
              >
                {numbers.map((n) => (
                  <option key={n} value={n}>
                    v{n}
                  </option>
                ))}
              </select>
            </label>
            <label className="block">
              <span className="block font-medium">To version</span>
              <select
                name="to"
                defaultValue={to}
                className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5"
              >
                {numbers.map((n) => (
                  <option key={n} value={n}>
                    v{n}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={button}>
              Compare
            </button>
          </form>
        )}
        {fromVersion && toVersion && (
          <div className="mt-4">
            <VersionDiff
              from={fromVersion.definition}
              to={toVersion.definition}
              fromLabel={`v${fromVersion.version}`}
              toLabel={`v${toVersion.version}`}
            />
          </div>
        )}
      </Card>

      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer text-sm font-medium">Definition of version {shown} (JSON)</summary>
        <pre className="mt-3 max-h-[32rem] overflow-auto font-mono text-xs text-slate-800">
          {shownVersion.definition}
        </pre>
      </details>
    </div>
  );
}
