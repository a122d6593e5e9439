/**
 * The built-in mailbox: with no SMTP_URL the app keeps its mail here, so every link can be
 * clicked without a mail server. A message's HTML is shown in a sandboxed iframe (no scripts,
 * links open in a new tab); failed messages show their last error. Open to anyone in the demo
 * (where sign-in links land here); in a real install (SIGNOFF_DEMO=off), admins only.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getMailboxMessage, listMailbox } from '@/lib/mail/list-mailbox';
import { isDemoMode } from '@/lib/auth/install-mode';
import { requirePageUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Mailbox' };
export const dynamic = 'force-dynamic';

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const { id } = await searchParams;
  if (!isDemoMode() && (await requirePageUser('/dev/mailbox')).role !== 'admin') {
    return <p className="text-slate-700">The mailbox is for admins: it holds everyone&rsquo;s mail.</p>;
  }
  const [messages, open] = await Promise.all([listMailbox(), id ? getMailboxMessage(id) : null]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Mailbox</h1>
      <p className="text-sm text-slate-600">
        {process.env.SMTP_URL
          ? 'Mail is sent over SMTP; this lists the outbox.'
          : 'No SMTP server is configured: mail stays here.'}
      </p>
      {open && (
        <article aria-label="Message" className="space-y-2 rounded-md border border-slate-200 bg-white p-4">
          <h2 className="text-lg font-semibold break-words">{open.subject}</h2>
          <p className="text-sm text-slate-600">To {open.to}</p>
          {open.html ? (
            <iframe
              title="Message body"
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              srcDoc={open.html
                .replace('<head>', '<head><base target="_blank">')
                .replace('<html>', '<html><head><base target="_blank"></head>')}
              className="h-[32rem] w-full rounded border border-slate-200"
            />
          ) : (
            <pre className="text-sm whitespace-pre-wrap">{open.text}</pre>
          )}
        </article>
      )}
      <ul
        aria-label="Messages"
        className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white"
      >
        {messages.length === 0 && <li className="p-4 text-sm text-slate-600">No mail yet.</li>}
        {messages.map((m) => (
          <li key={m.id} className="p-3 text-sm">
            <Link href={`/dev/mailbox?id=${m.id}`} className="font-medium break-words underline">
              {m.subject}
            </Link>
            <span className="block text-slate-600">
              to {m.to} · {m.kind} · {m.status}
              {m.status === 'FAILED' || m.lastError
                ? ` after ${m.attempts} attempts: ${m.lastError ?? ''}`
                : ''}{' '}
              · {m.createdAt.slice(0, 19).replace('T', ' ')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
