/**
 * Whether the decisions so far settle a task (pure). Any rejection vetoes; `any` needs one
 * approval, `quorum` Count of them, `all` every assignee who is still asked.
 */
export type PolicyMode = 'any' | 'all' | 'quorum';
export type Verdict = 'approved' | 'rejected' | 'pending';

export function evaluatePolicy(args: {
  mode: string;
  count: number;
  assignees: number;
  decisions: Array<{ decision: string }>;
}): Verdict {
  if (args.decisions.some((d) => d.decision === 'rejected')) return 'rejected';
  const approvals = args.decisions.filter((d) => d.decision === 'approved').length;
  const needed = args.mode === 'all' ? args.assignees : args.mode === 'quorum' ? args.count : 1;
  return approvals >= Math.max(needed, 1) ? 'approved' : 'pending';
}
