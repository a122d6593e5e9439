'use client';
/**
 * A number or a date of a request's details in the viewer's locale (and time zone, with UTC on
 * hover). The server render and hydration use the mail's fixed en-GB / UTC wording; the
 * browser's own formats take over right after.
 */
import { formatDetailDate, formatDetailNumber, type DetailFormat } from '@/lib/approvals/details-model';
import { formatUtc } from '@/components/ui/format-time';
import { useInBrowser } from '@/components/ui/local-time';

type Props =
  { kind: 'number'; value: number; plain: boolean } | { kind: 'date'; iso: string; dateOnly: boolean };

const SERVER: DetailFormat = { locale: 'en-GB', timeZone: 'UTC' };

function browserFormat(): DetailFormat {
  const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions();
  return { locale, timeZone };
}

export function DetailValue(props: Props) {
  const format = useInBrowser() ? browserFormat() : SERVER;
  if (props.kind === 'number')
    return <span className="tabular-nums">{formatDetailNumber(props.value, props.plain, format)}</span>;
  return (
    <time
      dateTime={props.iso}
      title={props.dateOnly ? undefined : formatUtc(new Date(props.iso).toISOString())}
    >
      {formatDetailDate(props.iso, props.dateOnly, format)}
    </time>
  );
}
