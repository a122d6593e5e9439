/** A state's status in a run (from runProgress) as a badge: the same words as the graph. */
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { StateProgressStatus } from '@/lib/asl/graph/run-progress';

const looks: Record<StateProgressStatus, { tone: BadgeTone; word: string }> = {
  succeeded: { tone: 'green', word: 'Succeeded' },
  failed: { tone: 'red', word: 'Failed' },
  caught: { tone: 'amber', word: 'Caught an error' },
  running: { tone: 'blue', word: 'Running' },
  waiting: { tone: 'amber', word: 'Waiting' },
};

export function StateStatusBadge({ status }: { status: StateProgressStatus }) {
  const look = looks[status];
  return <Badge tone={look.tone}>{look.word}</Badge>;
}
