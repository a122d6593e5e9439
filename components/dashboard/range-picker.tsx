/** The time range, as plain links (?range=…): the page renders on the server, no script needed. */
import Link from 'next/link';
import type { DashboardRangeKey } from '@/lib/dashboard/dashboard-range';

const RANGES: { key: DashboardRangeKey; label: string }[] = [
  { key: '24h', label: '24 hours' },
  { key: '7d', label: '7 days' },
  { key: '14d', label: '14 days' },
  { key: '30d', label: '30 days' },
];

export function RangePicker({ current }: { current: DashboardRangeKey }) {
  return (
    <nav aria-label="Time range">
      <ul className="flex rounded-md border border-slate-200 bg-white p-0.5 text-sm">
        {RANGES.map(({ key, label }) => (
          <li key={key}>
            <Link
              href={`/admin?range=${key}`}
              aria-current={key === current ? 'page' : undefined}
              className={`block rounded px-2.5 py-1 whitespace-nowrap focus-visible:outline-2 focus-visible:outline-blue-600 ${
                key === current ? 'bg-slate-900 font-medium text-white' : 'text-slate-700 hover:bg-slate-100'
              }`}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
