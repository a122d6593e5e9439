/** The mail the requester gets when their request was approved, rejected or expired. */
import type { RenderedMail } from '../enqueue-mail';
import { escapeHtml, formatWhen, layoutHtml } from './html';

export interface OutcomeMail {
  title: string;
  workflowName: string;
  outcome: 'approved' | 'rejected' | 'expired';
  at: Date;
  decisions: Array<{ by: string; decision: string; comment?: string | null }>;
}

export function renderOutcome(mail: OutcomeMail): RenderedMail {
  const headline = `Your request was ${mail.outcome}`;
  const lines = mail.decisions.map((d) => `${d.by}: ${d.decision}${d.comment ? ` — “${d.comment}”` : ''}`);
  const text = [
    `${headline}: ${mail.title}`,
    `Workflow: ${mail.workflowName}`,
    `Decided: ${formatWhen(mail.at)}`,
    '',
    ...lines,
  ].join('\n');
  const items = mail.decisions
    .map(
      (d) =>
        `<li>${escapeHtml(d.by)}: <strong>${escapeHtml(d.decision)}</strong>${d.comment ? ` — “${escapeHtml(d.comment)}”` : ''}</li>`,
    )
    .join('');
  const body = `<p>${escapeHtml(headline)}.</p><p style="color:#475569;font-size:14px">Workflow: ${escapeHtml(mail.workflowName)} · ${escapeHtml(formatWhen(mail.at))}</p>${items ? `<ul>${items}</ul>` : ''}`;
  return {
    subject: `${mail.outcome === 'approved' ? 'Approved' : mail.outcome === 'rejected' ? 'Rejected' : 'Expired'}: ${mail.title}`,
    text,
    html: layoutHtml(mail.title, body),
  };
}
