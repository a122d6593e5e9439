/**
 * GET /admin — the console's overview: what runs and waits now, and executions, decision times
 * and failures over a range (?range=24h|7d|14d|30d, 14 days by default), each figure a link to
 * the list behind it.
 */
import type { Metadata } from 'next';
import { ApprovalsCard } from '@/components/dashboard/approvals-card';
import { rangeLabel } from '@/components/dashboard/dashboard-format';
import { DecisionTimeCard } from '@/components/dashboard/decision-time-card';
import { ExecutionsCard } from '@/components/dashboard/executions-card';
import { FailuresCard } from '@/components/dashboard/failures-card';
import { RangePicker } from '@/components/dashboard/range-picker';
import { StatTiles } from '@/components/dashboard/stat-tiles';
import { requireAdminPage, userActor } from '@/lib/auth/session';
import { getDashboardStats } from '@/lib/dashboard/dashboard-stats';
import { DASHBOARD_RANGES, dashboardQuerySchema } from '@/lib/dashboard/dashboard-range';

export const metadata: Metadata = { title: 'Overview' };
export const dynamic = 'force-dynamic';

export default async function AdminOverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireAdminPage('/admin');
  const { range } = dashboardQuerySchema.parse(await searchParams);
  const days = DASHBOARD_RANGES[range];
  const stats = await getDashboardStats({ actor: userActor(user), days });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">Overview</h1>
          <p className="text-sm text-slate-600">
            Running and waiting now; executions, decisions and failures in the {rangeLabel(days)} (UTC).
          </p>
        </div>
        <RangePicker current={range} />
      </div>
      <StatTiles stats={stats} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="min-w-0 lg:col-span-2">
          <ExecutionsCard stats={stats} />
        </div>
        <div className="min-w-0">
          <ApprovalsCard approvals={stats.approvals} />
        </div>
        <div className="min-w-0">
          <DecisionTimeCard stats={stats} />
        </div>
        <div className="min-w-0 lg:col-span-2">
          <FailuresCard stats={stats} />
        </div>
      </div>
    </div>
  );
}
