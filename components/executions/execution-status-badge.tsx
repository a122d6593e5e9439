/** An execution's status as a coloured badge with an icon, so it reads without colour too. */
import { Ban, CircleCheck, CircleX, Clock, LoaderCircle, RotateCcw, type LucideIcon } from 'lucide-react';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const looks: Record<string, { tone: BadgeTone; Icon: LucideIcon; word: string }> = {
  RUNNING: { tone: 'blue', Icon: LoaderCircle, word: 'Running' },
  SUCCEEDED: { tone: 'green', Icon: CircleCheck, word: 'Succeeded' },
  FAILED: { tone: 'red', Icon: CircleX, word: 'Failed' },
  TIMED_OUT: { tone: 'amber', Icon: Clock, word: 'Timed out' },
  ABORTED: { tone: 'neutral', Icon: Ban, word: 'Aborted' },
  PENDING_REDRIVE: { tone: 'blue', Icon: RotateCcw, word: 'Pending redrive' },
};

export function ExecutionStatusBadge({ status }: { status: string }) {
  const look = looks[status] ?? { tone: 'neutral' as const, Icon: Clock, word: status };
  return (
    <Badge tone={look.tone}>
      <look.Icon aria-hidden className="mr-1 size-3.5" />
      {look.word}
    </Badge>
  );
}

/** The words of a status (for announcements and titles). */
export function executionStatusWord(status: string): string {
  return looks[status]?.word ?? status;
}
