/** The commonest error names of failed and timed-out executions started in the range. */
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { DashboardStats } from '@/lib/dashboard/dashboard-stats';
import { ChartFigure } from './chart-figure';
import { FailuresChart } from './charts';
import { executionsHref, failureHref, NO_ERROR_NAME, rangeLabel } from './dashboard-format';
import { CountLink, DataTable, ViewAsTable } from './dashboard-table';

const linkClass = 'text-blue-700 underline-offset-2 hover:underline';

export function FailuresCard({ stats }: { stats: DashboardStats }) {
  const { failures, range, executions } = stats;
  const period = rangeLabel(range.days);
  if (failures.total === 0)
    return (
      <Card title="Failures by error">
        <EmptyState title={`No failures in the ${period}`}>
          Failed and timed-out executions are grouped here by error name.
        </EmptyState>
      </Card>
    );
  const window = { from: range.from, to: range.to };
  return (
    <Card title="Failures by error">
      <p className="-mt-1 mb-3 text-sm text-slate-600">
        {failures.total} failed or timed out in the {period}; the {failures.top.length} commonest error
        {failures.top.length === 1 ? ' name' : ' names'}.
      </p>
      <ChartFigure
        label={`Bar chart: failed and timed-out executions by error name, ${period}. The numbers are in the table below.`}
        height={failures.top.length * 36 + 40}
      >
        <FailuresChart top={failures.top} {...window} />
      </ChartFigure>
      <ViewAsTable summary="View failures as a table">
        <DataTable caption={`Failures by error name, ${period}`} head={['Error', 'Executions']}>
          {failures.top.map((f) => (
            <tr key={f.error ?? ''}>
              <th scope="row" className="px-2 py-1.5 text-left font-normal break-all">
                <Link
                  href={failureHref(f.error, window.from, window.to)}
                  className={`font-mono ${linkClass}`}
                >
                  {f.error ?? NO_ERROR_NAME}
                </Link>
              </th>
              <td className="px-2 py-1.5 text-right">{f.count}</td>
            </tr>
          ))}
        </DataTable>
      </ViewAsTable>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
        <span>
          All failed:{' '}
          <CountLink
            href={executionsHref({ status: 'FAILED', ...window })}
            count={executions.totals.FAILED}
            context={`failed in the ${period}`}
          />
        </span>
        <span>
          All timed out:{' '}
          <CountLink
            href={executionsHref({ status: 'TIMED_OUT', ...window })}
            count={executions.totals.TIMED_OUT}
            context={`timed out in the ${period}`}
          />
        </span>
      </p>
    </Card>
  );
}
