/** A Distributed Map's runs on the execution page: status, item counts, and a link to the children. */
import Link from 'next/link';
import type { MapRunDetail } from '@/lib/executions/map-runs';
import { ExecutionStatusBadge } from './execution-status-badge';

export function MapRunList({ runs }: { runs: MapRunDetail[] }) {
  return (
    <section aria-labelledby="map-runs-heading" className="space-y-3">
      <h2 id="map-runs-heading" className="text-lg font-semibold">
        Map runs
      </h2>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {runs.map((run) => {
          const { total, succeeded, failed, aborted, running, pending } = run.counts;
          return (
            <li key={run.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <div className="min-w-0 space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium break-all text-slate-900">{run.label}</span>
                  <ExecutionStatusBadge status={run.status} />
                </div>
                <p className="text-slate-600">
                  {succeeded} succeeded, {failed} failed
                  {aborted > 0 ? `, ${aborted} aborted` : ''}
                  {running > 0 ? `, ${running} running` : ''}
                  {pending > 0 ? `, ${pending} waiting` : ''} of {total}
                  {run.maxConcurrency > 0 ? ` · at most ${run.maxConcurrency} at once` : ''}
                </p>
              </div>
              <Link
                href={`/admin/executions?mapRun=${encodeURIComponent(run.id)}`}
                className="font-medium whitespace-nowrap text-blue-700 hover:underline"
              >
                Child executions<span aria-hidden> →</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
