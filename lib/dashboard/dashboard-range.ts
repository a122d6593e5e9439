/**
 * The dashboard's time window: the last N whole UTC days up to the end of today (or, for one
 * day, the last 24 whole UTC hours up to the end of this hour), cut into zero-filled buckets.
 * Every figure "over the range" covers [from, to), and each bucket's link uses its own bounds.
 */
import { z } from 'zod';

/** The ranges the page offers (`?range=`), in days; 14 days when absent or unknown. */
export const DASHBOARD_RANGES = { '24h': 1, '7d': 7, '14d': 14, '30d': 30 } as const;
export type DashboardRangeKey = keyof typeof DASHBOARD_RANGES;

const DEFAULT_DASHBOARD_RANGE: DashboardRangeKey = '14d';

export const dashboardQuerySchema = z.object({
  range: z.enum(['24h', '7d', '14d', '30d']).catch(DEFAULT_DASHBOARD_RANGE),
});

/** The longest window the service computes (days). */
export const MAX_DASHBOARD_DAYS = 90;

export type Granularity = 'hour' | 'day';

export interface TimeWindow {
  /** ISO, inclusive */
  from: string;
  /** ISO, exclusive */
  to: string;
}

export interface DashboardWindow extends TimeWindow {
  days: number;
  granularity: Granularity;
  buckets: TimeWindow[];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function dashboardWindow(now: Date, days: number): DashboardWindow {
  const granularity: Granularity = days === 1 ? 'hour' : 'day';
  const step = granularity === 'hour' ? HOUR_MS : DAY_MS;
  const count = granularity === 'hour' ? 24 : days;
  const end = Math.floor(now.getTime() / step) * step + step; // the end of the current hour / UTC day
  const start = end - count * step;
  const buckets = Array.from({ length: count }, (_, i) => ({
    from: new Date(start + i * step).toISOString(),
    to: new Date(start + (i + 1) * step).toISOString(),
  }));
  return { days, granularity, from: buckets[0].from, to: buckets[count - 1].to, buckets };
}

/** The key SQL gives a time in this bucket size (lib/db/sql-dialect.ts timeBucket). */
export function bucketKey(iso: string, granularity: Granularity): string {
  return granularity === 'hour' ? iso.slice(0, 13) : iso.slice(0, 10);
}
