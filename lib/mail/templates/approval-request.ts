/**
 * The mail an approver gets: a new request, a reminder of it, or an escalation to them. The
 * buttons open the confirmation page (`/approve/<token>`); opening it never decides.
 */
import type { RenderedMail } from '../enqueue-mail';
import { detailsMailHtml, detailsMailText } from './details';
import { buttonHtml, escapeHtml, formatWhen, layoutHtml } from './html';

export interface ApprovalRequestMail {
  kind: 'approval-request' | 'reminder' | 'escalation';
  title: string;
  details: unknown;
  workflowName: string;
  requester: string;
  link: string;
  expiresAt?: Date | null;
  delegatedFrom?: string | null;
  /** escalation: how long the request waited without a decision ("2 days") */
  waited?: string | null;
}

const LEAD: Record<ApprovalRequestMail['kind'], string> = {
  'approval-request': 'Your approval is requested',
  reminder: 'Reminder: your approval is still requested',
  escalation: 'Escalated to you: this request needs a decision',
};

export function renderApprovalRequest(mail: ApprovalRequestMail): RenderedMail {
  const lead =
    mail.kind === 'escalation' && mail.waited
      ? `Escalated to you: this request waited ${mail.waited} without a decision`
      : LEAD[mail.kind];
  const subjectPrefix =
    mail.kind === 'approval-request'
      ? 'Approval requested'
      : mail.kind === 'reminder'
        ? 'Reminder'
        : 'Escalated';
  const expiry = mail.expiresAt
    ? `This request expires on ${formatWhen(mail.expiresAt)}.`
    : 'This request does not expire.';
  const delegated = mail.delegatedFrom
    ? `You receive this on behalf of ${mail.delegatedFrom}, who delegated their approvals to you.`
    : '';
  const text = [
    `${lead}: ${mail.title}`,
    '',
    `Workflow: ${mail.workflowName}`,
    `Requested by: ${mail.requester}`,
    ...(delegated ? [delegated] : []),
    '',
    detailsMailText(mail.details),
    '',
    `Review, approve or reject: ${mail.link}`,
    `Approve: ${mail.link}?decision=approve`,
    `Reject: ${mail.link}?decision=reject`,
    '',
    expiry,
    'Opening the link does not decide anything: you confirm on the page.',
  ].join('\n');
  const body = [
    `<p style="margin:0 0 8px">${escapeHtml(lead)}.</p>`,
    `<p style="margin:0 0 4px;font-size:18px;font-weight:600">${escapeHtml(mail.title)}</p>`,
    `<p style="margin:0;color:#475569;font-size:14px">Workflow: ${escapeHtml(mail.workflowName)} · Requested by ${escapeHtml(mail.requester)}</p>`,
    delegated ? `<p style="font-size:14px;color:#475569">${escapeHtml(delegated)}</p>` : '',
    detailsMailHtml(mail.details),
    `<p>${buttonHtml('Review', mail.link, '#334155')}${buttonHtml('Approve', `${mail.link}?decision=approve`, '#15803d')}${buttonHtml('Reject', `${mail.link}?decision=reject`, '#b91c1c')}</p>`,
    `<p style="font-size:13px;color:#475569">${escapeHtml(expiry)} Opening a link does not decide anything: you confirm on the page.</p>`,
  ].join('');
  return { subject: `${subjectPrefix}: ${mail.title}`, text, html: layoutHtml(mail.title, body) };
}
