/** Pending / Decided and the sort order, as links (the URL holds the filter; no client code). */
import Link from 'next/link';
import type { InboxQuery } from '@/lib/approvals/list-inbox-tasks';

function FilterLink({
  href,
  current,
  children,
}: {
  href: string;
  current: boolean;
  children: React.ReactNode;
}) {
  const tone = current ? 'bg-slate-900 text-white' : 'bg-white text-slate-700 hover:bg-slate-100';
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium ${tone}`}
    >
      {children}
    </Link>
  );
}

export function InboxFilters({ query }: { query: InboxQuery }) {
  const href = (next: Partial<InboxQuery>) =>
    `/inbox?${new URLSearchParams({ ...query, ...next }).toString()}`;
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
      <nav aria-label="Status" className="flex gap-2">
        <FilterLink href={href({ status: 'pending' })} current={query.status === 'pending'}>
          Pending
        </FilterLink>
        <FilterLink href={href({ status: 'decided' })} current={query.status === 'decided'}>
          Decided
        </FilterLink>
      </nav>
      <nav aria-label="Sort" className="flex items-center gap-2">
        <span className="text-sm text-slate-600">Sort by</span>
        <FilterLink href={href({ sort: 'age' })} current={query.sort === 'age'}>
          {query.status === 'decided' ? 'Latest decided' : 'Oldest first'}
        </FilterLink>
        <FilterLink href={href({ sort: 'due' })} current={query.sort === 'due'}>
          Due soonest
        </FilterLink>
      </nav>
    </div>
  );
}
