'use client';
/**
 * An execution's events, as AWS's console lists them: id, type (failures marked), the state it
 * belongs to, the UTC time and the time since the event before. Each row opens to show the
 * event's details as JSON text. Below desktop width the step and times fold under the type.
 */
import { ChevronRight, CircleCheck, CircleDot, CirclePlay, CircleX } from 'lucide-react';
import { Fragment, useState } from 'react';
import type { HistoryRowView } from '@/lib/executions/history-page';
import { formatDuration } from './format';

function TypeIcon({ row }: { row: HistoryRowView }) {
  if (row.failure) return <CircleX aria-hidden className="size-4 shrink-0 text-red-700" />;
  if (row.type.endsWith('Succeeded'))
    return <CircleCheck aria-hidden className="size-4 shrink-0 text-green-700" />;
  if (row.type.endsWith('Started') || row.type.endsWith('Entered'))
    return <CirclePlay aria-hidden className="size-4 shrink-0 text-blue-700" />;
  return <CircleDot aria-hidden className="size-4 shrink-0 text-slate-500" />;
}

const time = (iso: string) => iso.slice(0, 23).replace('T', ' ');
const since = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

export function HistoryTable({ events }: { events: HistoryRowView[] }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const cell = 'px-3 py-2 align-top';
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Event history</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={`${cell} w-20`}>
              ID
            </th>
            <th scope="col" className={cell}>
              Type
            </th>
            <th scope="col" className={`hidden md:table-cell ${cell}`}>
              Step
            </th>
            <th scope="col" className={`hidden md:table-cell ${cell}`}>
              Time (UTC)
            </th>
            <th scope="col" className={`hidden text-right md:table-cell ${cell}`}>
              Since previous
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((row) => {
            const expanded = open.has(row.id);
            return (
              <Fragment key={row.id}>
                <tr className={row.failure ? 'bg-red-50' : undefined}>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>
                    <button
                      type="button"
                      onClick={() => toggle(row.id)}
                      aria-expanded={expanded}
                      aria-controls={`event-${row.id}-details`}
                      aria-label={`Details of event ${row.id}`}
                      disabled={row.details === ''}
                      className="inline-flex items-center gap-1 rounded px-1 hover:bg-slate-100 disabled:opacity-50"
                    >
                      <ChevronRight
                        aria-hidden
                        className={`size-4 transition-transform ${expanded ? 'rotate-90' : ''}`}
                      />
                      {row.id}
                    </button>
                  </td>
                  <td className={cell}>
                    <span
                      className={`inline-flex items-center gap-1.5 ${row.failure ? 'font-medium text-red-800' : ''}`}
                    >
                      <TypeIcon row={row} />
                      {row.type}
                    </span>
                    <p className="mt-0.5 text-xs text-slate-600 md:hidden">
                      {row.step ? `${row.step} · ` : ''}
                      <span title={row.timestamp}>{time(row.timestamp)}</span>
                      {row.sincePreviousMs === null ? '' : ` · +${since(row.sincePreviousMs)}`}
                    </p>
                  </td>
                  <td className={`hidden break-all md:table-cell ${cell}`}>{row.step ?? ''}</td>
                  <td className={`hidden whitespace-nowrap tabular-nums md:table-cell ${cell}`}>
                    <time dateTime={row.timestamp} title={row.timestamp}>
                      {time(row.timestamp)}
                    </time>
                  </td>
                  <td className={`hidden text-right whitespace-nowrap tabular-nums md:table-cell ${cell}`}>
                    {since(row.sincePreviousMs)}
                  </td>
                </tr>
                {expanded && (
                  <tr id={`event-${row.id}-details`}>
                    <td colSpan={5} className="bg-slate-50 px-3 py-2">
                      <pre
                        tabIndex={0}
                        className="max-h-96 overflow-auto font-mono text-xs break-words whitespace-pre-wrap text-slate-800"
                      >
                        {row.details}
                      </pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
