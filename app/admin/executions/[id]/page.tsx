/**
 * GET /admin/executions/<id>[?events=<token>&order=newest] — one execution: status, times,
 * error, input and output; who an approval waits on; the graph coloured by what happened; each
 * state reached with its input and output; the event history, 100 events a page. Stop and
 * Redrive (confirmed first). While it runs, the page refreshes itself.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { ApprovalWaiting } from '@/components/executions/approval-waiting';
import { ExecutionGraph } from '@/components/executions/execution-graph';
import { ExecutionStatusBadge } from '@/components/executions/execution-status-badge';
import { executionDuration } from '@/components/executions/format';
import { JsonBlock, prettyJson } from '@/components/executions/json-block';
import { LiveStatus } from '@/components/executions/live-status';
import { StateList } from '@/components/executions/state-list';
import { Card } from '@/components/ui/card';
import { formatUtc } from '@/components/ui/format-time';
import { listExecutionApprovals } from '@/lib/approvals/execution-approvals';
import type { Actor } from '@/lib/auth/actor';
import { requirePageUser, userActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { getExecutionOrThrow } from '@/lib/executions';
import { listMapRuns } from '@/lib/executions/map-runs';
import { MapRunList } from '@/components/executions/map-run-list';
import { getExecutionProgress } from '@/lib/executions/state-summary';
import { ExecutionControls } from './execution-controls';
import { HistorySection, loadHistory } from './history-section';

export const metadata: Metadata = { title: 'Execution' };
export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function loadExecution(id: string, actor: Actor) {
  try {
    return await getExecutionOrThrow({ id, actor });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export default async function ExecutionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/admin/executions/${encodeURIComponent(id)}`);
  if (user.role !== 'admin') forbidden();
  const actor = userActor(user);
  const query = await searchParams;
  const execution = await loadExecution(id, actor);
  const newestFirst = one(query.order) === 'newest';
  const [history, { definition, progress }, approvals, mapRuns] = await Promise.all([
    loadHistory({ executionId: id, cursor: one(query.events), newestFirst, actor }),
    getExecutionProgress({ executionId: id, actor }),
    listExecutionApprovals({ executionId: id, actor }),
    listMapRuns({ executionId: id, actor }),
  ]);
  const waiting = execution.status === 'RUNNING' ? approvals.filter((a) => a.status === 'PENDING') : [];
  const graphProgress = {
    states: Object.fromEntries(
      Object.entries(progress.states).map(([name, s]) => [name, { status: s.status }]),
    ),
    taken: progress.taken,
  };
  const now = new Date();
  return (
    <div className="space-y-6">
      <Link href="/admin/executions" className="text-sm text-slate-600 hover:underline">
        ← Executions
      </Link>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold break-all">{execution.name}</h1>
          <ExecutionStatusBadge status={execution.status} />
        </div>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Fact term="Workflow">
            <Link href={`/admin/workflows/${execution.workflowId}`} className="text-blue-700 hover:underline">
              {execution.workflowName} v{execution.version}
            </Link>
          </Fact>
          <Fact term="Started">{formatUtc(execution.startedAt.toISOString())}</Fact>
          <Fact term="Stopped">
            {execution.stoppedAt ? formatUtc(execution.stoppedAt.toISOString()) : '—'}
          </Fact>
          <Fact term="Duration">{executionDuration(execution.startedAt, execution.stoppedAt, now)}</Fact>
          {execution.parentExecutionId && (
            <Fact term="Started by">
              <Link
                href={`/admin/executions/${execution.parentExecutionId}`}
                className="text-blue-700 hover:underline"
              >
                its parent execution
              </Link>
              {execution.mapRunId && (
                <>
                  {' '}
                  (
                  <Link
                    href={`/admin/executions?mapRun=${encodeURIComponent(execution.mapRunId)}`}
                    className="text-blue-700 hover:underline"
                  >
                    map run
                  </Link>
                  )
                </>
              )}
            </Fact>
          )}
          <Fact term="Redrives">
            {execution.redriveCount}
            {execution.redrivenAt ? ` (last ${formatUtc(execution.redrivenAt.toISOString())})` : ''}
          </Fact>
        </dl>
        <LiveStatus status={execution.status} />
        <ExecutionControls executionId={execution.id} />
      </header>

      {(execution.error !== null || execution.cause !== null) && (
        <section
          aria-labelledby="error-heading"
          className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-5"
        >
          <h2 id="error-heading" className="text-base font-semibold text-red-900">
            Error
          </h2>
          {execution.error !== null && (
            <p className="font-mono text-sm font-medium break-all text-red-900">{execution.error}</p>
          )}
          {execution.cause && (
            <pre className="font-mono text-xs break-words whitespace-pre-wrap text-red-900">
              {execution.cause}
            </pre>
          )}
        </section>
      )}

      {waiting.length > 0 && <ApprovalWaiting approvals={waiting} />}

      <section aria-labelledby="graph-heading" className="space-y-3">
        <h2 id="graph-heading" className="text-lg font-semibold">
          Graph
        </h2>
        <ExecutionGraph
          definition={definition}
          progress={graphProgress}
          label={`Graph of ${execution.name}`}
        />
      </section>

      {mapRuns.length > 0 && <MapRunList runs={mapRuns} />}

      <Card title="Input and output">
        <div className="grid gap-4 md:grid-cols-2">
          <JsonBlock label="Input" json={prettyJson({ value: execution.input })} />
          {execution.output !== null ? (
            <JsonBlock label="Output" json={prettyJson({ value: execution.output })} />
          ) : (
            <p className="text-sm text-slate-600">No output{execution.status === 'RUNNING' ? ' yet' : ''}.</p>
          )}
        </div>
      </Card>

      <section aria-labelledby="states-heading" className="space-y-3">
        <h2 id="states-heading" className="text-lg font-semibold">
          States
        </h2>
        <StateList states={progress.states} />
      </section>

      <HistorySection
        executionId={execution.id}
        history={history}
        newestFirst={newestFirst}
        paged={Boolean(one(query.events))}
      />
    </div>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}
