/**
 * The magic-link mail: written into the durable outbox (kind `sign-in`), so it lands in the
 * built-in mailbox in the demo and goes over SMTP when SMTP_URL is set, like every other mail.
 */
import { db } from '../db/client';
import { enqueueMail, type RenderedMail } from '../mail/enqueue-mail';
import { wakeMailSender } from '../mail/mail-sender';
import { buttonHtml, escapeHtml, layoutHtml } from '../mail/templates/html';

function renderSignInMail({ url, expires }: { url: string; expires: Date }): RenderedMail {
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  const text = `Sign in to Signoff\n\nOpen this link to sign in (it works once, for ${minutes} minutes):\n${url}\n\nIf you did not ask to sign in, ignore this message.`;
  const html = layoutHtml(
    'Sign in to Signoff',
    `<p>Use the button to sign in. The link works once, for ${minutes} minutes.</p>${buttonHtml('Sign in', url, '#0f172a')}` +
      `<p style="font-size:13px;color:#475569;word-break:break-all">${escapeHtml(url)}</p><p style="font-size:13px;color:#475569">If you did not ask to sign in, ignore this message.</p>`,
  );
  return { subject: 'Sign in to Signoff', text, html };
}

export async function sendSignInMail({
  identifier,
  url,
  expires,
}: {
  identifier: string;
  url: string;
  expires: Date;
}): Promise<void> {
  const mail = renderSignInMail({ url, expires });
  await db.$transaction((tx) => enqueueMail(tx, { kind: 'sign-in', to: identifier, ...mail }));
  wakeMailSender();
}
