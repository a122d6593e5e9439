import { describe, expect, it } from 'vitest';
import { StatesError } from '../errors';
import { evaluateIntrinsic, parseIntrinsic } from './index';
import { run, testScope } from './test-scope';

describe('evaluateIntrinsic', () => {
  it('accepts a parsed AST as well as source text', () => {
    const call = parseIntrinsic('States.ArrayLength($.items)');
    expect(evaluateIntrinsic(call, testScope({ input: { items: [1, 2] } }))).toBe(2);
  });

  it('resolves $, $$ and $var paths through the scope, nested calls included', () => {
    const roots = {
      input: { arn: 'arn:aws:imagebuilder:us-east-1:1:image/my-recipe/1.0.2' },
      context: { Execution: { Id: 'exec-1' } },
      variables: { who: { name: 'Ana' } },
    };
    const src =
      "States.Format('{}.{}|{}|{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.arn, '/'), 2), '.'), 1), $$.Execution.Id, $who.name)";
    expect(run(src, roots.input, roots)).toBe('1.0|exec-1|Ana');
  });

  it('evaluates the AWS nested-calls example (last dash-separated part of the name)', () => {
    const src =
      "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))";
    expect(run(src, null, { context: { StateMachine: { Name: 'sm-name-abc123' } } })).toBe('abc123');
  });

  it('passes a StatesError from resolvePath through unchanged', () => {
    expect(() => run('States.ArrayLength($.missing)', {})).toThrow(
      expect.objectContaining({ error: 'States.Runtime' }),
    );
  });

  it('wraps any other resolver failure as States.IntrinsicFailure', () => {
    const scope = {
      resolvePath: () => {
        throw new TypeError('boom');
      },
      random: () => 0,
    };
    expect(() => evaluateIntrinsic('States.ArrayLength($.a)', scope)).toThrow(
      expect.objectContaining({ error: 'States.IntrinsicFailure', cause: 'boom' }),
    );
  });

  it('turns a syntax error in source text into States.IntrinsicFailure', () => {
    let error: unknown;
    try {
      run('States.Nope(1)');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatesError);
    expect(error).toMatchObject({
      error: 'States.IntrinsicFailure',
      cause:
        'Invalid intrinsic function call "States.Nope(1)" at position 0: unknown intrinsic function States.Nope',
    });
  });

  it('evaluates arguments left to right before the call', () => {
    const seen: string[] = [];
    const scope = { resolvePath: (p: string) => (seen.push(p), p), random: () => 0 };
    evaluateIntrinsic('States.Array($.a, States.Array($.b), $.c)', scope);
    expect(seen).toEqual(['$.a', '$.b', '$.c']);
  });
});
