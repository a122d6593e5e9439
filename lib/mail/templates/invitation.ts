/** The mail a person gets when an admin adds them: who added them, as what, and where to sign in. */
import type { RenderedMail } from '../enqueue-mail';
import { buttonHtml, escapeHtml, layoutHtml } from './html';

export function renderInvitation(mail: { role: string; invitedBy: string; signInUrl: string }): RenderedMail {
  const lead = `${mail.invitedBy} added you to Signoff as ${mail.role === 'approver' ? 'an approver' : `a ${mail.role}`}.`;
  const text = [
    lead,
    '',
    `Sign in with this address (we email you a link; no password): ${mail.signInUrl}`,
  ].join('\n');
  const html = layoutHtml(
    'You are invited to Signoff',
    `<p>${escapeHtml(lead)}</p><p>Sign in with this address: we email you a link, no password needed.</p>${buttonHtml('Sign in', mail.signInUrl, '#0f172a')}`,
  );
  return { subject: 'You are invited to Signoff', text, html };
}
