import { describe, expect, it } from 'vitest';
import { backoffSeconds, decideRetry, errorMatches, findCatcher } from './retry';

describe('retriers and catchers', () => {
  it('uses the ASL defaults: IntervalSeconds 1, BackoffRate 2, MaxAttempts 3', () => {
    const retry = [{ ErrorEquals: ['E'] }];
    let counts: number[] = [];
    const delays: number[] = [];
    for (;;) {
      const decision = decideRetry(retry, 'E', true, counts, () => 0);
      if (!decision) break;
      delays.push(decision.delaySeconds);
      counts = decision.retryCounts;
    }
    expect(delays).toEqual([1, 2, 4]);
  });

  it('never retries with MaxAttempts 0 and counts per retrier', () => {
    expect(decideRetry([{ ErrorEquals: ['E'], MaxAttempts: 0 }], 'E', true, [], Math.random)).toBeUndefined();
    const retry = [
      { ErrorEquals: ['A'], MaxAttempts: 1 },
      { ErrorEquals: ['B'], MaxAttempts: 1 },
    ];
    const a = decideRetry(retry, 'A', true, [], () => 0);
    expect(a?.retryCounts).toEqual([1]);
    expect(decideRetry(retry, 'B', true, a!.retryCounts, () => 0)?.retryCounts).toEqual([1, 1]);
    expect(decideRetry(retry, 'A', true, [1, 1], () => 0)).toBeUndefined();
  });

  it('matches the first retrier only, even when it is exhausted', () => {
    const retry = [
      { ErrorEquals: ['E'], MaxAttempts: 1 },
      { ErrorEquals: ['States.ALL'], MaxAttempts: 5 },
    ];
    expect(decideRetry(retry, 'E', true, [1], () => 0)).toBeUndefined();
  });

  it('computes capped and jittered back-off', () => {
    expect(backoffSeconds({ IntervalSeconds: 3, BackoffRate: 1.5 }, 2, () => 0)).toBe(6.75);
    expect(backoffSeconds({ IntervalSeconds: 3, BackoffRate: 10, MaxDelaySeconds: 20 }, 3, () => 0)).toBe(20);
    expect(backoffSeconds({ IntervalSeconds: 4, JitterStrategy: 'FULL' }, 0, () => 0.5)).toBe(2);
  });

  it('applies the States.ALL and States.TaskFailed wildcard rules', () => {
    expect(errorMatches(['States.ALL'], 'Anything', false)).toBe(true);
    expect(errorMatches(['States.ALL'], 'States.DataLimitExceeded', true)).toBe(false);
    expect(errorMatches(['States.TaskFailed'], 'Lambda.Unknown', true)).toBe(true);
    expect(errorMatches(['States.TaskFailed'], 'Lambda.Unknown', false)).toBe(false);
    expect(errorMatches(['States.TaskFailed'], 'States.Timeout', true)).toBe(false);
    expect(
      findCatcher(
        [
          { ErrorEquals: ['X'], Next: 'a' },
          { ErrorEquals: ['States.ALL'], Next: 'b' },
        ],
        'Y',
        true,
      ),
    ).toEqual({ ErrorEquals: ['States.ALL'], Next: 'b' });
  });
});
