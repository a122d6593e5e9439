/**
 * The inbox's tabs (with counts) and its filters, all in the URL so a view can be bookmarked,
 * shared or saved: a plain GET form, no client code.
 */
import { Search } from 'lucide-react';
import Link from 'next/link';
import type { InboxTabCounts } from '@/lib/approvals/list-inbox-tasks';
import { serializeInboxQuery, type InboxQuery } from '@/lib/approvals/inbox-query';

const TABS: { tab: InboxQuery['tab']; label: string }[] = [
  { tab: 'todo', label: 'To do' },
  { tab: 'claimed', label: 'Claimed by me' },
  { tab: 'decided', label: 'Decided by me' },
  { tab: 'team', label: 'Team' },
];

const field = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

export function InboxTabs({ query, counts }: { query: InboxQuery; counts: InboxTabCounts }) {
  return (
    <nav aria-label="Inbox tabs" className="-mx-4 overflow-x-auto border-b border-slate-200 px-4">
      <ul className="flex gap-1 text-sm">
        {TABS.filter((t) => t.tab !== 'team' || counts.team !== null).map(({ tab, label }) => {
          const current = query.tab === tab;
          const count = counts[tab] ?? 0;
          return (
            <li key={tab}>
              <Link
                href={`/inbox?${serializeInboxQuery({ ...query, tab, cursor: undefined, status: undefined })}`}
                aria-current={current ? 'page' : undefined}
                className={`flex items-center gap-1.5 border-b-2 px-2.5 py-2 font-medium whitespace-nowrap ${
                  current
                    ? 'border-blue-600 text-slate-950'
                    : 'border-transparent text-slate-600 hover:text-slate-950'
                }`}
              >
                {label}
                <span className="rounded-full bg-slate-100 px-1.5 text-xs text-slate-700">{count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function InboxFilterForm({ query, workflows }: { query: InboxQuery; workflows: string[] }) {
  return (
    <form method="get" action="/inbox" role="search" aria-label="Filter the inbox" className="space-y-3">
      <input type="hidden" name="tab" value={query.tab} />
      <div className="flex gap-2">
        <label className="block flex-1 text-sm">
          <span className="sr-only">Search title, details and requester</span>
          <span className="relative block">
            <Search aria-hidden className="absolute top-2.5 left-2 size-4 text-slate-500" />
            <input
              id="inbox-search"
              type="search"
              name="q"
              defaultValue={query.q ?? ''}
              placeholder="Search title, details, requester ( / )"
              className="block w-full rounded-md border border-slate-300 bg-white py-1.5 pr-2 pl-8 text-sm"
            />
          </span>
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
          Search
        </button>
      </div>
      <details className="rounded-lg border border-slate-200 bg-white p-3" open={hasFilters(query)}>
        <summary className="cursor-pointer text-sm font-medium">Filters and sort</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <label className="block text-sm">
            Workflow
            <select name="workflow" defaultValue={query.workflow ?? ''} className={field}>
              <option value="">Any workflow</option>
              {workflows.map((w) => (
                <option key={w} value={w}>
                  {w}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            Requester
            <input name="requester" defaultValue={query.requester ?? ''} className={field} />
          </label>
          <label className="block text-sm">
            Asked
            <select name="scope" defaultValue={query.scope ?? ''} className={field}>
              <option value="">Any way</option>
              <option value="me">Of me</option>
              <option value="group">Of one of my groups</option>
              <option value="delegated">Delegated to me</option>
            </select>
          </label>
          <label className="block text-sm">
            Due before
            <input
              type="date"
              name="dueBefore"
              defaultValue={query.dueBefore?.slice(0, 10) ?? ''}
              className={field}
            />
          </label>
          <label className="block text-sm">
            Sort
            <select name="sort" defaultValue={query.sort} className={field}>
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
              <option value="due">Due soonest</option>
            </select>
          </label>
          {query.tab === 'team' && (
            <label className="block text-sm">
              Status
              <select name="status" defaultValue={query.status} className={field}>
                <option value="open">Open</option>
                <option value="closed">Closed</option>
                <option value="all">All</option>
              </select>
            </label>
          )}
          <label className="flex items-center gap-2 self-end text-sm">
            <input
              type="checkbox"
              name="overdue"
              value="1"
              defaultChecked={query.overdue}
              className="size-4"
            />{' '}
            Overdue
          </label>
          <label className="flex items-center gap-2 self-end text-sm">
            <input
              type="checkbox"
              name="escalated"
              value="1"
              defaultChecked={query.escalated}
              className="size-4"
            />{' '}
            Escalated
          </label>
        </div>
        <div className="mt-3 flex gap-3">
          <button
            type="submit"
            className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white"
          >
            Apply
          </button>
          <Link
            href={`/inbox?${serializeInboxQuery({ tab: query.tab })}`}
            className="self-center text-sm underline"
          >
            Clear filters
          </Link>
        </div>
      </details>
    </form>
  );
}

function hasFilters(query: InboxQuery): boolean {
  return Boolean(
    query.workflow || query.requester || query.scope || query.dueBefore || query.overdue || query.escalated,
  );
}
