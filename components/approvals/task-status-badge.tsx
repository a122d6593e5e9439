/** A task's status as a badge ("Overdue" only past its due time). */
import { Badge, type BadgeTone } from '@/components/ui/badge';

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
