/**
 * What the dashboard's server and client pieces share: status colours (CSS variables, so the
 * palettes globals.css turns over in the dark apply to SVG fills too), labels, and the links to
 * the filtered lists behind each figure. Free of zod and the server so charts stay light.
 */
import type { ExecutionStatus } from '@/lib/dashboard/dashboard-stats';

/** The order statuses stack in (bottom first) and the legend lists them. */
export const STATUS_ORDER: ExecutionStatus[] = [
  'SUCCEEDED',
  'RUNNING',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
  'PENDING_REDRIVE',
];

/** fill: for SVG; swatch: the same colour as a class for HTML. */
export const STATUS_STYLES: Record<ExecutionStatus, { label: string; fill: string; swatch: string }> = {
  SUCCEEDED: { label: 'Succeeded', fill: 'var(--color-green-600)', swatch: 'bg-green-600' },
  RUNNING: { label: 'Running', fill: 'var(--color-blue-600)', swatch: 'bg-blue-600' },
  FAILED: { label: 'Failed', fill: 'var(--color-red-600)', swatch: 'bg-red-600' },
  TIMED_OUT: { label: 'Timed out', fill: 'var(--color-amber-500)', swatch: 'bg-amber-500' },
  ABORTED: { label: 'Aborted', fill: 'var(--color-slate-500)', swatch: 'bg-slate-500' },
  PENDING_REDRIVE: { label: 'Pending redrive', fill: 'var(--color-violet-600)', swatch: 'bg-violet-600' },
};

export const CHART_COLORS = {
  text: 'var(--color-slate-600)',
  axis: 'var(--color-slate-300)',
  grid: 'var(--color-slate-200)',
  cursor: 'var(--color-slate-100)',
  median: 'var(--color-sky-600)',
  p90: 'var(--color-orange-500)',
  failure: 'var(--color-red-600)',
};

/** Recharts' tooltip box in the page's colours (its default is a white box in the dark too). */
export const TOOLTIP_STYLE = {
  contentStyle: {
    background: 'var(--color-white)',
    border: '1px solid var(--color-slate-200)',
    borderRadius: 6,
    color: 'var(--color-slate-900)',
    fontSize: 12,
  },
  labelStyle: { color: 'var(--color-slate-900)', fontWeight: 600 },
  cursor: { fill: CHART_COLORS.cursor },
};

export interface ExecutionsFilter {
  status?: string;
  /** a workflow id */
  workflow?: string;
  /** ISO, inclusive */
  from?: string;
  /** ISO, exclusive */
  to?: string;
  error?: string;
}

/** The executions list filtered as the figure was counted (/admin/executions's query params). */
export function executionsHref(filter: ExecutionsFilter): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'workflow', 'from', 'to', 'error'] as const) {
    const value = filter[key];
    if (value !== undefined) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/admin/executions?${query}` : '/admin/executions';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A bucket's name: "Mar 2" for a UTC day, "13:00" for an hour (UTC, as the rest of the UI). */
export function bucketLabel(iso: string, granularity: 'hour' | 'day'): string {
  const date = new Date(iso);
  if (granularity === 'hour') return `${String(date.getUTCHours()).padStart(2, '0')}:00`;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** A duration for people: "45 s", "25 min", "5.5 h", "3.2 d". */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Number(hours.toFixed(1))} h`;
  return `${Number((hours / 24).toFixed(1))} d`;
}

/** What the failures figure calls an execution that failed without an error name. */
export const NO_ERROR_NAME = '(no error name)';

/** The executions behind one error name (an unnamed failure: the failed ones in the range). */
export function failureHref(error: string | null, from: string, to: string): string {
  return error === null
    ? executionsHref({ status: 'FAILED', from, to })
    : executionsHref({ error, from, to });
}

/** "last 24 hours", "last 14 days". */
export function rangeLabel(days: number): string {
  return days === 1 ? 'last 24 hours' : `last ${days} days`;
}
