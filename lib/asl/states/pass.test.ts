import { describe, expect, it } from 'vitest';
import { oneState, step } from '../test-helpers';

describe('Pass state (JSONPath)', () => {
  it('passes its input through and records Entered/Exited events numbered from the cursor', async () => {
    const result = await step(oneState({ Type: 'Pass' }), { a: 1 });
    expect(result.next).toEqual({ kind: 'succeed', output: { a: 1 } });
    expect(result.effects).toEqual([]);
    expect(result.history.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [2, 1, 'PassStateEntered'],
      [3, 2, 'PassStateExited'],
    ]);
    expect(result.history[0].stateEnteredEventDetails).toEqual({
      name: 'S',
      input: '{"a":1}',
      inputDetails: { truncated: false },
    });
  });

  it('applies Result, ResultPath and OutputPath in order', async () => {
    const def = oneState({ Type: 'Pass', Result: { x: 1 }, ResultPath: '$.r', OutputPath: '$.r' });
    expect((await step(def, { keep: true })).next).toEqual({ kind: 'succeed', output: { x: 1 } });
  });

  it('goes to Next with Parameters evaluated from InputPath', async () => {
    const def = oneState(
      { Type: 'Pass', End: false, Next: 'T', InputPath: '$.in', Parameters: { 'v.$': '$.v', lit: 'x' } },
      { T: { Type: 'Succeed' } },
    );
    expect((await step(def, { in: { v: 7 } })).next).toEqual({
      kind: 'goto',
      state: 'T',
      output: { v: 7, lit: 'x' },
    });
  });

  it('keeps keys ending in .$ literally inside Result', async () => {
    const def = oneState({ Type: 'Pass', Result: { 'k.$': '$.nope' } });
    expect((await step(def, {})).next).toEqual({ kind: 'succeed', output: { 'k.$': '$.nope' } });
  });

  it('uses {} for InputPath null and discards the result for ResultPath null', async () => {
    expect((await step(oneState({ Type: 'Pass', InputPath: null }), { a: 1 })).next).toEqual({
      kind: 'succeed',
      output: {},
    });
    expect((await step(oneState({ Type: 'Pass', Result: 5, ResultPath: null }), { a: 1 })).next).toEqual({
      kind: 'succeed',
      output: { a: 1 },
    });
  });

  it('assigns variables against the old values and exposes them as $name', async () => {
    const def = oneState({ Type: 'Pass', Assign: { x: 2, 'old.$': '$x', 'fromInput.$': '$.a' } });
    const result = await step(def, { a: 'A' }, { variables: { x: 1 } });
    expect(result.variables).toEqual({ x: 2, old: 1, fromInput: 'A' });
  });

  it('fails with States.Runtime and AWS wording when OutputPath selects nothing', async () => {
    const result = await step(oneState({ Type: 'Pass', OutputPath: '$.missing' }), { a: 1 });
    expect(result.next).toEqual({
      kind: 'fail',
      error: 'States.Runtime',
      cause:
        "An error occurred while executing the state 'S' (entered at the event id #2). Invalid path '$.missing' : No results for path: $['missing']",
    });
  });

  it('fails with States.Runtime when a Parameters path is missing', async () => {
    const result = await step(oneState({ Type: 'Pass', Parameters: { 'v.$': '$.nope' } }), { a: 1 });
    expect(result.next).toMatchObject({ kind: 'fail', error: 'States.Runtime' });
    expect(result.next.kind === 'fail' && result.next.cause).toContain(
      `The JSONPath '$.nope' specified for the field 'v.$' could not be found in the input '{"a":1}'`,
    );
  });

  it('reads the context object through $$', async () => {
    const def = oneState({
      Type: 'Pass',
      Parameters: { 'name.$': '$$.State.Name', 'input.$': '$$.Execution.Input' },
    });
    expect((await step(def, {})).next).toEqual({
      kind: 'succeed',
      output: { name: 'S', input: { original: true } },
    });
  });

  it('fails with States.DataLimitExceeded above 256 KiB', async () => {
    const result = await step(oneState({ Type: 'Pass' }), { big: 'x'.repeat(300 * 1024) });
    expect(result.next).toMatchObject({ kind: 'fail', error: 'States.DataLimitExceeded' });
  });
});

describe('Pass state (JSONata)', () => {
  it('evaluates Output and Assign with $states.input', async () => {
    const def = oneState({
      Type: 'Pass',
      QueryLanguage: 'JSONata',
      Output: { sum: '{% $states.input.a + $b %}' },
      Assign: { c: '{% $states.input.a %}' },
    });
    const result = await step(def, { a: 1 }, { variables: { b: 2 } });
    expect(result.next).toEqual({ kind: 'succeed', output: { sum: 3 } });
    expect(result.variables).toEqual({ b: 2, c: 1 });
  });

  it('fails with States.QueryEvaluationError when an expression returns nothing', async () => {
    const def = oneState({ Type: 'Pass', Output: { r: '{% $nope %}' } }, {}, { QueryLanguage: 'JSONata' });
    expect((await step(def, {})).next).toEqual({
      kind: 'fail',
      error: 'States.QueryEvaluationError',
      cause:
        "An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$nope' specified for the field 'Output/r' returned nothing (undefined).",
    });
  });
});
