import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { claimTask } from './claim-task';
import { decideTask } from './decide-task';
import { getInboxTaskOrThrow } from './get-inbox-task-or-throw';
import { describePolicy } from './policy';
import { approvalDefinition, seedPeople, startWorkflow, taskOf } from './test-kit';

let ids: Record<string, string>;
let taskId: string;
const viewer = (name: string, role = 'approver') => ({ id: ids[name], role });

beforeAll(async () => {
  ids = await seedPeople();
  ids.admin = (await db.user.create({ data: { email: 'admin@example.com', role: 'admin' } })).id;
  const executionId = await startWorkflow(
    approvalDefinition({
      Title: 'Team offsite',
      Approvers: ['group:finance', 'bob@example.com'],
      Policy: { Mode: 'quorum', Count: 2 },
      Reminders: { EverySeconds: 3600, Max: 2 },
      Escalation: { AfterSeconds: 7200, To: ['group:managers'] },
    }),
  );
  taskId = (await taskOf(executionId)).id;
  await decideTask({ taskId, actor: { type: 'user', id: ids.alice }, decision: 'approve' });
});

describe('the task page', () => {
  it('says who was asked and what each decided, where the policy stands, and the reminder and escalation times', async () => {
    const view = await getInboxTaskOrThrow({ taskId, viewer: viewer('carol') });
    expect(view.assignees).toEqual([
      expect.objectContaining({
        email: 'alice@example.com',
        group: 'finance',
        status: 'DECIDED',
        decision: 'approved',
        you: false,
      }),
      expect.objectContaining({
        email: 'carol@example.com',
        group: 'finance',
        status: 'PENDING',
        decision: null,
        decidedAt: null,
        you: true,
      }),
      expect.objectContaining({ email: 'bob@example.com', via: 'direct', group: null, status: 'PENDING' }),
    ]);
    expect(view.assignees[0].decidedAt).toEqual(expect.any(String));
    expect(view.policyProgress).toMatchObject({
      mode: 'quorum',
      asked: 3,
      needed: 2,
      approvals: 1,
      stillNeeded: 1,
      summary: '1 of 2 approvals, none rejected',
      rule: '2 of the 3 people asked must approve; one rejection rejects it.',
    });
    expect(view.reminders).toEqual({ sent: 0, max: 2, everySeconds: 3600, nextAt: expect.any(String) });
    expect(view.escalation).toEqual({
      afterSeconds: 7200,
      to: ['group:managers'],
      dueAt: expect.any(String),
      escalatedAt: null,
    });
    expect(Date.parse(view.escalation!.dueAt!) - Date.parse(view.createdAt)).toBeGreaterThanOrEqual(
      7_199_000,
    );
    expect(view).toMatchObject({
      claim: null,
      canDecide: true,
      may: { claim: true, release: false, breakClaim: false, reassign: false },
      stateName: 'Approve',
      executionId: expect.any(String),
      definition: expect.stringContaining('"Resource":"approval"'),
    });
  });

  it('shows the claim to everyone, and what the holder and an admin may do about it', async () => {
    await claimTask({ taskId, actor: { type: 'user', id: ids.carol, label: 'carol@example.com' } });
    expect(await getInboxTaskOrThrow({ taskId, viewer: viewer('carol') })).toMatchObject({
      claim: { by: 'carol@example.com', byYou: true },
      canDecide: true,
      may: { claim: true, release: true, breakClaim: false },
    });
    expect(await getInboxTaskOrThrow({ taskId, viewer: viewer('bob') })).toMatchObject({
      blockedReason: 'claimed',
      may: { claim: false, release: false },
    });
    expect(await getInboxTaskOrThrow({ taskId, viewer: viewer('admin', 'admin') })).toMatchObject({
      claim: { by: 'carol@example.com', byYou: false },
      may: { claim: false, release: false, breakClaim: true, reassign: true },
    });
  });
});

describe('describePolicy', () => {
  const decisions = (...list: string[]) => list.map((decision) => ({ decision }));

  it('puts each policy in numbers and words', () => {
    expect(describePolicy({ mode: 'any', count: 1, assignees: 3, decisions: [] })).toMatchObject({
      summary: '0 of 1 approval, none rejected',
      rule: 'One approval from the 3 people asked is enough; one rejection rejects it.',
      verdict: 'pending',
    });
    expect(
      describePolicy({ mode: 'all', count: 1, assignees: 3, decisions: decisions('approved', 'approved') }),
    ).toMatchObject({
      summary: '2 of 3 approvals, none rejected',
      rule: 'All 3 people asked must approve; one rejection rejects it.',
      stillNeeded: 1,
    });
    expect(
      describePolicy({ mode: 'all', count: 1, assignees: 1, decisions: decisions('rejected') }),
    ).toMatchObject({
      summary: '0 of 1 approval, 1 rejected',
      rule: 'The 1 person asked must approve; one rejection rejects it.',
      verdict: 'rejected',
      stillNeeded: 0,
    });
  });
});
