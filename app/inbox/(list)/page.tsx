/**
 * GET /inbox — the approval tasks the signed-in person may see, by tab (To do, Claimed by me,
 * Decided by me, Team for managers and admins), filtered, searched, sorted and paged as the URL
 * says; bulk decisions, keyboard shortcuts, saved views, and live updates while it is open. It
 * sits in a route group so its loading state does not wrap /inbox/<id>: a loading boundary
 * starts the response early, and an unknown task must answer a real 404.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { InboxFilterForm, InboxTabs } from '@/components/inbox/inbox-controls';
import { InboxList } from '@/components/inbox/inbox-list';
import { LiveInbox } from '@/components/inbox/live-inbox';
import { SavedViews } from '@/components/inbox/saved-views';
import { EmptyState } from '@/components/ui/empty-state';
import { inboxQuerySchema, serializeInboxQuery } from '@/lib/approvals/inbox-query';
import { inboxVersion } from '@/lib/approvals/inbox-version';
import { countInboxTabs, listInboxTasks } from '@/lib/approvals/list-inbox-tasks';
import { listSavedViews } from '@/lib/approvals/saved-views';
import { requirePageUser } from '@/lib/auth/session';
import { listWorkflows } from '@/lib/workflows/list-workflows';
import { decideInBulk } from '../bulk/actions';

export const metadata: Metadata = { title: 'Inbox' };
export const dynamic = 'force-dynamic';

const SCOPE_NOTE: Record<string, string> = {
  admin: 'As an admin you see every approval task.',
  manager: 'Tasks asked of you and of the people in the groups you manage.',
  approver: 'Tasks asked of you, directly, through your groups, or delegated to you.',
};

const EMPTY: Record<string, [string, string]> = {
  todo: ['Nothing is waiting for you', 'New approval requests appear here and in your email.'],
  claimed: ['You hold no claims', 'Claim a group task from its page so others know you are on it.'],
  decided: ['You have not decided anything yet', 'Tasks appear here once you approve or reject them.'],
  team: ['No tasks in your teams', 'Tasks asked of the groups you manage appear here.'],
};

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('/inbox');
  const query = inboxQuerySchema.parse(await searchParams);
  const [page, counts, version, workflows, views] = await Promise.all([
    listInboxTasks({ viewer: user, query }),
    countInboxTabs({ viewer: user, query }),
    inboxVersion({ viewer: user }),
    listWorkflows(),
    listSavedViews({ viewer: user }),
  ]);
  const filtered = Boolean(
    query.q ||
    query.workflow ||
    query.requester ||
    query.scope ||
    query.dueBefore ||
    query.overdue ||
    query.escalated,
  );
  const [emptyTitle, emptyText] = EMPTY[query.tab];
  return (
    <div className="space-y-5">
      <LiveInbox version={version} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">Inbox</h1>
          <p className="text-sm text-slate-600">{SCOPE_NOTE[user.role] ?? SCOPE_NOTE.approver}</p>
        </div>
        {user.role !== 'approver' && (
          <Link href="/inbox/team" className="text-sm font-medium text-blue-700 hover:underline">
            Team view
          </Link>
        )}
      </div>
      <InboxTabs query={query} counts={counts} />
      <InboxFilterForm query={query} workflows={workflows.map((w) => w.name)} />
      {page.rows.length === 0 ? (
        <EmptyState title={filtered ? 'No tasks match these filters' : emptyTitle}>
          {filtered ? 'Change or clear the filters to see more.' : emptyText}
        </EmptyState>
      ) : (
        <InboxList tasks={page.rows} tab={query.tab} decide={decideInBulk} now={new Date().toISOString()} />
      )}
      <nav aria-label="Inbox pages" className="flex gap-4 text-sm">
        {query.cursor && (
          <Link href={`/inbox?${serializeInboxQuery({ ...query, cursor: undefined })}`} className="underline">
            First page
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={`/inbox?${serializeInboxQuery({ ...query, cursor: page.nextCursor })}`}
            className="underline"
          >
            Next page
          </Link>
        )}
      </nav>
      <SavedViews currentQuery={serializeInboxQuery({ ...query, cursor: undefined })} views={views} />
    </div>
  );
}
