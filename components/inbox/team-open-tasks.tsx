/**
 * The team view's open tasks: per person (open, overdue, claimed) and per group (open, overdue),
 * with links to the inbox's Team tab. The inbox filters by workflow, requester and overdue, not
 * by the person or group asked, so the links open the whole team's tasks and its overdue ones.
 */
import Link from 'next/link';
import { DataTable } from '@/components/dashboard/dashboard-table';
import { Card } from '@/components/ui/card';
import { serializeInboxQuery } from '@/lib/approvals/inbox-query';
import type { TeamStats } from '@/lib/approvals/team-stats';

const teamHref = (overdue: boolean) => `/inbox?${serializeInboxQuery({ tab: 'team', overdue })}`;
const cell = 'px-2 py-1.5 text-right';
const linkClass = 'text-blue-700 underline-offset-2 hover:underline';

function Overdue({ count }: { count: number }) {
  return (
    <td className={`${cell} ${count > 0 ? 'font-semibold text-red-700' : 'text-slate-500'}`}>{count}</td>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-slate-600">{children}</p>;
}

export function OpenPerPerson({ rows }: { rows: TeamStats['perPerson'] }) {
  return (
    <Card title="Open tasks per person">
      {rows.length === 0 ? (
        <Empty>Nobody has an open task.</Empty>
      ) : (
        <div className="overflow-x-auto">
          <DataTable caption="Open tasks per person" head={['Person', 'Open', 'Overdue', 'Claimed']}>
            {rows.map((r) => (
              <tr key={r.email}>
                <th scope="row" className="px-2 py-1.5 text-left font-normal break-all">
                  {r.email}
                </th>
                <td className={cell}>{r.open}</td>
                <Overdue count={r.overdue} />
                <td className={cell}>{r.claimed}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </Card>
  );
}

export function OpenPerGroup({ rows }: { rows: TeamStats['perGroup'] }) {
  return (
    <Card title="Open tasks per group">
      {rows.length === 0 ? (
        <Empty>No groups yet.</Empty>
      ) : (
        <div className="overflow-x-auto">
          <DataTable caption="Open tasks per group" head={['Group', 'Open', 'Overdue']}>
            {rows.map((r) => (
              <tr key={r.group}>
                <th scope="row" className="px-2 py-1.5 text-left font-normal break-all">
                  {r.group}
                </th>
                <td className={cell}>{r.open}</td>
                <Overdue count={r.overdue} />
              </tr>
            ))}
          </DataTable>
        </div>
      )}
      <p className="mt-2 text-xs text-slate-600">A task asked of several members counts once per group.</p>
    </Card>
  );
}

/** Where the counted tasks are listed: the Team tab, and the same filtered to overdue ones. */
export function TeamInboxLinks() {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <Link href={teamHref(false)} className={linkClass}>
        Open team tasks in the inbox
      </Link>
      <Link href={teamHref(true)} className={linkClass}>
        Overdue team tasks
      </Link>
    </p>
  );
}
