'use client';
/**
 * The execution page's graph: the lead's WorkflowGraph, coloured by the run's progress. React
 * Flow and ELK load only here, after the page (STYLE 17), so the page's data shows at once.
 */
import dynamic from 'next/dynamic';
import type { GraphProgress } from '@/components/graph/workflow-graph';

const WorkflowGraph = dynamic(
  () => import('@/components/graph/workflow-graph').then((m) => m.WorkflowGraph),
  {
    ssr: false,
    loading: () => (
      <div
        aria-busy="true"
        className="h-[60vh] min-h-[22rem] animate-pulse rounded-lg border border-slate-200 bg-slate-50"
      >
        <span className="sr-only">Loading the graph…</span>
      </div>
    ),
  },
);

export function ExecutionGraph({
  definition,
  progress,
  label,
}: {
  /** the version's definition, JSON text */
  definition: string;
  progress: GraphProgress;
  label: string;
}) {
  return <WorkflowGraph definition={definition} progress={progress} label={label} />;
}
