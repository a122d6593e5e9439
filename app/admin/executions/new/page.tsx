/**
 * GET /admin/executions/new[?workflow=<id or name>] — start an execution of a workflow's
 * current version, its input offered from the workflow's last execution.
 */
import { forbidden } from 'next/navigation';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatUtc } from '@/components/ui/format-time';
import { requirePageUser, userActor } from '@/lib/auth/session';
import { getLastExecutionInput } from '@/lib/executions/last-execution-input';
import { listWorkflows } from '@/lib/workflows/list-workflows';
import { StartForm } from './start-form';

export const metadata: Metadata = { title: 'Start execution' };
export const dynamic = 'force-dynamic';

export default async function NewExecutionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('/admin/executions/new');
  if (user.role !== 'admin') forbidden();
  const actor = userActor(user);
  const param = (await searchParams).workflow;
  const wanted = (Array.isArray(param) ? param[0] : param)?.trim() || undefined;
  const workflows = await listWorkflows({ actor });
  const chosen = wanted ? workflows.find((w) => w.id === wanted || w.name === wanted) : undefined;
  const last = chosen ? await getLastExecutionInput({ workflowId: chosen.id, actor }) : null;
  const prefill = JSON.stringify(last?.input ?? {}, null, 2);
  const prefillNote = last
    ? `The last execution's input (${last.executionName}, started ${formatUtc(last.startedAt.toISOString())}).`
    : chosen
      ? 'This workflow has not run yet: the input starts as {}.'
      : "Choose a workflow to start from its last execution's input.";
  return (
    <div className="space-y-6">
      <Link href="/admin/executions" className="text-sm text-slate-600 hover:underline">
        ← Executions
      </Link>
      <h1 className="text-2xl font-bold">Start execution</h1>
      {wanted && !chosen && (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          There is no workflow “{wanted}”: choose one below.
        </p>
      )}
      {workflows.length === 0 ? (
        <EmptyState title="No workflows yet">
          <Link href="/admin/workflows/new" className="underline">
            Create a workflow
          </Link>{' '}
          first; its executions start here.
        </EmptyState>
      ) : (
        <Card>
          <StartForm
            workflows={workflows.map((w) => ({ id: w.id, name: w.name, currentVersion: w.currentVersion }))}
            workflowId={chosen?.id ?? ''}
            prefill={prefill}
            prefillNote={prefillNote}
          />
        </Card>
      )}
    </div>
  );
}
