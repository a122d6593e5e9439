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

export interface PolicyProgress {
  mode: string;
  /** quorum's Count (1 for any, unused by all) */
  count: number;
  /** the people still asked (not withdrawn) */
  asked: number;
  /** approvals the policy needs in all */
  needed: number;
  approvals: number;
  rejections: number;
  /** approvals still missing (0 once settled or vetoed) */
  stillNeeded: number;
  verdict: Verdict;
  /** where it stands: "2 of 3 approvals, none rejected" */
  summary: string;
  /** the rule in words: "All 3 people asked must approve; one rejection rejects it." */
  rule: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function ruleOf({ mode, count, assignees }: PolicyState): string {
  const asked = assignees === 1 ? 'the 1 person asked' : `the ${assignees} people asked`;
  const approve =
    mode === 'all'
      ? assignees === 1
        ? 'The 1 person asked must approve'
        : `All ${assignees} people asked must approve`
      : mode === 'quorum'
        ? `${count} of ${asked} must approve`
        : `One approval from ${asked} is enough`;
  return `${approve}; one rejection rejects it.`;
}

/** Where the decisions so far leave the policy, with the numbers and the words for a person (pure). */
export function describePolicy(args: PolicyState): PolicyProgress {
  const needed = approvalsNeeded(args);
  const approvals = approvalsOf(args.decisions);
  const rejections = args.decisions.filter((d) => d.decision === 'rejected').length;
  return {
    mode: args.mode,
    count: args.count,
    asked: args.assignees,
    needed,
    approvals,
    rejections,
    stillNeeded: approvalsStillNeeded(args),
    verdict: evaluatePolicy(args),
    summary: `${approvals} of ${plural(needed, 'approval')}, ${rejections === 0 ? 'none' : rejections} rejected`,
    rule: ruleOf(args),
  };
}
