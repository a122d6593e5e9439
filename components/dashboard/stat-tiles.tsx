/** The numbers at the top: what is running and what waits for people now, each a link to its list. */
import { Activity, AlarmClock, Hourglass, type LucideIcon } from 'lucide-react';
import Link from 'next/link';
import type { DashboardStats } from '@/lib/dashboard/dashboard-stats';
import { executionsHref } from './dashboard-format';

function Tile({
  href,
  label,
  value,
  Icon,
  iconClass,
}: {
  href: string;
  label: string;
  value: number;
  Icon: LucideIcon;
  iconClass: string;
}) {
  return (
    <li>
      <Link
        href={href}
        className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      >
        <Icon aria-hidden className={`size-6 shrink-0 ${iconClass}`} />
        <span className="flex flex-col">
          <span className="text-sm text-slate-600">{label}</span>
          <span className="text-2xl font-semibold text-slate-900 tabular-nums">{value}</span>
        </span>
      </Link>
    </li>
  );
}

export function StatTiles({ stats }: { stats: DashboardStats }) {
  const { runningNow } = stats.executions;
  const { waiting, overdue } = stats.approvals;
  return (
    <ul aria-label="Right now" className="grid gap-3 sm:grid-cols-3">
      <Tile
        href={executionsHref({ status: 'RUNNING' })}
        label="Running executions"
        value={runningNow}
        Icon={Activity}
        iconClass="text-blue-600"
      />
      <Tile
        href="/inbox"
        label="Approvals waiting"
        value={waiting}
        Icon={Hourglass}
        iconClass="text-sky-600"
      />
      <Tile
        href="/inbox?sort=due"
        label="Overdue approvals"
        value={overdue}
        Icon={AlarmClock}
        iconClass={overdue > 0 ? 'text-red-600' : 'text-slate-500'}
      />
    </ul>
  );
}
