/**
 * The pages a link leads to once it can no longer decide (done, already-decided, expired,
 * cancelled). Each reads the task by the link's token (`?t=`) and says what is stored; any
 * other query parameter is ignored, so a forged address shows only the truth. The token stays
 * out of Referer headers (no-referrer) and these pages out of search engines.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLinkView } from '@/lib/approvals/get-link-view';
import { LinkOutcome } from '@/components/approvals/link-outcome';

export const outcomeMetadata = (title: string): Metadata => ({
  title,
  robots: { index: false },
  referrer: 'no-referrer',
});

export async function OutcomePage({ searchParams }: { searchParams: Promise<{ t?: string | string[] }> }) {
  const { t } = await searchParams;
  const token = typeof t === 'string' ? t : '';
  const view = token ? await getLinkView(token, { record: false }) : ({ kind: 'invalid' } as const);
  if (view.kind === 'invalid')
    return (
      <div className="mx-auto max-w-xl space-y-3">
        <h1 className="text-2xl font-bold">This link is not valid</h1>
        <p className="text-slate-700">
          Nothing was decided with it. Use the link in your latest email, or open your inbox.
        </p>
        <Link href="/inbox" className="text-sm font-medium underline">
          Open the inbox
        </Link>
      </div>
    );
  return <LinkOutcome kind={view.kind} task={view.task} token={token} />;
}
