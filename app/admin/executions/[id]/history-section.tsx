/**
 * The execution page's event history: 100 events a page, the page in the URL (`events=<token>`,
 * `order=newest`), oldest first unless reversed. A link that no longer works says so.
 */
import { ArrowDownWideNarrow, ArrowUpNarrowWide } from 'lucide-react';
import Link from 'next/link';
import { HistoryTable } from '@/components/executions/history-table';
import type { Actor } from '@/lib/auth/actor';
import { isAppError } from '@/lib/errors';
import { getHistoryPage, type HistoryRowView } from '@/lib/executions/history-page';

const HISTORY_PAGE_SIZE = 100;

type LoadedHistory =
  { events: HistoryRowView[]; nextToken?: string; problem?: undefined } | { problem: string };

export async function loadHistory(options: {
  executionId: string;
  cursor?: string;
  newestFirst: boolean;
  actor: Actor;
}): Promise<LoadedHistory> {
  if (options.cursor !== undefined && options.cursor.length > 2000)
    return { problem: 'This page of the history is not one this page gave out.' };
  try {
    return await getHistoryPage({
      executionId: options.executionId,
      nextToken: options.cursor || undefined,
      newestFirst: options.newestFirst,
      pageSize: HISTORY_PAGE_SIZE,
      actor: options.actor,
    });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error;
    return {
      problem: 'This page of the history is not one this page gave out (or it was for the other order).',
    };
  }
}

function historyHref(executionId: string, params: { events?: string; newestFirst: boolean }) {
  const query = new URLSearchParams();
  if (params.newestFirst) query.set('order', 'newest');
  if (params.events) query.set('events', params.events);
  const text = query.toString();
  return `/admin/executions/${encodeURIComponent(executionId)}${text ? `?${text}` : ''}#history`;
}

export function HistorySection({
  executionId,
  history,
  newestFirst,
  paged,
}: {
  executionId: string;
  history: LoadedHistory;
  newestFirst: boolean;
  /** past the first page (a cursor in the URL) */
  paged: boolean;
}) {
  const link = 'inline-flex items-center gap-1.5 text-sm font-medium text-blue-700 hover:underline';
  return (
    <section id="history" aria-labelledby="history-heading" className="scroll-mt-4 space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          Event history
        </h2>
        <Link href={historyHref(executionId, { newestFirst: !newestFirst })} className={link}>
          {newestFirst ? (
            <ArrowUpNarrowWide aria-hidden className="size-4" />
          ) : (
            <ArrowDownWideNarrow aria-hidden className="size-4" />
          )}
          {newestFirst ? 'Show oldest first' : 'Show newest first'}
        </Link>
      </div>
      {history.problem !== undefined ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {history.problem}{' '}
          <Link href={historyHref(executionId, { newestFirst })} className="underline">
            Go to the first events
          </Link>
          .
        </p>
      ) : history.events.length === 0 ? (
        <p className="text-sm text-slate-600">No events yet.</p>
      ) : (
        <>
          <HistoryTable events={history.events} />
          <nav aria-label="Event history pages" className="flex flex-wrap justify-between gap-3">
            {paged ? (
              <Link href={historyHref(executionId, { newestFirst })} className={link}>
                <span aria-hidden>← </span>
                {newestFirst ? 'Newest events' : 'First events'}
              </Link>
            ) : (
              <span />
            )}
            {history.nextToken && (
              <Link
                href={historyHref(executionId, { events: history.nextToken, newestFirst })}
                className={link}
              >
                Next {HISTORY_PAGE_SIZE} events<span aria-hidden> →</span>
              </Link>
            )}
          </nav>
        </>
      )}
    </section>
  );
}
