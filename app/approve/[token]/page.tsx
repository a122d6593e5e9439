/**
 * GET /approve/<token> — the page behind an approver's email link. Looking never decides (link
 * scanners are harmless): it records LINK_OPENED and shows the request with its form; the
 * email's Approve and Reject buttons open it with `?decision=` to confirm that one decision. A
 * link that can no longer decide goes to the page that says what happened.
 */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getLinkView } from '@/lib/approvals/get-link-view';
import { requestInfoFrom } from '@/lib/auth/request-info';
import { DecisionForm } from '@/components/approvals/decision-form';
import { RequestSummary } from '@/components/approvals/request-summary';
import { decideByLink } from '../actions';

export const metadata: Metadata = {
  title: 'Review a request',
  robots: { index: false },
  referrer: 'same-origin',
};
export const dynamic = 'force-dynamic';

const OUTCOME_PAGE = {
  used: 'already-decided',
  decided: 'already-decided',
  expired: 'expired',
  cancelled: 'cancelled',
} as const;

export default async function ApproveLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ decision?: string }>;
}) {
  const { token } = await params;
  const { decision } = await searchParams;
  const view = await getLinkView(token, { request: requestInfoFrom(await headers()) });
  if (view.kind === 'invalid') notFound();
  if (view.kind !== 'open') redirect(`/approve/${OUTCOME_PAGE[view.kind]}?t=${encodeURIComponent(token)}`);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <RequestSummary
        {...view.task}
        askedOf={
          view.task.onBehalfOf
            ? `${view.task.approverEmail} on behalf of ${view.task.onBehalfOf}`
            : view.task.approverEmail
        }
      />
      <DecisionForm
        action={decideByLink}
        hidden={{ token }}
        form={view.task.form}
        commentRequiredOn={{
          approve: view.task.commentRequiredOnApprove,
          reject: view.task.commentRequiredOnReject,
        }}
        confirm={
          decision === 'approve' || decision === 'reject'
            ? { decision, reviewHref: `/approve/${token}` }
            : undefined
        }
      />
    </div>
  );
}
