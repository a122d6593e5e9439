import { describe, expect, it } from 'vitest';
import { oneState, step } from '../test-helpers';

describe('Fail and Succeed states', () => {
  it('fails with literal Error and Cause, or none', async () => {
    expect(
      (await step(oneState({ Type: 'Fail', Error: 'E', Cause: 'C', End: undefined as never }), {})).next,
    ).toEqual({ kind: 'fail', error: 'E', cause: 'C' });
    expect((await step({ StartAt: 'F', States: { F: { Type: 'Fail' } } }, {})).next).toEqual({
      kind: 'fail',
      error: null,
      cause: undefined,
    });
  });

  it('reads ErrorPath / CausePath from the input, variables or an intrinsic', async () => {
    const def = {
      StartAt: 'F',
      States: { F: { Type: 'Fail', ErrorPath: '$err', CausePath: "States.Format('bad {}', $.n)" } },
    };
    expect((await step(def, { n: 3 }, { variables: { err: 'Custom' } })).next).toEqual({
      kind: 'fail',
      error: 'Custom',
      cause: 'bad 3',
    });
  });

  it('fails with States.Runtime when ErrorPath selects nothing', async () => {
    const def = { StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.nope' } } };
    expect((await step(def, {})).next).toMatchObject({ kind: 'fail', error: 'States.Runtime' });
  });

  it('evaluates JSONata Error and Cause', async () => {
    const def = {
      StartAt: 'F',
      QueryLanguage: 'JSONata' as const,
      States: { F: { Type: 'Fail', Error: '{% $states.input.e %}', Cause: 'fixed' } },
    };
    expect((await step(def, { e: 'X' })).next).toEqual({ kind: 'fail', error: 'X', cause: 'fixed' });
  });

  it('Succeed ends with its InputPath/OutputPath-filtered input', async () => {
    const def = { StartAt: 'D', States: { D: { Type: 'Succeed', InputPath: '$.a', OutputPath: '$.b' } } };
    const result = await step(def, { a: { b: 1 } });
    expect(result.next).toEqual({ kind: 'succeed', output: 1 });
    expect(result.history.map((e) => e.type)).toEqual(['SucceedStateEntered', 'SucceedStateExited']);
  });
});
