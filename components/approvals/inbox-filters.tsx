/** To do / Decided and the sort order, as links (the URL holds the filter; no client code). */
import Link from 'next/link';
import { serializeInboxQuery, type InboxQuery } from '@/lib/approvals/inbox-query';

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
    `/inbox?${serializeInboxQuery({ ...query, ...next, cursor: undefined })}`;
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
      <nav aria-label="Status" className="flex gap-2">
        <FilterLink href={href({ tab: 'todo' })} current={query.tab === 'todo'}>
          Pending
        </FilterLink>
        <FilterLink href={href({ tab: 'decided' })} current={query.tab === 'decided'}>
          Decided
        </FilterLink>
      </nav>
      <nav aria-label="Sort" className="flex items-center gap-2">
        <span className="text-sm text-slate-600">Sort by</span>
        <FilterLink href={href({ sort: 'newest' })} current={query.sort === 'newest'}>
          {query.tab === 'decided' ? 'Latest decided' : 'Newest first'}
        </FilterLink>
        <FilterLink href={href({ sort: 'due' })} current={query.sort === 'due'}>
          Due soonest
        </FilterLink>
      </nav>
    </div>
  );
}
