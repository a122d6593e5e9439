/** A person's account status: active (has signed in), invited (not yet), deactivated. */
import { Badge } from '@/components/ui/badge';

const tone = { active: 'green', invited: 'blue', deactivated: 'neutral' } as const;
const word = { active: 'Active', invited: 'Invited', deactivated: 'Deactivated' } as const;

export function PersonStatusBadge({ status }: { status: 'active' | 'invited' | 'deactivated' }) {
  return <Badge tone={tone[status]}>{word[status]}</Badge>;
}
