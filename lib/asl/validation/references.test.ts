import { describe, expect, it } from 'vitest';
import { errorMessages, findings } from './test-support';

describe('references', () => {
  it('reports StartAt, Next, Default, Choices Next and Catch Next naming no state', () => {
    const definition = {
      StartAt: 'Strat',
      States: {
        Start: { Type: 'Pass', Next: 'Chose' },
        Choose: {
          Type: 'Choice',
          Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Shipp' }],
          Default: 'Rejct',
        },
        Ship: {
          Type: 'Task',
          Resource: 'function:ship',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Reject ' }],
          End: true,
        },
        Reject: { Type: 'Fail' },
      },
    };
    expect(findings(definition)).toEqual([
      { path: '/StartAt', code: 'UNKNOWN_STATE' },
      { path: '/States/Start/Next', code: 'UNKNOWN_STATE' },
      { path: '/States/Choose/Default', code: 'UNKNOWN_STATE' },
      { path: '/States/Choose/Choices/0/Next', code: 'UNKNOWN_STATE' },
      { path: '/States/Ship/Catch/0/Next', code: 'UNKNOWN_STATE' },
    ]);
    expect(errorMessages(definition)).toEqual([
      'state "Strat" does not exist — did you mean "Start"?',
      'state "Chose" does not exist — did you mean "Choose"?',
      'state "Rejct" does not exist — did you mean "Reject"?',
      'state "Shipp" does not exist — did you mean "Ship"?',
      'state "Reject " does not exist — did you mean "Reject"?',
    ]);
  });

  it('says only that the state does not exist when nothing is close', () => {
    expect(errorMessages({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Billing' } } })).toEqual([
      'state "Billing" does not exist.',
    ]);
  });

  it('keeps each branch its own namespace', () => {
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Next: 'After',
          Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', Next: 'After' } } }],
        },
        After: { Type: 'Succeed' },
      },
    };
    expect(findings(definition)).toEqual([
      { path: '/States/P/Branches/0/States/X/Next', code: 'UNKNOWN_STATE' },
    ]);
  });
});

describe('reachability', () => {
  it('warns, without an error, about states nothing leads to', () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'B' }], Default: 'C' },
        B: {
          Type: 'Task',
          Resource: 'email:send',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'D' }],
          End: true,
        },
        C: { Type: 'Succeed' },
        D: { Type: 'Succeed' },
        Lost: { Type: 'Pass', Next: 'AlsoLost' },
        AlsoLost: { Type: 'Pass', Next: 'Lost' },
      },
    };
    const result = findings(definition, 'WARNING');
    expect(findings(definition)).toEqual([]);
    expect(result).toEqual([
      { path: '/States/Lost', code: 'UNREACHABLE_STATE' },
      { path: '/States/AlsoLost', code: 'UNREACHABLE_STATE' },
    ]);
  });

  it('checks reachability inside branches too', () => {
    const branch = { StartAt: 'X', States: { X: { Type: 'Succeed' }, Y: { Type: 'Succeed' } } };
    const definition = { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [branch], End: true } } };
    expect(findings(definition, 'WARNING')).toEqual([
      { path: '/States/P/Branches/0/States/Y', code: 'UNREACHABLE_STATE' },
    ]);
  });
});
