'use client';
/**
 * A time in the viewer's own time zone and locale, with UTC on hover: `<LocalTime iso="…" />`
 * renders `<time dateTime title="2026-12-03 14:05 UTC">`. The server does not know the viewer's
 * zone, so the server render (and hydration) shows UTC; right after hydration the browser's
 * Intl takes over. `short` leaves the day out when it is today ("until 14:05").
 */
import { useSyncExternalStore } from 'react';
import { formatUtc } from './format-time';

const subscribe = () => () => {};

/** false while rendering on the server and hydrating, true in the browser after that. */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

function formatLocal(date: Date, short: boolean): string {
  const time = { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
  if (short && sameDay(date, new Date())) return new Intl.DateTimeFormat(undefined, time).format(date);
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...time,
  }).format(date);
}

export function LocalTime({ iso, short = false }: { iso: string; short?: boolean }) {
  const inBrowser = useInBrowser();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <time dateTime={iso}>{iso}</time>;
  const utc = formatUtc(date.toISOString());
  return (
    <time dateTime={iso} title={utc} suppressHydrationWarning>
      {inBrowser ? formatLocal(date, short) : utc}
    </time>
  );
}
