/**
 * Whether the decisions so far settle a task (pure). Any rejection vetoes; `any` needs one
 * approval, `quorum` Count of them, `all` every assignee who is still asked.
 */
export type Verdict = 'approved' | 'rejected' | 'pending';

interface PolicyState {
  mode: string;
  count: number;
  /** the people still asked (not withdrawn) */
  assignees: number;
  decisions: Array<{ decision: string }>;
}

function approvalsNeeded({ mode, count, assignees }: PolicyState): number {
  return Math.max(mode === 'all' ? assignees : mode === 'quorum' ? count : 1, 1);
}

const approvalsOf = (decisions: PolicyState['decisions']) =>
  decisions.filter((d) => d.decision === 'approved').length;

export function evaluatePolicy(args: PolicyState): Verdict {
  if (args.decisions.some((d) => d.decision === 'rejected')) return 'rejected';
  return approvalsOf(args.decisions) >= approvalsNeeded(args) ? 'approved' : 'pending';
}

/** How many more approvals the task waits for (0 once settled or vetoed). */
export function approvalsStillNeeded(args: PolicyState): number {
  if (evaluatePolicy(args) !== 'pending') return 0;
  return approvalsNeeded(args) - approvalsOf(args.decisions);
}
