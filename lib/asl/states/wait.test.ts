import { describe, expect, it } from 'vitest';
import { oneState, resume, step } from '../test-helpers';

describe('Wait state', () => {
  it('schedules an absolute timer and pauses, then exits when it fires', async () => {
    const def = oneState({ Type: 'Wait', Seconds: 60, Assign: { waited: true } });
    const paused = await step(def, { a: 1 });
    expect(paused.next.kind).toBe('pause');
    expect(paused.effects).toEqual([
      { type: 'ScheduleTimer', dueAt: '2026-01-01T00:01:00.000Z', purpose: 'Wait' },
    ]);
    const done = await resume(def, paused, { type: 'TimerFired' });
    expect(done.next).toEqual({ kind: 'succeed', output: { a: 1 } });
    expect(done.variables).toEqual({ waited: true });
    expect(done.history.map((e) => e.type)).toEqual(['WaitStateExited']);
  });

  it('waits until Timestamp / TimestampPath / SecondsPath', async () => {
    expect(
      (await step(oneState({ Type: 'Wait', Timestamp: '2026-02-01T00:00:00+01:00' }), {})).effects[0],
    ).toMatchObject({ dueAt: '2026-01-31T23:00:00.000Z' });
    expect(
      (await step(oneState({ Type: 'Wait', TimestampPath: '$.t' }), { t: '2026-01-02T00:00:00Z' }))
        .effects[0],
    ).toMatchObject({ dueAt: '2026-01-02T00:00:00.000Z' });
    expect((await step(oneState({ Type: 'Wait', SecondsPath: '$.s' }), { s: 5 })).effects[0]).toMatchObject({
      dueAt: '2026-01-01T00:00:05.000Z',
    });
  });

  it('rejects a negative SecondsPath and an invalid TimestampPath with AWS causes', async () => {
    const negative = await step(oneState({ Type: 'Wait', SecondsPath: '$.s' }), { s: -1 });
    expect(negative.next).toEqual({
      kind: 'fail',
      error: 'States.Runtime',
      cause:
        "An error occurred while executing the state 'S' (entered at the event id #2). The SecondsPath parameter references a negative value: $.s == -1",
    });
    const invalid = await step(oneState({ Type: 'Wait', TimestampPath: '$.t' }), {
      t: '2016-13-05T21:29:29Z',
    });
    expect(invalid.next).toMatchObject({ kind: 'fail', error: 'States.Runtime' });
    expect(invalid.next.kind === 'fail' && invalid.next.cause).toContain(
      'does not reference a valid ISO-8601 extended offset date-time format string: $.t == 2016-13-05T21:29:29Z',
    );
  });

  it('refuses a SecondsPath value that is not a whole number, or missing, with AWS causes', async () => {
    const prefix = "An error occurred while executing the state 'S' (entered at the event id #2). ";
    const def = oneState({ Type: 'Wait', SecondsPath: '$.s' });
    const cause = async (input: Record<string, unknown>) => {
      const result = await step(def, input as never);
      expect(result.next).toMatchObject({ kind: 'fail', error: 'States.Runtime' });
      return result.next.kind === 'fail' ? result.next.cause?.slice(prefix.length) : undefined;
    };
    expect(await cause({ s: 1.5 })).toBe(
      'The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5',
    );
    expect(await cause({ s: -1.5 })).toBe(
      'The SecondsPath parameter cannot be parsed as a long value: $.s == -1.5',
    );
    expect(await cause({ s: '2' })).toBe(
      'The SecondsPath parameter cannot be parsed as a long value: $.s == 2',
    );
    expect(await cause({ s: true })).toBe(
      'The SecondsPath parameter cannot be parsed as a long value: $.s == true',
    );
    expect(await cause({})).toBe('The SecondsPath parameter does not reference an input value: $.s');
  });

  it('reads SecondsPath from a variable, whichever language assigned it', async () => {
    const fromVariable = await step(
      oneState({ Type: 'Wait', SecondsPath: '$myVar' }),
      {},
      {
        variables: { myVar: 5 },
      },
    );
    expect(fromVariable.effects[0]).toMatchObject({ dueAt: '2026-01-01T00:00:05.000Z' });
    const def = oneState(
      { Type: 'Pass', QueryLanguage: 'JSONata', Assign: { myVar: '{% 2 + 3 %}' }, End: false, Next: 'W' },
      { W: { Type: 'Wait', SecondsPath: '$myVar', End: true } },
    );
    const assigned = await step(def, {});
    expect(assigned.variables).toEqual({ myVar: 5 });
    const wait = await step(def, {}, { stateName: 'W', variables: assigned.variables });
    expect(wait.effects[0]).toMatchObject({ dueAt: '2026-01-01T00:00:05.000Z' });
  });

  it('evaluates JSONata Seconds and Timestamp', async () => {
    const seconds = await step(
      oneState({ Type: 'Wait', QueryLanguage: 'JSONata', Seconds: '{% $states.input.s * 2 %}' }),
      { s: 3 },
    );
    expect(seconds.effects[0]).toMatchObject({ dueAt: '2026-01-01T00:00:06.000Z' });
    const bad = await step(
      oneState({ Type: 'Wait', QueryLanguage: 'JSONata', Timestamp: '{% "2016-12-05T25:29:29Z" %}' }),
      {},
    );
    expect(bad.next).toMatchObject({ kind: 'fail', error: 'States.QueryEvaluationError' });
  });
});
