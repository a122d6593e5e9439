/** The request as an approver sees it: title, who asked, the workflow, the details table, the expiry. */
import { detailRows } from '@/lib/mail/templates/html';
import { formatUtc } from '@/components/ui/format-time';

export interface RequestSummaryProps {
  title: string;
  details: unknown;
  requester: string;
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
  workflowName,
  askedOf,
  expiresAt,
  open = true,
}: RequestSummaryProps) {
  const rows = detailRows(details);
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-bold break-words">{title}</h1>
      <p className="text-sm text-slate-600">
        Requested by {requester} · workflow {workflowName}
        {askedOf ? ` · asked of ${askedOf}` : ''}
      </p>
      {rows.length > 0 && (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Details</caption>
          <tbody>
            {rows.map(([key, value]) => (
              <tr key={key} className="border-t border-slate-200">
                <th scope="row" className="py-2 pr-4 align-top font-medium text-slate-600">
                  {key}
                </th>
                <td className="py-2 break-words">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <p className="text-sm text-slate-600">
          {expiresAt ? `This request expires on ${formatUtc(expiresAt)}.` : 'This request does not expire.'}
        </p>
      )}
    </section>
  );
}
