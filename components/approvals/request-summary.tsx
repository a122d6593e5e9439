/** The request as an approver sees it: title, who asked (and when), the workflow, the details, the expiry. */
import { LocalTime } from '@/components/ui/local-time';
import { Details } from './details';

export interface RequestSummaryProps {
  title: string;
  details: unknown;
  requester: string;
  /** when the request was made (the task page) */
  requestedAt?: string;
  workflowName: string;
  /** the approver the link was sent to (email-link page) */
  askedOf?: string;
  expiresAt: string | null;
  /** still waiting for decisions (a closed request says nothing of expiring) */
  open?: boolean;
}

export function RequestSummary({
  title,
  details,
  requester,
  requestedAt,
  workflowName,
  askedOf,
  expiresAt,
  open = true,
}: RequestSummaryProps) {
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-bold break-words">{title}</h1>
      <p className="text-sm text-slate-600">
        Requested by {requester}
        {requestedAt ? (
          <>
            {' '}
            on <LocalTime iso={requestedAt} />
          </>
        ) : null}{' '}
        · workflow {workflowName}
        {askedOf ? ` · asked of ${askedOf}` : ''}
      </p>
      <Details details={details} />
      {open && (
        <p className="text-sm text-slate-600">
          {expiresAt ? (
            <>
              This request expires on <LocalTime iso={expiresAt} />.
            </>
          ) : (
            'This request does not expire.'
          )}
        </p>
      )}
    </section>
  );
}
