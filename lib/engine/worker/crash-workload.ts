/**
 * The workload of the crash and two-worker tests: executions that wait (durable timers), retry
 * (mock failures with backoff), branch (Parallel) and fan out (Map with MaxConcurrency).
 */
import type { Definition, JsonValue } from '../../asl';
import type { MockResponse } from '../integrations/mock-book';

export const crashDefinition: Definition = {
  StartAt: 'Prepare',
  States: {
    Prepare: {
      Type: 'Pass',
      Parameters: { 'i.$': '$.i', 'items.$': 'States.ArrayRange(1, 4, 1)' },
      Next: 'Hold',
    },
    Hold: { Type: 'Wait', Seconds: 1, Next: 'Call' },
    Call: {
      Type: 'Task',
      Resource: 'arn:aws:states:::mock',
      ResultPath: '$.call',
      Next: 'Fan',
      Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 1, BackoffRate: 1, MaxAttempts: 3 }],
    },
    Fan: {
      Type: 'Parallel',
      ResultPath: '$.fan',
      Next: 'Done',
      Branches: [
        {
          StartAt: 'Double',
          States: { Double: { Type: 'Pass', Parameters: { 'v.$': 'States.MathAdd($.i, $.i)' }, End: true } },
        },
        {
          StartAt: 'Each',
          States: {
            Each: {
              Type: 'Map',
              ItemsPath: '$.items',
              MaxConcurrency: 2,
              End: true,
              ItemProcessor: {
                StartAt: 'Tick',
                States: {
                  Tick: { Type: 'Wait', Seconds: 0, Next: 'Echo' },
                  Echo: { Type: 'Pass', End: true },
                },
              },
            },
          },
        },
      ],
    },
    Done: { Type: 'Succeed' },
  },
};

export const crashMocks: Record<string, MockResponse[]> = {
  Call: [{ Throw: { Error: 'Flaky', Cause: 'first try' } }, { Return: { ok: true } }],
};

export function expectedOutput(i: number): JsonValue {
  return { i, items: [1, 2, 3, 4], call: { ok: true }, fan: [{ v: 2 * i }, [1, 2, 3, 4]] };
}
