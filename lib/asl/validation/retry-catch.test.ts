import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../validate';
import { errorMessages, findings, single } from './test-support';

const task = (extra: Record<string, unknown>) => ({
  StartAt: 'T',
  States: {
    T: { Type: 'Task', Resource: 'function:charge', End: true, ...extra },
    Recover: { Type: 'Succeed' },
  },
});

describe('Retry', () => {
  it('accepts every field in range', () => {
    const retry = [
      {
        ErrorEquals: ['Busy', 'States.Timeout'],
        IntervalSeconds: 1,
        MaxAttempts: 0,
        BackoffRate: 1,
        MaxDelaySeconds: 1,
        JitterStrategy: 'FULL',
      },
    ];
    expect(findings(task({ Retry: retry }))).toEqual([]);
  });

  it('reports each field out of range', () => {
    const retry = [
      {
        ErrorEquals: ['Busy'],
        IntervalSeconds: 0,
        MaxAttempts: -1,
        BackoffRate: 0.9,
        MaxDelaySeconds: 0,
        JitterStrategy: 'HALF',
      },
    ];
    expect(findings(task({ Retry: retry }))).toEqual([
      { path: '/States/T/Retry/0/IntervalSeconds', code: 'INVALID_VALUE' },
      { path: '/States/T/Retry/0/MaxAttempts', code: 'INVALID_VALUE' },
      { path: '/States/T/Retry/0/BackoffRate', code: 'INVALID_VALUE' },
      { path: '/States/T/Retry/0/MaxDelaySeconds', code: 'INVALID_VALUE' },
      { path: '/States/T/Retry/0/JitterStrategy', code: 'INVALID_VALUE' },
    ]);
    expect(errorMessages(task({ Retry: retry }))).toEqual([
      '"IntervalSeconds" must be at least 1 and at most 99999999, not 0.',
      '"MaxAttempts" must be at least 0 and at most 99999999, not -1.',
      '"BackoffRate" must be at least 1, not 0.9.',
      '"MaxDelaySeconds" must be greater than 0 and at most 31622401, not 0.',
      '"JitterStrategy" must be one of "FULL", "NONE", not "HALF".',
    ]);
  });

  it('requires integers where AWS does', () => {
    expect(
      findings(task({ Retry: [{ ErrorEquals: ['E'], IntervalSeconds: 1.5, MaxAttempts: '3' }] })),
    ).toEqual([
      { path: '/States/T/Retry/0/IntervalSeconds', code: 'INVALID_TYPE' },
      { path: '/States/T/Retry/0/MaxAttempts', code: 'INVALID_TYPE' },
    ]);
  });

  it('requires a non-empty ErrorEquals with States.ALL alone and last', () => {
    const retry = [
      { IntervalSeconds: 2 },
      { ErrorEquals: [] },
      { ErrorEquals: ['States.ALL', 'Busy'] },
      { ErrorEquals: ['E', 7] },
      'x',
    ];
    expect(findings(task({ Retry: retry }))).toEqual([
      { path: '/States/T/Retry/0', code: 'MISSING_FIELD' },
      { path: '/States/T/Retry/1/ErrorEquals', code: 'INVALID_ERROR_MATCHER' },
      { path: '/States/T/Retry/2/ErrorEquals', code: 'INVALID_ERROR_MATCHER' },
      { path: '/States/T/Retry/2/ErrorEquals', code: 'INVALID_ERROR_MATCHER' },
      { path: '/States/T/Retry/3/ErrorEquals/1', code: 'INVALID_TYPE' },
      { path: '/States/T/Retry/4', code: 'INVALID_TYPE' },
    ]);
    expect(errorMessages(task({ Retry: retry })).slice(2, 4)).toEqual([
      '"States.ALL" must be the only name in its "ErrorEquals".',
      'a Retry rule matching "States.ALL" must be the last one.',
    ]);
  });

  it('warns about a States.* name the language does not define', () => {
    const definition = single({
      Type: 'Task',
      Resource: 'approval',
      Parameters: { Approvers: ['a@x.io'] },
      Retry: [{ ErrorEquals: ['States.Timeuot'] }],
      End: true,
    });
    expect(findings(definition, 'WARNING')).toEqual([
      { path: '/States/S/Retry/0/ErrorEquals/0', code: 'INVALID_ERROR_MATCHER' },
    ]);
    expect(validateDefinition(definition).warnings[0].message).toBe(
      '"States.Timeuot" is not an error the States language defines — did you mean "States.Timeout"?',
    );
  });
});

describe('Catch', () => {
  it('requires ErrorEquals and Next, and a reference ResultPath', () => {
    const catchers = [{ ErrorEquals: ['States.ALL'], Next: 'Recover', ResultPath: '$.error' }];
    expect(findings(task({ Catch: catchers }))).toEqual([]);
    const bad = [
      { Next: 'Recover' },
      { ErrorEquals: ['E'], ResultPath: '$..error' },
      { ErrorEquals: ['States.ALL'], Next: 'Recover' },
    ];
    expect(findings(task({ Catch: bad }))).toEqual([
      { path: '/States/T/Catch/0', code: 'MISSING_FIELD' },
      { path: '/States/T/Catch/1/ResultPath', code: 'INVALID_REFERENCE_PATH' },
      { path: '/States/T/Catch/1', code: 'MISSING_FIELD' },
    ]);
  });

  it('reports States.ALL in a Catch that is not last', () => {
    const catchers = [
      { ErrorEquals: ['States.ALL'], Next: 'Recover' },
      { ErrorEquals: ['E'], Next: 'Recover' },
    ];
    expect(findings(task({ Catch: catchers }))).toEqual([
      { path: '/States/T/Catch/0/ErrorEquals', code: 'INVALID_ERROR_MATCHER' },
    ]);
  });

  it('applies to Parallel and Map too, and not to Pass', () => {
    const branch = { StartAt: 'X', States: { X: { Type: 'Succeed' } } };
    const parallel = single({
      Type: 'Parallel',
      Branches: [branch],
      Retry: [{ ErrorEquals: [] }],
      End: true,
    });
    expect(findings(parallel)).toEqual([
      { path: '/States/S/Retry/0/ErrorEquals', code: 'INVALID_ERROR_MATCHER' },
    ]);
    expect(findings(single({ Type: 'Pass', Retry: [], End: true }))).toEqual([
      { path: '/States/S/Retry', code: 'UNKNOWN_FIELD' },
    ]);
  });
});
