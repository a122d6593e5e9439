/**
 * Property test: thousands of random and mangled definitions and inputs never crash the step
 * function or the driver; they end in a status, a States.* (or Fail-state) error, or a pause.
 * Seeded, so a failure reproduces.
 */
import { describe, expect, it } from 'vitest';
import { runInMemory, seededRandom } from './driver';
import { interpretState } from './interpret';
import type { JsonValue } from './json';
import { testContext, testEnv } from './test-helpers';
import type { Definition } from './types';

const rnd = seededRandom(20260101);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];

const names = ['A', 'B', 'C', 'D'];
const paths = [
  '$',
  '$.a',
  '$.a.b',
  '$.arr[0]',
  '$.arr[*]',
  '$..a',
  '$$.Execution.Input',
  '$v',
  '$.',
  '$[',
  'nope',
  '$.a[?(@.x)]',
  '$$.Map.Item.Value',
];
const jsonata = [
  '{% $states.input.a %}',
  '{% 1 + %}',
  '{% $v %}',
  '{% [1,2] %}',
  '{% $states.input.arr %}',
  '{% true %}',
  '{% $nothing %}',
  '{% "s" %}',
];
const intrinsics = [
  "States.Format('{}', $.a)",
  'States.MathAdd($.n, 1)',
  'States.Array(',
  'States.StringToJson($.s)',
  'States.UUID()',
  'States.Nope()',
];

function value(depth = 0): JsonValue {
  const r = rnd();
  if (depth > 2 || r < 0.3) return pick([null, true, false, 0, -1, 1.5, 'x', '', 3, 2.5e300]);
  if (r < 0.45) return pick(paths);
  if (r < 0.55) return pick(jsonata);
  if (r < 0.6) return pick(intrinsics);
  if (r < 0.8) return Array.from({ length: Math.floor(rnd() * 3) }, () => value(depth + 1));
  const obj: Record<string, JsonValue> = {};
  for (let i = 0; i < rnd() * 4; i++)
    obj[pick(['a', 'b', 'n', 'arr', 's', 'x.$', 'y.$'])] =
      rnd() < 0.4 ? pick([...paths, ...intrinsics]) : value(depth + 1);
  return obj;
}

const fields = [
  'InputPath',
  'OutputPath',
  'ResultPath',
  'Parameters',
  'ResultSelector',
  'Result',
  'Assign',
  'Output',
  'Arguments',
  'ItemsPath',
  'Items',
  'ItemSelector',
  'MaxConcurrency',
  'MaxConcurrencyPath',
  'ToleratedFailureCount',
  'ToleratedFailurePercentagePath',
  'Seconds',
  'SecondsPath',
  'Timestamp',
  'TimestampPath',
  'Error',
  'Cause',
  'ErrorPath',
  'CausePath',
  'TimeoutSeconds',
  'TimeoutSecondsPath',
  'HeartbeatSecondsPath',
  'Retry',
  'Catch',
  'Choices',
  'Default',
  'Branches',
  'ItemProcessor',
  'Iterator',
  'QueryLanguage',
];

function state(depth: number): Record<string, JsonValue> {
  const type = pick(['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map', 'Bogus']);
  const s: Record<string, JsonValue> = { Type: type };
  if (rnd() < 0.8) s[rnd() < 0.5 ? 'Next' : 'End'] = rnd() < 0.5 ? pick(names) : true;
  for (let i = 0; i < rnd() * 5; i++) s[pick(fields)] = value();
  if (type === 'Task') s.Resource = 'arn:aws:states:::mock';
  if (type === 'Choice')
    s.Choices = [
      {
        Variable: pick(paths),
        [pick(['StringEquals', 'NumericLessThanPath', 'IsPresent', 'BooleanEquals', 'Bogus'])]: value(),
        Next: pick(names),
      },
    ];
  if ((type === 'Parallel' || type === 'Map') && depth < 2) {
    const sub = definition(depth + 1) as unknown as JsonValue;
    if (type === 'Parallel') s.Branches = [sub];
    else s.ItemProcessor = sub;
  }
  if (type === 'Catch' || rnd() < 0.2)
    s.Catch = [{ ErrorEquals: [pick(['States.ALL', 'X', 'States.TaskFailed'])], Next: pick(names) }];
  if (rnd() < 0.2)
    s.Retry = [
      { ErrorEquals: ['States.ALL'], MaxAttempts: pick([0, 1, 2]), JitterStrategy: pick(['FULL', 'NONE']) },
    ];
  return s;
}

function definition(depth = 0): Definition {
  const States: Record<string, JsonValue> = {};
  for (const name of names.slice(0, 1 + Math.floor(rnd() * names.length))) States[name] = state(depth);
  const def = {
    StartAt: pick(names),
    States,
    ...(rnd() < 0.3 ? { QueryLanguage: pick(['JSONata', 'JSONPath', 'Other']) } : {}),
  };
  return def as unknown as Definition;
}

function input(): JsonValue {
  return pick([{}, { a: { b: 1 }, arr: [1, 2], n: 1, s: '{"k":1}' }, [1, 2, 3], 'text', null, 42, value()]);
}

describe('fuzz', () => {
  it('never crashes interpretState on random definitions', async () => {
    for (let i = 0; i < 3000; i++) {
      const def = definition();
      const result = await interpretState({
        definition: def,
        stateName: pick([...names, 'Missing']),
        input: input(),
        context: testContext,
        variables: rnd() < 0.5 ? { v: value() } : {},
        eventIds: { next: 2, previous: 1 },
        env: testEnv(),
      });
      expect(['goto', 'succeed', 'fail', 'pause']).toContain(result.next.kind);
      if (result.next.kind === 'pause') expect(result.effects).toHaveLength(1);
      if (result.next.kind === 'fail')
        expect(result.next.error === null || typeof result.next.error === 'string').toBe(true);
    }
  });

  it('never crashes the in-memory driver on random definitions', async () => {
    for (let i = 0; i < 1000; i++) {
      const result = await runInMemory(definition(), input(), {
        maxEvents: 300,
        recordHistory: false,
        mocks: {
          A: [{ Return: { a: 1 } }, { Throw: { Error: 'X', Cause: 'c' } }],
          B: [{ Throw: { Error: 'States.Timeout' } }],
        },
      });
      expect(['SUCCEEDED', 'FAILED']).toContain(result.status);
    }
  });
});
