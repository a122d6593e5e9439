/** A task's status as a badge ("Overdue" only past its due time), and its escalation mark. */
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatUtc } from '@/components/ui/format-time';

const tones: Record<string, BadgeTone> = {
  PENDING: 'blue',
  APPROVED: 'green',
  REJECTED: 'red',
  EXPIRED: 'amber',
  CANCELLED: 'neutral',
};

const words: Record<string, string> = { CANCELLED: 'Withdrawn' };

export function TaskStatusBadge({ status, overdue = false }: { status: string; overdue?: boolean }) {
  if (overdue) return <Badge tone="amber">Overdue</Badge>;
  const word = words[status] ?? status.charAt(0) + status.slice(1).toLowerCase();
  return <Badge tone={tones[status] ?? 'neutral'}>{word}</Badge>;
}

/** "Escalated to group:managers at 2026-12-03 09:00 UTC", when Escalation asked more people. */
export function EscalationMark({ task }: { task: { escalatedAt: string | null; escalatedTo: string[] } }) {
  if (!task.escalatedAt) return null;
  return (
    <span className="text-xs text-slate-600">
      Escalated{task.escalatedTo.length > 0 ? ` to ${task.escalatedTo.join(', ')}` : ''} at{' '}
      {formatUtc(task.escalatedAt)}
    </span>
  );
}
