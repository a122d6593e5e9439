/** The request as an approver sees it: title, who asked, the workflow, the details table, the expiry. */
import type { LinkTaskView } from '@/lib/approvals/get-link-view';
import { detailRows } from '@/lib/mail/templates/html';

export function RequestSummary({ task }: { task: LinkTaskView }) {
  const rows = detailRows(task.details);
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-bold break-words">{task.title}</h1>
      <p className="text-sm text-slate-600">
        Requested by {task.requester} · workflow {task.workflowName} · asked of {task.approverEmail}
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
      <p className="text-sm text-slate-600">{task.expiresAt ? `This request expires on ${task.expiresAt.slice(0, 16).replace('T', ' ')} UTC.` : 'This request does not expire.'}</p>
    </section>
  );
}
