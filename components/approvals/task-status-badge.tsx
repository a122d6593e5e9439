import { Badge, type BadgeTone } from '@/components/ui/badge';

const tones: Record<string, BadgeTone> = {
  PENDING: 'blue',
  APPROVED: 'green',
  REJECTED: 'red',
  EXPIRED: 'amber',
  CANCELLED: 'neutral',
};

export function TaskStatusBadge({ status, overdue = false }: { status: string; overdue?: boolean }) {
  if (overdue) return <Badge tone="amber">Overdue</Badge>;
  return <Badge tone={tones[status] ?? 'neutral'}>{status.charAt(0) + status.slice(1).toLowerCase()}</Badge>;
}
