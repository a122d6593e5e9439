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

/**
 * The mail links to the confirm page, whose button POSTs to next-auth's callback: a scanner that
 * fetches links cannot spend it.
 */
function confirmUrl(callbackUrl: string): string {
  const url = new URL(callbackUrl);
  url.pathname = url.pathname.replace(/\/api\/auth\/callback\/email$/, '/sign-in/confirm');
  return url.toString();
}

/** Mails the link to an active user; for any other address nothing is sent (and nothing says so). */
export async function sendSignInMail({
  identifier,
  url,
  expires,
}: {
  identifier: string;
  url: string;
  expires: Date;
}): Promise<void> {
  const user = await db.user.findUnique({
    where: { email: identifier.trim().toLowerCase() },
    select: { disabledAt: true },
  });
  if (!user || user.disabledAt) return;
  const mail = renderSignInMail({ url: confirmUrl(url), expires });
  await db.$transaction((tx) => enqueueMail(tx, { kind: 'sign-in', to: identifier, ...mail }));
  wakeMailSender();
}
