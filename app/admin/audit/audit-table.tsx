/**
 * The audit entries, newest first: when, actor, action, target, reason, and details (the
 * event's data as JSON text, IP, user agent, hash) folded in a <details>. Below desktop width
 * the middle columns fold into lines under the time.
 */
import type { AuditListEntry } from '@/lib/audit/list-audit';

/** "2026-03-01 09:30:12 UTC"; the full ISO time is the title and the dateTime. */
function When({ at }: { at: string }) {
  const [day, time] = at.slice(0, 19).split('T');
  return (
    <time dateTime={at} title={at}>
      <span className="whitespace-nowrap">{day}</span> <span className="whitespace-nowrap">{time} UTC</span>
    </time>
  );
}

function Actor({ entry }: { entry: AuditListEntry }) {
  const name = entry.actorLabel ?? entry.actorId ?? entry.actorType;
  return (
    <>
      <span className="break-words text-slate-900">{name}</span>
      <span className="block text-xs text-slate-600">
        {entry.actorType}
        {entry.actorId && entry.actorId !== name ? ` · ${entry.actorId}` : ''}
      </span>
    </>
  );
}

function Target({ entry }: { entry: AuditListEntry }) {
  if (!entry.targetType && !entry.targetId) return <>—</>;
  return (
    <>
      <span className="text-slate-900">{entry.targetType}</span>
      {entry.targetId && (
        <span className="block font-mono text-xs break-all text-slate-600">{entry.targetId}</span>
      )}
    </>
  );
}

/** The data as indented JSON when it parses, as stored otherwise; always rendered as text. */
function prettyData(data: string): string {
  try {
    return JSON.stringify(JSON.parse(data), null, 2);
  } catch {
    return data;
  }
}

function Details({ entry }: { entry: AuditListEntry }) {
  const facts: [string, string | null][] = [
    ['IP', entry.ip],
    ['User agent', entry.userAgent],
    ['Hash', entry.hash],
  ];
  return (
    <details className="max-w-[min(36rem,80vw)]">
      <summary className="cursor-pointer text-sm font-medium whitespace-nowrap text-slate-800 underline">
        Details<span className="sr-only"> of entry {entry.seq}</span>
      </summary>
      <div className="mt-2 space-y-2 text-xs">
        <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono break-all whitespace-pre-wrap text-slate-800">
          {prettyData(entry.data)}
        </pre>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-700">{label}</dt>
              <dd className="font-mono break-all text-slate-700">{value ?? '—'}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}

const th = 'px-3 py-2 whitespace-nowrap';
const wide = 'hidden px-3 py-3 align-top md:table-cell';

export function AuditTable({ entries }: { entries: AuditListEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit entries, newest first</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={th}>
              When
            </th>
            {['Actor', 'Action', 'Target', 'Reason'].map((label) => (
              <th key={label} scope="col" className={`${th} hidden md:table-cell`}>
                {label}
              </th>
            ))}
            <th scope="col" className={th}>
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td className="px-3 py-3 align-top">
                <When at={entry.at} />
                <span className="block text-xs text-slate-600">#{entry.seq}</span>
                <div className="mt-2 space-y-1 text-xs md:hidden">
                  <p className="font-mono font-medium text-slate-900">{entry.action}</p>
                  <p>
                    by <Actor entry={entry} />
                  </p>
                  {(entry.targetType || entry.targetId) && (
                    <p>
                      on <Target entry={entry} />
                    </p>
                  )}
                  {entry.reason && <p className="break-words text-slate-700">{entry.reason}</p>}
                </div>
              </td>
              <td className={wide}>
                <Actor entry={entry} />
              </td>
              <td className={`${wide} font-mono text-xs text-slate-900`}>{entry.action}</td>
              <td className={wide}>
                <Target entry={entry} />
              </td>
              <td className={`${wide} break-words text-slate-700`}>{entry.reason ?? '—'}</td>
              <td className="px-3 py-3 align-top">
                <Details entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
