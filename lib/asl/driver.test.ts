import { describe, expect, it } from 'vitest';
import { runInMemory } from './driver';
import type { Definition } from './types';

describe('runInMemory', () => {
  it('numbers history events as AWS does and ends with ExecutionSucceeded', async () => {
    const def: Definition = {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } },
    };
    const result = await runInMemory(def, { x: 1 });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ x: 1 });
    expect(result.history.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 1, 'PassStateEntered'],
      [3, 2, 'PassStateExited'],
      [4, 3, 'SucceedStateEntered'],
      [5, 4, 'SucceedStateExited'],
      [6, 5, 'ExecutionSucceeded'],
    ]);
  });

  it('answers tasks from mocks per attempt and advances a virtual clock for retries', async () => {
    const def: Definition = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::mock',
          Retry: [{ ErrorEquals: ['E'], IntervalSeconds: 3600 }],
          End: true,
        },
      },
    };
    const started = Date.now();
    const result = await runInMemory(
      def,
      {},
      {
        mocks: { T: [{ Throw: { Error: 'E', Cause: 'x' } }, { Return: { ok: true } }] },
        startTime: '2026-01-01T00:00:00Z',
      },
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { ok: true },
      stopDate: '2026-01-01T01:00:00.000Z',
    });
  });

  it('fails clearly for a resource it cannot run', async () => {
    const def: Definition = {
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true },
      },
    };
    const result = await runInMemory(def, {});
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toContain('cannot run the resource');
  });

  it('runs Map iterations with MapIteration events and keeps branch variables inside', async () => {
    const def: Definition = {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { outer: 1 }, Next: 'M' },
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'In',
            States: {
              In: {
                Type: 'Pass',
                Assign: { inner: 2 },
                Parameters: { 'o.$': '$outer', 'v.$': '$' },
                End: true,
              },
            },
          },
          Next: 'After',
        },
        After: { Type: 'Pass', Parameters: { 'outer.$': '$outer', 'map.$': '$' }, End: true },
      },
    };
    const result = await runInMemory(def, [7, 8]);
    expect(result.output).toEqual({
      outer: 1,
      map: [
        { o: 1, v: 7 },
        { o: 1, v: 8 },
      ],
    });
    expect(result.history.filter((e) => e.type.startsWith('MapIteration')).map((e) => e.type)).toEqual([
      'MapIterationStarted',
      'MapIterationSucceeded',
      'MapIterationStarted',
      'MapIterationSucceeded',
    ]);
    const leaked = await runInMemory(
      {
        ...def,
        States: { ...def.States, After: { Type: 'Pass', Parameters: { 'x.$': '$inner' }, End: true } },
      },
      [1],
    );
    expect(leaked.status).toBe('FAILED');
  });

  it('cites the state-entered event id in causes', async () => {
    const def: Definition = {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'W' }, W: { Type: 'Wait', SecondsPath: '$.s', End: true } },
    };
    const result = await runInMemory(def, { s: -5 });
    expect(result.cause).toBe(
      "An error occurred while executing the state 'W' (entered at the event id #4). The SecondsPath parameter references a negative value: $.s == -5",
    );
  });

  it('fails once the history exceeds the event limit', async () => {
    const def: Definition = { StartAt: 'L', States: { L: { Type: 'Pass', Next: 'L' } } };
    const result = await runInMemory(def, {}, { maxEvents: 100 });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('is deterministic for a seed', async () => {
    const def: Definition = {
      StartAt: 'U',
      States: { U: { Type: 'Pass', Parameters: { 'id.$': 'States.UUID()' }, End: true } },
    };
    const [a, b] = await Promise.all([runInMemory(def, {}, { seed: 7 }), runInMemory(def, {}, { seed: 7 })]);
    expect(a.output).toEqual(b.output);
  });
});
