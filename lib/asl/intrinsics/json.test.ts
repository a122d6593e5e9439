import { describe, expect, it } from 'vitest';
import { failure, run } from './test-scope';

describe('States.StringToJson', () => {
  it.each([
    ['', null],
    [' ', null],
    ['null', null],
    ['-0', 0],
    ['1.1', 1.1],
    ['true', true],
    ['"HelloWorld"', 'HelloWorld'],
    ['{"foo": "bar"}', { foo: 'bar' }],
  ])('parses %j', (text, expected) => {
    expect(run('States.StringToJson($)', text)).toStrictEqual(expected);
  });

  it('parses a literal with double quotes inside', () => {
    expect(run('States.StringToJson(\'{"text":"An \\"escaped\\" quote"}\')')).toEqual({
      text: 'An "escaped" quote',
    });
  });

  it('fails on invalid JSON or a non-string', () => {
    expect(failure('States.StringToJson($)', '{nope')).toEqual({
      error: 'States.IntrinsicFailure',
      cause: 'Invalid arguments in States.StringToJson: the string is not valid JSON: {nope',
    });
    expect(failure('States.StringToJson($)', 1).error).toBe('States.IntrinsicFailure');
  });
});

describe('States.JsonToString', () => {
  it.each([
    [null, 'null'],
    [0, '0'],
    [1, '1'],
    [true, 'true'],
    [[1, 2, 'HelloWorld'], '[1,2,"HelloWorld"]'],
    [{ Arg1: 1, Arg2: [] }, '{"Arg1":1,"Arg2":[]}'],
    ['quote " and \\', '"quote \\" and \\\\"'],
  ])('serializes %j compactly', (value, expected) => {
    expect(run('States.JsonToString($.v)', { v: value })).toBe(expected);
  });
});

describe('States.JsonMerge', () => {
  it('merges shallowly, the right object winning', () => {
    const input = { fst: { a: { a1: 1, a2: 2 }, b: 2, d: 3 }, snd: { a: { a3: 1, a4: 2 }, c: 3, d: 4 } };
    expect(run('States.JsonMerge($.fst, $.snd, false)', input)).toEqual({
      a: { a3: 1, a4: 2 },
      b: 2,
      c: 3,
      d: 4,
    });
  });

  it('merges a parsed literal with a context path (AWS escaped-argument case)', () => {
    const src =
      'States.JsonMerge(States.StringToJson(\'{"constant_in_literal": "false"}\'), $$.Execution.Input.input_field, false)';
    const context = { Execution: { Input: { input_field: { constant_input_field: 'constant_value' } } } };
    expect(run(src, null, { context })).toEqual({
      constant_in_literal: 'false',
      constant_input_field: 'constant_value',
    });
  });

  it('rejects deep merging and non-objects', () => {
    expect(failure('States.JsonMerge($.a, $.b, true)', { a: {}, b: {} })).toEqual({
      error: 'States.IntrinsicFailure',
      cause:
        'Invalid arguments in States.JsonMerge: deep merging is not supported; the third argument must be false',
    });
    expect(failure('States.JsonMerge($.a, $.b, false)', { a: [], b: {} }).cause).toBe(
      'Invalid arguments in States.JsonMerge: argument 1 must be an object, but got array',
    );
    expect(failure("States.JsonMerge($.a, $.b, 'false')", { a: {}, b: {} }).cause).toBe(
      'Invalid arguments in States.JsonMerge: argument 3 must be a boolean, but got string',
    );
  });
});
