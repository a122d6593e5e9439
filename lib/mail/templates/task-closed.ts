/**
 * The short "no longer needed" mail: to each person asked, and to the requester, when a request
 * ends without a decision (stopped, expired, replaced).
 */
import type { RenderedMail } from '../enqueue-mail';
import { escapeHtml, layoutHtml } from './html';

export interface TaskClosedMail {
  title: string;
  workflowName: string;
  status: 'EXPIRED' | 'CANCELLED';
  /** the reason, a clause starting in lower case: "the workflow was stopped by …" */
  reason: string;
  /** the requester hears of their request; the approvers of a decision they need not make */
  role: 'approver' | 'requester';
}

export function renderTaskClosed(mail: TaskClosedMail): RenderedMail {
  const what = mail.status === 'EXPIRED' ? 'expired' : 'was withdrawn';
  const lead =
    mail.role === 'approver'
      ? `Your decision is no longer needed: the request ${what}, because ${mail.reason}.`
      : `Your request ended without a decision: it ${what}, because ${mail.reason}.`;
  const text = [lead, '', `Request: ${mail.title}`, `Workflow: ${mail.workflowName}`].join('\n');
  const body =
    `<p>${escapeHtml(lead)}</p>` +
    `<p style="color:#475569;font-size:14px">Workflow: ${escapeHtml(mail.workflowName)}</p>`;
  return {
    subject: `No longer needed: ${mail.title}`,
    text,
    html: layoutHtml(mail.title, body),
  };
}
