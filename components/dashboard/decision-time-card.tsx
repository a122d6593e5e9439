/** Median and p90 time from request to decision per workflow, for approvals decided in the range. */
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { DashboardStats } from '@/lib/dashboard/dashboard-stats';
import { ChartFigure } from './chart-figure';
import { DecisionTimeChart } from './charts';
import { executionsHref, formatDuration, rangeLabel } from './dashboard-format';
import { DataTable, ViewAsTable } from './dashboard-table';

/** How many workflows the chart draws (the slowest by p90); the table lists them all. */
const CHART_ROWS = 10;

export function DecisionTimeCard({ stats }: { stats: DashboardStats }) {
  const { decisionTimes: rows, range } = stats;
  const period = rangeLabel(range.days);
  if (rows.length === 0)
    return (
      <Card title="Time to decision">
        <EmptyState title={`No approvals decided in the ${period}`}>
          Once approvers decide, the median and p90 time from request to decision show here.
        </EmptyState>
      </Card>
    );
  const charted = rows.slice(0, CHART_ROWS);
  return (
    <Card title="Time to decision">
      <p className="-mt-1 mb-3 text-sm text-slate-600">
        From request to decision, per workflow, for approvals decided in the {period}
        {rows.length > CHART_ROWS ? ` (the chart shows the ${CHART_ROWS} slowest of ${rows.length})` : ''}.
      </p>
      <ChartFigure
        label={`Bar chart: median and p90 time to decision per workflow, ${period}. The numbers are in the table below.`}
        height={charted.length * 52 + 56}
      >
        <DecisionTimeChart rows={charted} from={range.from} to={range.to} />
      </ChartFigure>
      <ViewAsTable summary="View time to decision as a table">
        <DataTable
          caption={`Time to decision per workflow, ${period}`}
          head={['Workflow', 'Decided', 'Median', 'p90']}
        >
          {rows.map((r) => (
            <tr key={r.workflowId}>
              <th scope="row" className="px-2 py-1.5 text-left font-normal break-all">
                <Link
                  href={executionsHref({ workflow: r.workflowId, from: range.from, to: range.to })}
                  className="text-blue-700 underline-offset-2 hover:underline"
                >
                  {r.workflowName}
                </Link>
              </th>
              <td className="px-2 py-1.5 text-right">{r.count}</td>
              <td className="px-2 py-1.5 text-right whitespace-nowrap">{formatDuration(r.medianMs)}</td>
              <td className="px-2 py-1.5 text-right whitespace-nowrap">{formatDuration(r.p90Ms)}</td>
            </tr>
          ))}
        </DataTable>
      </ViewAsTable>
      <p className="mt-3 text-sm">
        <Link href="/inbox?status=decided" className="text-blue-700 underline-offset-2 hover:underline">
          Decided approvals in the inbox
        </Link>
      </p>
    </Card>
  );
}
