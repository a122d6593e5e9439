import { describe, expect, it } from 'vitest';
import { step } from '../test-helpers';
import type { Definition } from '../types';

function choice(state: Record<string, unknown>, top: Partial<Definition> = {}): Definition {
  return {
    StartAt: 'C',
    States: {
      C: { Type: 'Choice', ...state } as Definition['States'][string],
      Yes: { Type: 'Succeed' },
      No: { Type: 'Succeed' },
    },
    ...top,
  };
}

describe('Choice state', () => {
  it('takes the first matching rule, with And / Or / Not and Path operands', async () => {
    const def = choice({
      Choices: [
        { Not: { Variable: '$.a', IsPresent: true }, Next: 'No' },
        {
          And: [
            { Variable: '$.a', NumericGreaterThanPath: '$.b' },
            {
              Or: [
                { Variable: '$.s', StringMatches: 'x*' },
                { Variable: '$.s', IsNull: true },
              ],
            },
          ],
          Next: 'Yes',
        },
      ],
      Default: 'No',
    });
    expect((await step(def, { a: 2, b: 1, s: 'xyz' })).next).toEqual({
      kind: 'goto',
      state: 'Yes',
      output: { a: 2, b: 1, s: 'xyz' },
    });
    expect((await step(def, { a: 0, b: 1, s: 'xyz' })).next).toMatchObject({ state: 'No' });
  });

  it('applies InputPath/OutputPath and the matched rule Assign', async () => {
    const def = choice({
      InputPath: '$.in',
      Choices: [{ Variable: '$.v', BooleanEquals: true, Assign: { 'seen.$': '$.v' }, Next: 'Yes' }],
      Default: 'No',
    });
    const result = await step(def, { in: { v: true } });
    expect(result.next).toEqual({ kind: 'goto', state: 'Yes', output: { v: true } });
    expect(result.variables).toEqual({ seen: true });
  });

  it('fails with States.NoChoiceMatched when nothing matches and there is no Default', async () => {
    const result = await step(choice({ Choices: [{ Variable: '$.v', StringEquals: 'x', Next: 'Yes' }] }), {
      v: 'y',
    });
    expect(result.next).toMatchObject({ kind: 'fail', error: 'States.NoChoiceMatched' });
  });

  it('fails with States.Runtime when the Variable path is missing', async () => {
    const result = await step(
      choice({ Choices: [{ Variable: '$.v', StringEquals: 'x', Next: 'Yes' }], Default: 'No' }),
      {},
    );
    expect(result.next).toEqual({
      kind: 'fail',
      error: 'States.Runtime',
      cause:
        "An error occurred while executing the state 'C' (entered at the event id #2). Invalid path '$.v': The choice state's condition path references an invalid value.",
    });
  });

  it('compares variables ($name) as well as input paths', async () => {
    const def = choice({
      Choices: [{ Variable: '$limit', NumericLessThanPath: '$.n', Next: 'Yes' }],
      Default: 'No',
    });
    expect((await step(def, { n: 5 }, { variables: { limit: 3 } })).next).toMatchObject({ state: 'Yes' });
  });

  it('evaluates JSONata Conditions, rule Output and Assign', async () => {
    const def = choice(
      {
        Choices: [
          {
            Condition: '{% $states.input.n > 1 %}',
            Output: '{% $states.input.n %}',
            Assign: { hit: true },
            Next: 'Yes',
          },
        ],
        Default: 'No',
      },
      { QueryLanguage: 'JSONata' },
    );
    const result = await step(def, { n: 2 });
    expect(result.next).toEqual({ kind: 'goto', state: 'Yes', output: 2 });
    expect(result.variables).toEqual({ hit: true });
  });

  it('rejects a non-boolean JSONata Condition with States.QueryEvaluationError', async () => {
    const def = choice(
      { Choices: [{ Condition: '{% "yes" %}', Next: 'Yes' }], Default: 'No' },
      { QueryLanguage: 'JSONata' },
    );
    const result = await step(def, {});
    expect(result.next).toMatchObject({ kind: 'fail', error: 'States.QueryEvaluationError' });
    expect(result.next.kind === 'fail' && result.next.cause).toContain(
      `Expected 'boolean', but was 'string' for value: "yes"`,
    );
  });
});
