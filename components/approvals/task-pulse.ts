/**
 * What an open task page watches for (pure): the few facts that change when someone elsewhere
 * decides, claims, releases, reassigns or closes the task. The page renders with one pulse; the
 * live component asks for a fresh one every few seconds and, when it differs, reloads the page
 * and says what happened in words ("This task was just approved by bob@example.com.").
 */
import type { InboxTaskView } from '@/lib/approvals/get-inbox-task-or-throw';

export interface TaskPulse {
  status: string;
  canDecide: boolean;
  decisions: Array<{ by: string; decision: string; you: boolean }>;
  claim: { by: string; byYou: boolean; expiresAt: string } | null;
  asked: Array<{ email: string; status: string }>;
}

export function pulseOf(task: InboxTaskView): TaskPulse {
  return {
    status: task.status,
    canDecide: task.canDecide,
    decisions: task.decisions.map(({ by, decision, you }) => ({ by, decision, you })),
    claim: task.claim && { by: task.claim.by, byYou: task.claim.byYou, expiresAt: task.claim.expiresAt },
    asked: task.assignees.map(({ email, status }) => ({ email, status })),
  };
}

export const pulseKey = (pulse: TaskPulse) => JSON.stringify(pulse);

const CLOSED: Record<string, string> = {
  APPROVED: 'This request is now approved.',
  REJECTED: 'This request is now rejected.',
  EXPIRED: 'This request just expired.',
  CANCELLED: 'This request was just withdrawn.',
};

function claimChange(before: TaskPulse['claim'], after: TaskPulse['claim']): string | null {
  if (after && !after.byYou && after.by !== before?.by) return `This task was just claimed by ${after.by}.`;
  if (!after && before && !before.byYou) return `${before.by} no longer holds a claim on this task.`;
  if (!after && before?.byYou) return 'Your claim on this task ended.';
  return null;
}

/**
 * The changes made by others, in words; '' when only the viewer's own doings differ (their page
 * already shows them).
 */
export function describeChange(before: TaskPulse, after: TaskPulse): string {
  const known = new Set(before.decisions.map((d) => `${d.by}|${d.decision}`));
  const sentences = after.decisions
    .filter((d) => !d.you && !known.has(`${d.by}|${d.decision}`))
    .map((d) => `This task was just ${d.decision} by ${d.by}.`);
  if (after.status !== before.status && CLOSED[after.status]) sentences.push(CLOSED[after.status]);
  const claim = claimChange(before.claim, after.claim);
  if (claim) sentences.push(claim);
  const askedKey = (p: TaskPulse) =>
    p.asked
      .filter((a) => a.status !== 'CANCELLED')
      .map((a) => a.email)
      .sort()
      .join(' ');
  if (askedKey(before) !== askedKey(after) && after.status === 'PENDING')
    sentences.push('The people asked to decide changed.');
  return sentences.join(' ');
}
