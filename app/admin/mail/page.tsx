/**
 * GET /admin/mail — the mail outbox: every message newest first, by status (All / Queued / Sent
 * / Failed, in the URL), a page at a time; a failed message shows its last error and Resend.
 * Admins only: the layout says so to anyone else, and the services refuse them too.
 */
import { forbidden } from 'next/navigation';
import { z } from 'zod';
import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePageUser, userActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { listOutbox, OUTBOX_FILTERS, type OutboxFilter, type OutboxPage } from '@/lib/mail/list-outbox';
import { mailHref, mailViewSchema } from './mail-query';
import { OutboxTable } from './outbox-table';

export const metadata: Metadata = { title: 'Mail outbox' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const TAB_LABELS: Record<OutboxFilter, string> = {
  all: 'All',
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function StatusTabs({ current, counts }: { current?: OutboxFilter; counts?: OutboxPage['counts'] }) {
  return (
    <nav aria-label="Mail status" className="overflow-x-auto">
      <ul className="flex gap-2 text-sm">
        {OUTBOX_FILTERS.map((status) => (
          <li key={status}>
            <Link
              href={mailHref({ status })}
              aria-current={status === current ? 'page' : undefined}
              className={`inline-flex items-center gap-1.5 rounded-full border px-3 py-1.5 font-medium whitespace-nowrap ${
                status === current
                  ? 'border-slate-900 bg-slate-900 text-white'
                  : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100'
              }`}
            >
              {TAB_LABELS[status]}
              {counts && <span className="tabular-nums opacity-80">({counts[status]})</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default async function MailPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser('/admin/mail');
  // The layout does not run again on a client-side navigation between admin pages: check here too.
  if (user.role !== 'admin') forbidden();
  const params = await searchParams;
  const parsed = mailViewSchema.safeParse({ status: first(params.status), cursor: first(params.cursor) });
  let page: OutboxPage | null = null;
  let problem = parsed.success
    ? null
    : Object.values(z.flattenError(parsed.error).fieldErrors).flat().join(' ');
  if (parsed.success) {
    try {
      page = await listOutbox({ ...parsed.data, actor: userActor(user) });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error;
      problem = error.message;
    }
  }
  const view = parsed.success ? parsed.data : { status: 'all' as const, cursor: undefined };
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Mail outbox</h1>
        <p className="text-slate-700">
          Every email Signoff sends goes through this queue and is retried with backoff; a message that keeps
          failing stops here as failed. Times are UTC.
        </p>
      </div>
      <StatusTabs current={parsed.success ? view.status : undefined} counts={page?.counts} />
      <p role="status" className="text-sm font-medium text-green-800">
        {first(params.resent) === '1' ? 'The message is back in the queue: the sender tries it now.' : ''}
      </p>
      {problem && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p>{problem}</p>
          <Link href={mailHref({ status: view.status })} className="font-medium underline">
            Back to the newest messages
          </Link>
        </div>
      )}
      {page && <Messages page={page} view={view} />}
    </div>
  );
}

function Messages({ page, view }: { page: OutboxPage; view: { status: OutboxFilter; cursor?: string } }) {
  return (
    <section aria-labelledby="messages-heading" className="space-y-3">
      <h2 id="messages-heading" className="text-lg font-semibold">
        {TAB_LABELS[view.status]} messages
      </h2>
      {page.messages.length === 0 ? (
        <EmptyState title={view.cursor ? 'No older messages' : 'No messages here'} />
      ) : (
        <OutboxTable messages={page.messages} view={view} />
      )}
      <nav aria-label="Outbox pages" className="flex flex-wrap gap-4 text-sm font-medium">
        {view.cursor && (
          <Link href={mailHref({ status: view.status })} className="underline">
            Newest messages
          </Link>
        )}
        {page.nextCursor && (
          <Link href={mailHref({ status: view.status, cursor: page.nextCursor })} className="underline">
            Older messages
          </Link>
        )}
      </nav>
    </section>
  );
}
