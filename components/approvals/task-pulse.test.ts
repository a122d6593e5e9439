import { describe, expect, it } from 'vitest';
import { describeChange, type TaskPulse } from './task-pulse';

const base: TaskPulse = {
  status: 'PENDING',
  canDecide: true,
  decisions: [],
  claim: null,
  asked: [
    { email: 'alice@example.com', status: 'PENDING' },
    { email: 'bob@example.com', status: 'PENDING' },
  ],
};

describe('describeChange', () => {
  it('names who decided and what the request became', () => {
    const after: TaskPulse = {
      ...base,
      status: 'APPROVED',
      canDecide: false,
      decisions: [{ by: 'bob@example.com', decision: 'approved', you: false }],
      asked: [
        { email: 'alice@example.com', status: 'CANCELLED' },
        { email: 'bob@example.com', status: 'DECIDED' },
      ],
    };
    expect(describeChange(base, after)).toBe(
      'This task was just approved by bob@example.com. This request is now approved.',
    );
  });

  it('says when someone claims the task, and when their claim ends', () => {
    const claimed = {
      ...base,
      claim: { by: 'carol@example.com', byYou: false, expiresAt: '2026-12-03T14:05:00Z' },
    };
    expect(describeChange(base, claimed)).toBe('This task was just claimed by carol@example.com.');
    expect(describeChange(claimed, base)).toBe('carol@example.com no longer holds a claim on this task.');
    const mine = { ...base, claim: { by: 'me@example.com', byYou: true, expiresAt: '2026-12-03T14:05:00Z' } };
    expect(describeChange(mine, base)).toBe('Your claim on this task ended.');
  });

  it('says when the people asked change, and nothing for the viewer’s own doings', () => {
    const replaced = {
      ...base,
      asked: [...base.asked.slice(0, 1), { email: 'dana@example.com', status: 'PENDING' }],
    };
    expect(describeChange(base, replaced)).toBe('The people asked to decide changed.');
    const own = {
      ...base,
      canDecide: false,
      decisions: [{ by: 'alice@example.com', decision: 'approved', you: true }],
      claim: { by: 'alice@example.com', byYou: true, expiresAt: '2026-12-03T14:05:00Z' },
    };
    expect(describeChange(base, own)).toBe('');
  });
});
