import { formatAge } from '@/components/ui/format-time';

/** Durations as the execution screens show them: "350 ms", "4.2 s", "3 min 5 s", "2 h 10 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  const hours = Math.floor(minutes / 60);
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "just now", "5 min ago", "3 h ago", "2 d ago". */
export function formatAgo(iso: string, now: Date): string {
  const ms = now.getTime() - Date.parse(iso);
  if (ms < 60_000) return 'just now';
  return `${formatAge(iso, now)} ago`;
}

/** How long an execution ran, or has run so far. */
export function executionDuration(startedAt: Date, stoppedAt: Date | null, now: Date): string {
  return formatDuration((stoppedAt ?? now).getTime() - startedAt.getTime());
}

/** A time as "YYYY-MM-DD HH:MM:SS.mmm UTC" (the event table's precision). */
export function formatUtcPrecise(iso: string): string {
  return `${iso.slice(0, 23).replace('T', ' ')} UTC`;
}
