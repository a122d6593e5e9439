/** Approvals waiting now, per workflow, with how many are past their due time. */
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { DashboardStats } from '@/lib/dashboard/dashboard-stats';
import { CountLink, DataTable } from './dashboard-table';

export function ApprovalsCard({ approvals }: { approvals: DashboardStats['approvals'] }) {
  if (approvals.waiting === 0)
    return (
      <Card title="Approvals waiting">
        <EmptyState title="No approvals are waiting">
          New requests appear in the inbox as they come in.
        </EmptyState>
      </Card>
    );
  return (
    <Card title="Approvals waiting">
      <p className="-mt-1 mb-3 text-sm text-slate-600">
        {approvals.waiting} waiting now, {approvals.overdue} past their due time.
      </p>
      <div className="overflow-x-auto">
        <DataTable caption="Approvals waiting now, per workflow" head={['Workflow', 'Waiting', 'Overdue']}>
          {approvals.byWorkflow.map((w) => (
            <tr key={w.workflowId}>
              <th scope="row" className="px-2 py-1.5 text-left font-normal break-all">
                {w.workflowName}
              </th>
              <td className="px-2 py-1.5 text-right">
                <CountLink href="/inbox" count={w.waiting} context={`waiting for ${w.workflowName}`} />
              </td>
              <td className="px-2 py-1.5 text-right">
                <CountLink
                  href="/inbox?sort=due"
                  count={w.overdue}
                  context={`overdue for ${w.workflowName}`}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
      <p className="mt-3 text-sm">
        <Link href="/inbox" className="text-blue-700 underline-offset-2 hover:underline">
          Open the inbox
        </Link>
      </p>
    </Card>
  );
}
