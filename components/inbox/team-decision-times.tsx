/**
 * Time to decision per workflow for the team view: the chart (median and p90 bars) beside a
 * table of the same numbers, each workflow a link to its closed tasks in the inbox's Team tab.
 */
import Link from 'next/link';
import { ChartFigure } from '@/components/dashboard/chart-figure';
import { formatDuration } from '@/components/dashboard/dashboard-format';
import { DataTable } from '@/components/dashboard/dashboard-table';
import { Card } from '@/components/ui/card';
import { serializeInboxQuery } from '@/lib/approvals/inbox-query';
import type { TeamStats } from '@/lib/approvals/team-stats';
import { TeamDecisionChart } from './team-charts';

/** How many workflows the chart draws (the slowest by p90); the table lists them all. */
const CHART_ROWS = 10;
const cell = 'px-2 py-1.5 text-right whitespace-nowrap';

const closedTasksHref = (workflow: string) =>
  `/inbox?${serializeInboxQuery({ tab: 'team', workflow, status: 'closed' })}`;

export function TeamDecisionTimes({ rows, period }: { rows: TeamStats['decisionTimes']; period: string }) {
  if (rows.length === 0)
    return (
      <Card title="Time to decision">
        <p className="text-sm text-slate-600">
          No task was decided in the {period}. Once the team decides, the median and p90 time from request to
          decision show here.
        </p>
      </Card>
    );
  const charted = [...rows].sort((a, b) => b.p90Ms - a.p90Ms).slice(0, CHART_ROWS);
  return (
    <Card title="Time to decision">
      <p className="-mt-1 mb-3 text-sm text-slate-600">
        From request to decision, per workflow, for tasks decided in the {period}
        {rows.length > CHART_ROWS ? ` (the chart shows the ${CHART_ROWS} slowest of ${rows.length})` : ''}.
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartFigure
          label={`Bar chart: median and p90 time to decision per workflow, ${period}. The numbers are in the table.`}
          height={charted.length * 52 + 56}
        >
          <TeamDecisionChart rows={charted} />
        </ChartFigure>
        <div className="overflow-x-auto">
          <DataTable
            caption={`Time to decision per workflow, ${period}`}
            head={['Workflow', 'Decided', 'Median', 'p90']}
          >
            {rows.map((r) => (
              <tr key={r.workflowName}>
                <th scope="row" className="px-2 py-1.5 text-left font-normal break-all">
                  <Link
                    href={closedTasksHref(r.workflowName)}
                    className="text-blue-700 underline-offset-2 hover:underline"
                  >
                    {r.workflowName}
                  </Link>
                </th>
                <td className={cell}>{r.decided}</td>
                <td className={cell}>{formatDuration(r.medianMs)}</td>
                <td className={cell}>{formatDuration(r.p90Ms)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      </div>
    </Card>
  );
}
