/** After a decision by link: what was recorded, and whether the request is settled. */
import type { Metadata } from 'next';
import { getLinkView } from '@/lib/approvals/get-link-view';

export const metadata: Metadata = { title: 'Decision recorded', robots: { index: false } };
export const dynamic = 'force-dynamic';

export default async function DonePage({
  searchParams,
}: {
  searchParams: Promise<{ t?: string; d?: string }>;
}) {
  const { t, d } = await searchParams;
  const view = t ? await getLinkView(t, { record: false }) : { kind: 'invalid' as const };
  const heading = d === 'rejected' ? 'Rejected' : 'Approved';
  const task = view.kind === 'invalid' ? null : view.task;
  const settled = task && task.status !== 'PENDING';
  return (
    <div className="mx-auto max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">{heading}</h1>
      <p className="text-slate-700">
        {task ? `Your decision on “${task.title}” is recorded. ` : 'Your decision is recorded. '}
        {settled
          ? 'The request is settled and its workflow continues.'
          : 'The request waits for other approvers before its workflow continues.'}
      </p>
      <p className="text-sm text-slate-600">You can close this page. The link cannot be used again.</p>
    </div>
  );
}
