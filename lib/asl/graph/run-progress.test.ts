import { describe, expect, it } from 'vitest';
import { runInMemory, type MockResponse } from '../driver';
import type { Definition, HistoryEvent, JsonValue } from '../types';
import { runProgress } from './run-progress';

const start = '2026-01-01T00:00:00Z';

async function historyOf(
  definition: Definition,
  input: JsonValue = {},
  mocks: Record<string, MockResponse[]> = {},
) {
  const result = await runInMemory(definition, input, { mocks, startTime: start });
  return result.history;
}

/** The history up to and including the first event of `type` (an execution still under way). */
function until(history: HistoryEvent[], type: string): HistoryEvent[] {
  return history.slice(0, history.findIndex((e) => e.type === type) + 1);
}

const statuses = (events: readonly HistoryEvent[], definition?: Definition) =>
  Object.fromEntries(Object.entries(runProgress(events, definition).states).map(([n, s]) => [n, s.status]));

describe('runProgress', () => {
  it('follows a sequence: statuses, payloads, times and the path taken', async () => {
    const definition: Definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Result: { n: 1 }, Next: 'B' },
        B: { Type: 'Task', Resource: 'arn:aws:states:::mock', Next: 'C' },
        C: { Type: 'Succeed' },
      },
    };
    const history = await historyOf(definition, { x: 0 }, { B: [{ Return: { n: 2 } }] });
    const progress = runProgress(history);
    expect(progress.taken).toEqual(['A->B', 'B->C']);
    expect(progress.states.A).toEqual({
      status: 'succeeded',
      input: '{"x":0}',
      output: '{"n":1}',
      enteredAt: '2026-01-01T00:00:00.000Z',
      exitedAt: '2026-01-01T00:00:00.000Z',
      entries: 1,
    });
    expect(progress.states.B).toMatchObject({ status: 'succeeded', input: '{"n":1}', output: '{"n":2}' });
    expect(progress.states.C.status).toBe('succeeded');
    expect(runProgress(history, definition)).toEqual(progress);
  });

  it('reads events given newest first', async () => {
    const definition: Definition = {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } },
    };
    const history = await historyOf(definition);
    expect(runProgress([...history].reverse())).toEqual(runProgress(history));
  });

  it('leaves a Choice branch that was not taken out', async () => {
    const definition: Definition = {
      StartAt: 'Choose',
      States: {
        Choose: {
          Type: 'Choice',
          Choices: [{ Variable: '$.amount', NumericGreaterThan: 100, Next: 'Big' }],
          Default: 'Small',
        },
        Big: { Type: 'Pass', End: true },
        Small: { Type: 'Pass', End: true },
      },
    };
    const progress = runProgress(await historyOf(definition, { amount: 500 }), definition);
    expect(progress.taken).toEqual(['Choose->Big']);
    expect(Object.keys(progress.states).sort()).toEqual(['Big', 'Choose']);
  });

  it('marks a state whose Catch routed to a handler as caught, with the error', async () => {
    const definition: Definition = {
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Resource: 'arn:aws:states:::mock',
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Refund' }],
          Next: 'Ship',
        },
        Ship: { Type: 'Pass', End: true },
        Refund: { Type: 'Pass', End: true },
      },
    };
    const history = await historyOf(
      definition,
      {},
      { Charge: [{ Throw: { Error: 'Card.Declined', Cause: 'no funds' } }] },
    );
    for (const progress of [runProgress(history), runProgress(history, definition)]) {
      expect(progress.taken).toEqual(['Charge->Refund']);
      expect(progress.states.Charge).toMatchObject({
        status: 'caught',
        error: 'Card.Declined',
        cause: 'no funds',
      });
      expect(progress.states.Refund.status).toBe('succeeded');
      expect(progress.states.Ship).toBeUndefined();
    }
  });

  it('counts a Retry that then succeeds as one succeeded entry without an error', async () => {
    const definition: Definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::mock',
          Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 5, MaxAttempts: 3 }],
          End: true,
        },
      },
    };
    const history = await historyOf(
      definition,
      {},
      { Call: [{ Throw: { Error: 'Flaky' } }, { Return: 'ok' }] },
    );
    expect(runProgress(history).states.Call).toEqual({
      status: 'succeeded',
      input: '{}',
      output: '"ok"',
      enteredAt: '2026-01-01T00:00:00.000Z',
      exitedAt: '2026-01-01T00:00:05.000Z',
      entries: 1,
    });
    // While the back-off runs, the state is still running.
    expect(runProgress(until(history, 'TaskFailed')).states.Call.status).toBe('running');
  });

  describe('Parallel', () => {
    const definition: Definition = {
      StartAt: 'Fork',
      States: {
        Fork: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'A1',
              States: { A1: { Type: 'Pass', Result: 'a1', Next: 'A2' }, A2: { Type: 'Pass', End: true } },
            },
            { StartAt: 'B1', States: { B1: { Type: 'Pass', End: true } } },
          ],
          Next: 'Join',
        },
        Join: { Type: 'Succeed' },
      },
    };

    it('takes the edges inside each branch and none from one branch to the next', async () => {
      const history = await historyOf(definition, { id: 7 });
      // The in-memory driver runs B1 right after A2: its StateEntered points back at A2's exit.
      const b1 = history.find((e) => e.type === 'PassStateEntered' && e.id > 6)!;
      expect(history.find((e) => e.id === b1.previousEventId)?.type).toBe('PassStateExited');
      const expected = ['A1->A2', 'Fork->Join'];
      expect(runProgress(history, definition).taken).toEqual(expected);
      expect(runProgress(history).taken).toEqual(expected); // A2's output is not B1's input
      expect(statuses(history)).toEqual({
        Fork: 'succeeded',
        A1: 'succeeded',
        A2: 'succeeded',
        B1: 'succeeded',
        Join: 'succeeded',
      });
    });

    it('fails the branch state and the Parallel when a branch fails uncaught', async () => {
      const failing: Definition = {
        StartAt: 'Fork',
        States: {
          Fork: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'Ok', States: { Ok: { Type: 'Pass', End: true } } },
              {
                StartAt: 'Bad',
                States: { Bad: { Type: 'Task', Resource: 'arn:aws:states:::mock', End: true } },
              },
            ],
            End: true,
          },
        },
      };
      const history = await historyOf(failing, {}, { Bad: [{ Throw: { Error: 'Broken', Cause: 'why' } }] });
      const progress = runProgress(history, failing);
      expect(progress.states.Bad).toMatchObject({ status: 'failed', error: 'Broken', cause: 'why' });
      expect(progress.states.Fork).toMatchObject({ status: 'failed', error: 'Broken' });
      expect(progress.states.Ok.status).toBe('succeeded');
      expect(progress.taken).toEqual([]);
    });

    it('shows the branches still running while the Parallel waits', async () => {
      const history = await historyOf(definition, { id: 7 });
      const partial = history.slice(0, history.findIndex((e) => e.type === 'PassStateExited') + 1);
      expect(statuses(partial, definition)).toEqual({ Fork: 'running', A1: 'succeeded' });
    });
  });

  describe('Map', () => {
    const definition: Definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ToleratedFailureCount: 1,
          ItemProcessor: {
            StartAt: 'Check',
            States: {
              Check: { Type: 'Task', Resource: 'arn:aws:states:::mock', Next: 'Record' },
              Record: { Type: 'Pass', End: true },
            },
          },
          Next: 'Report',
        },
        Report: { Type: 'Pass', End: true },
      },
    };

    it('counts each iteration as an entry and reports a tolerated failure inside', async () => {
      const history = await historyOf(
        definition,
        { items: [1, 2, 3] },
        { Check: [{ Return: 'a' }, { Throw: { Error: 'Bad.Item' } }, { Return: 'c' }] },
      );
      const progress = runProgress(history);
      expect(progress.states.Each).toMatchObject({ status: 'succeeded', entries: 1 });
      expect(progress.states.Check).toMatchObject({ status: 'failed', error: 'Bad.Item', entries: 3 });
      expect(progress.states.Record).toMatchObject({ status: 'succeeded', entries: 2, input: '"c"' });
      expect(progress.taken).toEqual(['Check->Record', 'Each->Report']);
    });

    it('shows an iteration in progress as running', async () => {
      const history = await historyOf(
        definition,
        { items: [1, 2] },
        { Check: [{ Return: 'a' }, { Return: 'b' }] },
      );
      const secondStarted = history.findLastIndex((e) => e.type === 'TaskStarted');
      expect(statuses(history.slice(0, secondStarted + 1))).toEqual({
        Each: 'running',
        Check: 'running',
        Record: 'succeeded',
      });
    });
  });

  describe('a failed run', () => {
    it('fails the state the execution failed in, with its error', async () => {
      const definition: Definition = {
        StartAt: 'Prepare',
        States: {
          Prepare: { Type: 'Pass', Next: 'Send' },
          Send: { Type: 'Task', Resource: 'arn:aws:states:::mock', Next: 'Done' },
          Done: { Type: 'Succeed' },
        },
      };
      const history = await historyOf(
        definition,
        {},
        { Send: [{ Throw: { Error: 'Mail.Bounced', Cause: 'no such user' } }] },
      );
      const progress = runProgress(history);
      expect(progress.taken).toEqual(['Prepare->Send']);
      expect(progress.states.Send).toMatchObject({
        status: 'failed',
        error: 'Mail.Bounced',
        cause: 'no such user',
      });
      expect(progress.states.Send.exitedAt).toBeUndefined();
      expect(progress.states.Done).toBeUndefined();
    });

    it('fails a Fail state with the execution error and a Pass that hit a runtime error', async () => {
      const toFail: Definition = {
        StartAt: 'Check',
        States: {
          Check: { Type: 'Pass', Next: 'Stop' },
          Stop: { Type: 'Fail', Error: 'Rejected', Cause: 'too big' },
        },
      };
      expect(runProgress(await historyOf(toFail)).states.Stop).toMatchObject({
        status: 'failed',
        error: 'Rejected',
        cause: 'too big',
      });
      const broken: Definition = {
        StartAt: 'Pick',
        States: { Pick: { Type: 'Pass', InputPath: '$.missing.deep', End: true } },
      };
      expect(runProgress(await historyOf(broken)).states.Pick).toMatchObject({
        status: 'failed',
        error: 'States.Runtime',
      });
    });
  });

  describe('waiting', () => {
    it('is a callback or approval task entered and not yet answered', async () => {
      for (const Resource of ['arn:aws:states:::sqs:sendMessage.waitForTaskToken', 'approval']) {
        const definition: Definition = {
          StartAt: 'Ask',
          States: { Ask: { Type: 'Task', Resource, Next: 'After' }, After: { Type: 'Pass', End: true } },
        };
        const history = await historyOf(definition, {}, { Ask: [{ Return: { Decision: 'approved' } }] });
        expect(statuses(until(history, 'TaskStarted'))).toEqual({ Ask: 'waiting' });
        expect(statuses(history)).toEqual({ Ask: 'succeeded', After: 'succeeded' });
      }
    });

    it('is not a plain task in progress, nor a Wait', async () => {
      const definition: Definition = {
        StartAt: 'Hold',
        States: {
          Hold: { Type: 'Wait', Seconds: 60, Next: 'Call' },
          Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true },
        },
      };
      const history = await historyOf(definition, {}, { Call: [{ Return: 1 }] });
      expect(statuses(until(history, 'WaitStateEntered'))).toEqual({ Hold: 'running' });
      expect(statuses(until(history, 'TaskStarted'))).toEqual({ Hold: 'succeeded', Call: 'running' });
    });
  });

  it('keeps the latest pass of a loop', async () => {
    const definition: Definition = {
      StartAt: 'Try',
      States: {
        Try: {
          Type: 'Task',
          Resource: 'arn:aws:states:::mock',
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: null, Next: 'Try' }],
          End: true,
        },
      },
    };
    const history = await historyOf(
      definition,
      {},
      { Try: [{ Throw: { Error: 'Once' } }, { Return: 'ok' }] },
    );
    const progress = runProgress(history, definition);
    expect(progress.states.Try).toMatchObject({ status: 'succeeded', entries: 2, output: '"ok"' });
    expect(progress.taken).toEqual(['Try->Try']);
  });
});
