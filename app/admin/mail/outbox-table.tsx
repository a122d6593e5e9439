/**
 * The outbox messages, newest first: subject (a link to the message in the built-in mailbox),
 * to, kind, status, attempts, created, sent. A failed message shows its last error and Resend;
 * a queued one that failed before shows its last error and when it is tried next. Below
 * desktop width the secondary columns fold into lines under the subject.
 */
import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatUtc } from '@/components/ui/format-time';
import type { OutboxEntry, OutboxFilter } from '@/lib/mail/list-outbox';
import { ResendButton } from './resend-button';

const STATUS_BADGES: Record<string, { label: string; tone: BadgeTone }> = {
  PENDING: { label: 'queued', tone: 'blue' },
  SENDING: { label: 'sending', tone: 'amber' },
  SENT: { label: 'sent', tone: 'green' },
  FAILED: { label: 'failed', tone: 'red' },
};

function UtcTime({ at }: { at: string }) {
  const [day, ...rest] = formatUtc(at).split(' ');
  return (
    <time dateTime={at} title={at}>
      <span className="whitespace-nowrap">{day}</span>{' '}
      <span className="whitespace-nowrap">{rest.join(' ')}</span>
    </time>
  );
}

function StatusCell({
  message,
  view,
}: {
  message: OutboxEntry;
  view: { status: OutboxFilter; cursor?: string };
}) {
  const badge = STATUS_BADGES[message.status] ?? { label: message.status.toLowerCase(), tone: 'neutral' };
  return (
    <div className="space-y-1.5">
      <Badge tone={badge.tone}>{badge.label}</Badge>
      {message.lastError && (
        <p className="max-w-xs text-xs break-words text-red-800">
          <span className="font-medium">Last error:</span> {message.lastError}
        </p>
      )}
      {message.status === 'PENDING' && message.attempts > 0 && (
        <p className="text-xs text-slate-600">
          next attempt <UtcTime at={message.nextAttemptAt} />
        </p>
      )}
      {message.status === 'FAILED' && (
        <ResendButton messageId={message.id} to={message.to} status={view.status} cursor={view.cursor} />
      )}
    </div>
  );
}

const th = 'px-3 py-2 whitespace-nowrap';
const wide = 'hidden px-3 py-3 align-top text-slate-700 md:table-cell';

interface OutboxTableProps {
  messages: OutboxEntry[];
  view: { status: OutboxFilter; cursor?: string };
}

export function OutboxTable({ messages, view }: OutboxTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Outbox messages, newest first</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={th}>
              Subject
            </th>
            {['To', 'Kind'].map((label) => (
              <th key={label} scope="col" className={`${th} hidden md:table-cell`}>
                {label}
              </th>
            ))}
            <th scope="col" className={th}>
              Status
            </th>
            {['Attempts', 'Created', 'Sent'].map((label) => (
              <th key={label} scope="col" className={`${th} hidden md:table-cell`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {messages.map((m) => (
            <tr key={m.id}>
              <td className="px-3 py-3 align-top">
                <Link
                  href={`/dev/mailbox?id=${encodeURIComponent(m.id)}`}
                  className="font-medium break-words text-slate-900 hover:underline"
                >
                  {m.subject}
                </Link>
                <div className="mt-1 space-y-0.5 text-xs text-slate-600 md:hidden">
                  <p className="break-all">to {m.to}</p>
                  <p>
                    {m.kind} · {m.attempts} {m.attempts === 1 ? 'attempt' : 'attempts'}
                  </p>
                  <p>
                    created <UtcTime at={m.createdAt} />
                  </p>
                  {m.sentAt && (
                    <p>
                      sent <UtcTime at={m.sentAt} />
                    </p>
                  )}
                </div>
              </td>
              <td className={`${wide} break-all`}>{m.to}</td>
              <td className={wide}>{m.kind}</td>
              <td className="px-3 py-3 align-top">
                <StatusCell message={m} view={view} />
              </td>
              <td className={`${wide} tabular-nums`}>{m.attempts}</td>
              <td className={wide}>
                <UtcTime at={m.createdAt} />
              </td>
              <td className={wide}>{m.sentAt ? <UtcTime at={m.sentAt} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
