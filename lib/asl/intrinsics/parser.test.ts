import { describe, expect, it } from 'vitest';
import { IntrinsicSyntaxError, intrinsicArity, isIntrinsic, parseIntrinsic } from './index';

describe('isIntrinsic', () => {
  it.each([
    ['States.UUID()', true],
    ["States.Format('{}', $.a)", true],
    ['States.Nope(1)', true],
    ['$.a', false],
    ['States.Format', false],
    ['states.UUID()', false],
    ['{% $x %}', false],
  ])('%s → %s', (src, expected) => expect(isIntrinsic(src)).toBe(expected));
});

describe('parseIntrinsic', () => {
  it('parses literals of every kind', () => {
    expect(parseIntrinsic("States.Array('a', -1.5e2, 0, true, false, null)")).toEqual({
      kind: 'call',
      name: 'States.Array',
      args: [
        { kind: 'literal', value: 'a', raw: 'a' },
        { kind: 'literal', value: -150 },
        { kind: 'literal', value: 0 },
        { kind: 'literal', value: true },
        { kind: 'literal', value: false },
        { kind: 'literal', value: null },
      ],
    });
  });

  it("unescapes \\' \\{ \\} \\\\ in string literals and keeps the raw text", () => {
    const call = parseIntrinsic("States.Array('it\\'s \\{x\\} a\\\\b')");
    expect(call.args[0]).toEqual({ kind: 'literal', value: "it's {x} a\\b", raw: "it\\'s \\{x\\} a\\\\b" });
  });

  it.each([
    '$',
    '$.a.b',
    '$[0]',
    '$.a[1].b',
    '$$.Execution.Id',
    '$varName.field',
    "$['a,b']",
    "$.a[?(@.x == 'y)')]",
  ])('keeps the path %s whole', (path) => {
    expect(parseIntrinsic(`States.Array(${path}, 1)`).args).toEqual([
      { kind: 'path', path },
      { kind: 'literal', value: 1 },
    ]);
  });

  it('keeps other backslash sequences as written', () => {
    const src = String.raw`States.Array('a\nb \"q\"')`;
    expect(parseIntrinsic(src).args[0]).toMatchObject({ value: String.raw`a\nb \"q\"` });
  });

  it('parses nested calls and tolerates whitespace', () => {
    const call = parseIntrinsic(
      " States.ArrayGetItem( States.StringSplit($.s, ','), States.MathAdd(1, -1) ) ",
    );
    expect(call.name).toBe('States.ArrayGetItem');
    expect(call.args.map((a) => (a.kind === 'call' ? a.name : a.kind))).toEqual([
      'States.StringSplit',
      'States.MathAdd',
    ]);
  });

  it('caches the AST per source', () => {
    expect(parseIntrinsic('States.UUID()')).toBe(parseIntrinsic('States.UUID()'));
  });

  it('accepts ten nested calls and rejects eleven', () => {
    const nest = (n: number): string => (n === 1 ? 'States.Array(1)' : `States.Array(${nest(n - 1)})`);
    expect(() => parseIntrinsic(nest(10))).not.toThrow();
    expect(() => parseIntrinsic(nest(11))).toThrow(/nested at most 10 deep/);
  });
});

describe('parseIntrinsic errors', () => {
  it.each([
    ['States.Nope(1)', 'unknown intrinsic function States.Nope'],
    ['States.UUID(', 'unexpected end of input'],
    ['States.UUID', "expected '(' after States.UUID"],
    ["States.Array('abc)", 'unterminated string literal'],
    ['States.Array(1 2)', "expected ',' or ')'"],
    ['States.Array(1,)', 'unexpected ")"'],
    ['States.Array(foo)', 'unexpected "f"'],
    ['States.Array() x', 'unexpected "x" after the call'],
    ['States.Array($.a[0)', 'unbalanced ")" in path'],
    ['States.Array($.a[0', 'unterminated path'],
    ['$.a', 'expected an intrinsic function name'],
    ['States.Array(-)', 'invalid number'],
  ])('%s', (src, message) => {
    expect(() => parseIntrinsic(src)).toThrow(IntrinsicSyntaxError);
    expect(() => parseIntrinsic(src)).toThrow(message);
  });

  it.each([
    ['States.UUID(1)', 'States.UUID takes 0 arguments, got 1'],
    ['States.Format()', 'States.Format takes at least 1 argument, got 0'],
    ['States.ArrayLength()', 'States.ArrayLength takes 1 argument, got 0'],
    ['States.MathRandom(1)', 'States.MathRandom takes 2 to 3 arguments, got 1'],
    ['States.MathRandom(1, 2, 3, 4)', 'States.MathRandom takes 2 to 3 arguments, got 4'],
    ['States.JsonMerge($.a, $.b)', 'States.JsonMerge takes 3 arguments, got 2'],
    ['States.Array(States.Hash(1))', 'States.Hash takes 2 arguments, got 1'],
  ])('wrong arity: %s', (src, message) => {
    expect(() => parseIntrinsic(src)).toThrow(IntrinsicSyntaxError);
    expect(() => parseIntrinsic(src)).toThrow(message);
  });

  it('names every function with a static arity', () => {
    expect(Object.keys(intrinsicArity)).toHaveLength(18);
  });
});
