/**
 * ISO-8601 "extended offset date-time" as Step Functions accepts it: a date, `T`, a time with
 * optional fraction, and `Z` or `±hh:mm`. Calendar ranges are checked (no month 13, hour 25).
 */
const ISO_OFFSET_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|z|[+-](\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch, or undefined when `text` is not a valid timestamp. */
export function parseTimestamp(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = ISO_OFFSET_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return undefined;
  const ms = Date.parse(text.replace(/z$/, 'Z'));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Adds seconds to a date and returns the ISO string (the `dueAt` of timers). */
export function addSeconds(now: Date, seconds: number): string {
  return new Date(now.getTime() + seconds * 1000).toISOString();
}
