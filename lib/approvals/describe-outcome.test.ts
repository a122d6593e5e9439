import { describe, expect, it } from 'vitest';
import { formatDuration, closingFor } from './closing-reason';
import { workflowEffect, type OutcomeFacts } from './describe-outcome';
import { approvalsStillNeeded } from './policy';

const facts = (over: Partial<OutcomeFacts>): OutcomeFacts => ({
  status: 'PENDING',
  onReject: 'fail',
  closedReason: null,
  policy: { mode: 'any', count: 1, stillNeeded: 1 },
  execution: { status: 'RUNNING', error: null },
  ...over,
});

describe('what a decision did to the workflow, from stored facts', () => {
  it('says a rejection with OnReject fail fails the step, and only says the workflow ended once it has', () => {
    expect(workflowEffect(facts({ status: 'REJECTED' }))).toBe(
      'The step failed with Approval.Rejected: the workflow goes to its handler for that error if it has one, and fails otherwise.',
    );
    expect(
      workflowEffect(
        facts({ status: 'REJECTED', execution: { status: 'FAILED', error: 'Approval.Rejected' } }),
      ),
    ).toContain('The workflow has ended: it failed (Approval.Rejected).');
  });

  it('says a rejection with OnReject output goes on, and an approval continues', () => {
    expect(workflowEffect(facts({ status: 'REJECTED', onReject: 'output' }))).toBe(
      "The workflow went on with the rejection as the step's result.",
    );
    expect(workflowEffect(facts({ status: 'APPROVED' }))).toBe('Its workflow continues with the approval.');
  });

  it('says how many approvals are still needed under all and quorum', () => {
    const decisions = [{ decision: 'approved' }];
    const all = approvalsStillNeeded({ mode: 'all', count: 1, assignees: 3, decisions });
    const quorum = approvalsStillNeeded({ mode: 'quorum', count: 2, assignees: 3, decisions });
    expect([all, quorum]).toEqual([2, 1]);
    expect(workflowEffect(facts({ policy: { mode: 'all', count: 1, stillNeeded: all } }))).toBe(
      'It waits for 2 more approvals (all of the people asked must approve) before its workflow goes on.',
    );
    expect(workflowEffect(facts({ policy: { mode: 'quorum', count: 2, stillNeeded: quorum } }))).toBe(
      'It waits for 1 more approval (2 approvals are needed) before its workflow goes on.',
    );
    expect(
      approvalsStillNeeded({ mode: 'all', count: 1, assignees: 3, decisions: [{ decision: 'rejected' }] }),
    ).toBe(0);
  });
});

describe('why a task closed, in words', () => {
  const task = { createdAt: new Date('2026-01-01T00:00:00Z'), dueAt: new Date('2026-01-08T00:00:00Z') };
  const at = new Date('2026-01-02T09:30:00Z');

  it('names the largest whole unit of a deadline', () => {
    expect([formatDuration(604_800), formatDuration(7_200), formatDuration(90), formatDuration(60)]).toEqual([
      '7 days',
      '2 hours',
      '90 seconds',
      '1 minute',
    ]);
  });

  it('expires on its own deadline and is cancelled by everything else', () => {
    expect(closingFor({ kind: 'state-timed-out' }, task, at)).toEqual({
      status: 'EXPIRED',
      reason: 'no decision within 7 days',
    });
    expect(closingFor({ kind: 'stopped', by: 'admin@example.com' }, task, at)).toEqual({
      status: 'CANCELLED',
      reason: 'the workflow was stopped by admin@example.com at 2026-01-02 09:30 UTC',
    });
    expect(closingFor({ kind: 'branch-failed', stateName: 'Checks' }, task, at).reason).toBe(
      'another branch of the parallel step “Checks” failed, so this one stopped',
    );
  });
});
