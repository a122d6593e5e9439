/**
 * GET /inbox — the approval tasks the signed-in person may see, pending or decided, sorted. It
 * sits in a route group so its loading state does not wrap /inbox/<id>: a loading boundary
 * starts the response early, and an unknown task must answer a real 404.
 */
import type { Metadata } from 'next';
import { InboxFilters } from '@/components/approvals/inbox-filters';
import { TaskTable } from '@/components/approvals/task-table';
import { EmptyState } from '@/components/ui/empty-state';
import { inboxQuerySchema } from '@/lib/approvals/inbox-query';
import { listInboxTasks } from '@/lib/approvals/list-inbox-tasks';
import { requirePageUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Inbox' };
export const dynamic = 'force-dynamic';

const SCOPE_NOTE: Record<string, string> = {
  admin: 'As an admin you see every approval task.',
  manager: 'Tasks asked of you and of the people in the groups you manage.',
  approver: 'Tasks asked of you, directly, through your groups, or delegated to you.',
};

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('/inbox');
  const query = inboxQuerySchema.parse(await searchParams);
  const { rows: tasks } = await listInboxTasks({ viewer: user, query });
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Inbox</h1>
        <p className="text-sm text-slate-600">{SCOPE_NOTE[user.role] ?? SCOPE_NOTE.approver}</p>
      </div>
      <InboxFilters query={query} />
      {tasks.length === 0 ? (
        <EmptyState title={query.tab !== 'decided' ? 'Nothing is waiting for you' : 'No decided tasks yet'}>
          {query.tab !== 'decided'
            ? 'New approval requests appear here and in your email.'
            : 'Tasks appear here once they are decided.'}
        </EmptyState>
      ) : (
        <TaskTable tasks={tasks} now={new Date()} />
      )}
    </div>
  );
}
