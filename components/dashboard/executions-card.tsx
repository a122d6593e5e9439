/** Executions started per day (per hour over 24 hours) by status: the chart, and its table of links. */
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { DashboardStats } from '@/lib/dashboard/dashboard-stats';
import { ChartFigure } from './chart-figure';
import { ExecutionsChart } from './charts';
import { bucketLabel, executionsHref, rangeLabel, STATUS_ORDER, STATUS_STYLES } from './dashboard-format';
import { CountLink, DataTable, ViewAsTable } from './dashboard-table';

export function ExecutionsCard({ stats }: { stats: DashboardStats }) {
  const { executions, range } = stats;
  const period = rangeLabel(range.days);
  const unit = range.granularity;
  if (executions.total === 0)
    return (
      <Card title="Executions started">
        <EmptyState title={`No executions started in the ${period}`}>
          Start one from a{' '}
          <Link className="underline" href="/admin/workflows">
            workflow
          </Link>{' '}
          or through the API; they are counted here by status.
        </EmptyState>
      </Card>
    );
  return (
    <Card title="Executions started">
      <p className="-mt-1 mb-3 text-sm text-slate-600">
        {executions.total} in the {period}, per {unit} (UTC). Select a bar for the executions it counts.
      </p>
      <ChartFigure
        label={`Bar chart: executions started per ${unit} in the ${period}, by status. The numbers are in the table below.`}
        height={300}
      >
        <ExecutionsChart buckets={executions.buckets} granularity={unit} />
      </ChartFigure>
      <ViewAsTable summary="View executions as a table">
        <DataTable
          caption={`Executions started per ${unit} by status, ${period}`}
          head={[
            unit === 'hour' ? 'Hour (UTC)' : 'Day (UTC)',
            ...STATUS_ORDER.map((s) => (
              <span key={s} className="inline-flex items-center gap-1 whitespace-nowrap">
                <span aria-hidden className={`size-2 rounded-sm ${STATUS_STYLES[s].swatch}`} />
                {STATUS_STYLES[s].label}
              </span>
            )),
            'Total',
          ]}
          foot={
            <tr>
              <th scope="row" className="px-2 py-1.5 text-left">
                Total
              </th>
              {STATUS_ORDER.map((s) => (
                <td key={s} className="px-2 py-1.5 text-right">
                  <CountLink
                    href={executionsHref({ status: s, from: range.from, to: range.to })}
                    count={executions.totals[s]}
                    context={`${STATUS_STYLES[s].label.toLowerCase()} in the ${period}`}
                  />
                </td>
              ))}
              <td className="px-2 py-1.5 text-right">
                <CountLink
                  href={executionsHref({ from: range.from, to: range.to })}
                  count={executions.total}
                  context={`started in the ${period}`}
                />
              </td>
            </tr>
          }
        >
          {executions.buckets.map((b) => {
            const label = bucketLabel(b.from, unit);
            return (
              <tr key={b.from}>
                <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">
                  {label}
                </th>
                {STATUS_ORDER.map((s) => (
                  <td key={s} className="px-2 py-1.5 text-right">
                    <CountLink
                      href={executionsHref({ status: s, from: b.from, to: b.to })}
                      count={b.counts[s]}
                      context={`${STATUS_STYLES[s].label.toLowerCase()}, ${label}`}
                    />
                  </td>
                ))}
                <td className="px-2 py-1.5 text-right">
                  <CountLink
                    href={executionsHref({ from: b.from, to: b.to })}
                    count={b.total}
                    context={`started, ${label}`}
                  />
                </td>
              </tr>
            );
          })}
        </DataTable>
      </ViewAsTable>
    </Card>
  );
}
