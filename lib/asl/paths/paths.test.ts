import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json';
import { compileJsonPath, evaluateJsonPath, normalizedPath } from './json-path';
import { applyResultPath, selectPath } from './io-paths';
import { evaluatePayloadTemplate } from './payload-template';
import { resolvePath, type PathScope } from './resolve';

const scope = (input: unknown, variables = {}): PathScope => ({
  input: input as never,
  variables,
  context: () => ({ Execution: { Id: 'x' } }),
  random: () => 0.5,
});

describe('JSONPath', () => {
  const data = { a: [1, 2, 3, 4], o: { 'k-1': { v: 1 }, k2: { v: 2 } }, deep: { x: { v: 9 } } };
  it.each([
    ['$.a[0]', 1],
    ['$.a[-1]', 4],
    ['$.a[0:2]', [1, 2]],
    ['$.a[1:]', [2, 3, 4]],
    ['$.a[*]', [1, 2, 3, 4]],
    ["$.o['k-1'].v", 1],
    ['$.o.*.v', [1, 2]],
    ['$..v', [1, 2, 9]],
    ['$.a[0,2]', [1, 3]],
    ['$.a[?(@ > 2)]', [3, 4]],
    ['$.missing[*]', []],
  ])('%s', (path, expected) => {
    expect(evaluateJsonPath(compileJsonPath(path), data)).toEqual(expected);
  });

  it('returns undefined for a definite path that selects nothing', () => {
    expect(evaluateJsonPath(compileJsonPath('$.nope.deeper'), data)).toBeUndefined();
    expect(evaluateJsonPath(compileJsonPath('$.a[10]'), data)).toBeUndefined();
  });

  it("renders paths the way Jayway does in AWS's messages", () => {
    expect(normalizedPath(compileJsonPath('$.a.b[0]'))).toBe("$['a']['b'][0]");
  });

  it('keeps the quote a bracketed name was written with, and shows the name unescaped (Jayway)', () => {
    expect(normalizedPath(compileJsonPath('$["a\\"b"].c'))).toBe('$["a"b"][\'c\']');
    expect(normalizedPath(compileJsonPath("$['a\\'b']"))).toBe("$['a'b']");
    expect(normalizedPath(compileJsonPath('$["x","y"]'))).toBe('$["x","y"]');
  });

  it("reads a bracketed name's escapes as Jayway's Utils.unescape does", () => {
    const json = { 'a\nb': 1, A: 2, 'c\td': 3, 'e\\f': 4, qz: 5 };
    expect(evaluateJsonPath(compileJsonPath("$['a\\nb']"), json)).toBe(1);
    expect(evaluateJsonPath(compileJsonPath("$['\\u0041']"), json)).toBe(2);
    expect(evaluateJsonPath(compileJsonPath('$["c\\td"]'), json)).toBe(3);
    expect(evaluateJsonPath(compileJsonPath("$['e\\\\f']"), json)).toBe(4);
    expect(evaluateJsonPath(compileJsonPath("$['\\q\\z']"), json)).toBe(5);
  });

  it('does not select, and does not throw on, items a filter cannot read (Jayway: undefined compares false)', () => {
    const items: JsonValue[] = [{ x: [3] }, {}, { x: 1 }, { x: null }, { a: { b: 2 } }, { a: null }];
    expect(evaluateJsonPath(compileJsonPath('$[?(@.x[0] > 2)]'), items)).toEqual([{ x: [3] }]);
    expect(evaluateJsonPath(compileJsonPath('$[?(@.a.b == 2)]'), items)).toEqual([{ a: { b: 2 } }]);
    expect(resolvePath('$.items[?(@.a.b.c.d > 0)]', scope({ items }))).toEqual([]);
  });

  it("merges a final bracket of names into one object per item, as Jayway's PropertyPathToken does", () => {
    // json-path-comparison, Jayway: $.*['c','d'] gives [{c,d},{c,d}], $[0]['c','d'] gives {c,d} and
    // $['missing','key'] gives {key}: an absent name is left out; a non-object item yields nothing.
    const records: JsonValue[] = [
      { bucket: 'b1', key: 'k1', size: 1 },
      { bucket: 'b2', size: 2 },
      'not an object',
      { key: 'k3', bucket: 'b3' },
    ];
    expect(evaluateJsonPath(compileJsonPath("$[*]['bucket','key']"), records)).toEqual([
      { bucket: 'b1', key: 'k1' },
      { bucket: 'b2' },
      { bucket: 'b3', key: 'k3' },
    ]);
    expect(evaluateJsonPath(compileJsonPath("$[0]['bucket','key']"), records)).toEqual({
      bucket: 'b1',
      key: 'k1',
    });
    expect(evaluateJsonPath(compileJsonPath('$["missing","size"]'), records[1])).toEqual({ size: 2 });
    expect(evaluateJsonPath(compileJsonPath("$[2]['bucket','key']"), records)).toBeUndefined();
    expect(compileJsonPath("$[0]['bucket','key']").definite).toBe(true);
    // Not last: the names are iterated (Jayway's multiPropertyIterationCase), so the values are flat.
    expect(evaluateJsonPath(compileJsonPath("$.[*].['bucket', 'key']"), records)).toHaveLength(3);
    const nested = { a: { v: 1 }, b: { v: 2 } };
    expect(evaluateJsonPath(compileJsonPath("$['a','b'].v"), nested)).toEqual([1, 2]);
  });
});

describe('InputPath / OutputPath / ResultPath', () => {
  it('selects from input, variables and the context object', () => {
    expect(selectPath('$.a', scope({ a: 1 }))).toBe(1);
    expect(selectPath('$v.k', scope({}, { v: { k: 'x' } }))).toBe('x');
    expect(selectPath('$$.Execution.Id', scope({}))).toBe('x');
    expect(selectPath(null, scope({ a: 1 }))).toEqual({});
  });

  it('writes the result into a copy of the input without mutating it', () => {
    const input = { a: { keep: 1 } };
    expect(applyResultPath('$.a.b.c', input, 5)).toEqual({ a: { keep: 1, b: { c: 5 } } });
    expect(input).toEqual({ a: { keep: 1 } });
    expect(applyResultPath(null, input, 5)).toBe(input);
    expect(applyResultPath('$', input, 5)).toBe(5);
  });

  it('fails with States.ResultPathMatchFailure when the input cannot hold the result', () => {
    expect(() => applyResultPath('$.a.b', { a: 'text' }, 1)).toThrow(
      expect.objectContaining({ error: 'States.ResultPathMatchFailure' }),
    );
  });
});

describe('payload templates', () => {
  it('resolves .$ keys recursively, including arrays, and leaves other values alone', () => {
    const template = {
      'x.$': '$.a',
      nested: { 'y.$': '$.b[1]', list: [{ 'z.$': '$.a' }, 'lit'] },
      plain: '$.a',
    };
    expect(evaluatePayloadTemplate(template, scope({ a: 1, b: [0, 2] }))).toEqual({
      x: 1,
      nested: { y: 2, list: [{ z: 1 }, 'lit'] },
      plain: '$.a',
    });
  });

  it('calls intrinsic functions with path arguments', () => {
    expect(
      evaluatePayloadTemplate({ 'm.$': "States.Format('{}-{}', $.a, $v)" }, scope({ a: 1 }, { v: 'z' })),
    ).toEqual({ m: '1-z' });
  });
});

describe("Jayway's forms: `.[` reads as `[`, trailing spaces are trimmed", () => {
  const input = {
    a: [
      { b: 1, x: [1] },
      { b: 2, x: [3] },
    ],
    Snapshots: [{ State: 'completed' }],
    '.[': 'quoted',
  };
  const context = { Execution: { Id: 'x' } };
  it.each([
    ['$.[0]', '$[0]', [{ body: '{}' }, 2], { body: '{}' }],
    ['$.a.[1].b', '$.a[1].b', input, 2],
    ['$.Snapshots.[0].State', '$.Snapshots[0].State', input, 'completed'],
    ['$.[*]', '$[*]', [1, 2], [1, 2]],
    ['$.a.[*].b', '$.a[*].b', input, [1, 2]],
    ['$.a.[0:1]', '$.a[0:1]', input, [{ b: 1, x: [1] }]],
    ["$.a.[1].['b']", "$.a[1]['b']", input, 2],
    ['$.[?(@.OU > 0)]', '$[?(@.OU > 0)]', [{ OU: 1 }, { OU: 0 }], [{ OU: 1 }]],
    ['$.a.[?(@.x.[0] > 2)].b', '$.a[?(@.x[0] > 2)].b', input, [2]],
    ['$..[1].b', '$..[1].b', input, [2]],
    ["$.['.[']", "$['.[']", input, 'quoted'],
    ['$.a.[1].b ', '$.a[1].b', input, 2],
    ['$ ', '$', 7, 7],
    ['$$.Execution.Id ', '$$.Execution.Id', {}, 'x'],
    ['$v.[1]  ', '$v[1]', {}, 'second'],
  ])('%j reads as %j', (jayway, canonical, data, expected) => {
    const at = { ...scope(data, { v: ['first', 'second'] }), context: () => context };
    expect(resolvePath(jayway, at)).toEqual(expected);
    expect(resolvePath(canonical, at)).toEqual(expected);
  });

  it('applies InputPath, OutputPath and ResultPath written that way', () => {
    expect(selectPath('$.a.[0] ', scope(input))).toEqual({ b: 1, x: [1] });
    expect(selectPath('$ ', scope(input))).toBe(input);
    expect(applyResultPath('$.a.[0].b', input, 9)).toEqual({ ...input, a: [{ b: 9, x: [1] }, input.a[1]] });
    expect(applyResultPath('$.r ', { k: 1 }, 9)).toEqual({ k: 1, r: 9 });
    expect(applyResultPath('$ ', input, 5)).toBe(5);
  });

  it('still refuses `...` and a lone `.[`', () => {
    expect(() => compileJsonPath('$...[0]')).toThrow('Invalid JSONPath');
    expect(() => compileJsonPath('$.a.[')).toThrow('Invalid JSONPath');
  });

  it('resolves intrinsic arguments written that way', () => {
    const sqs = scope([{ body: '{"order_id":"7"}' }]);
    expect(evaluatePayloadTemplate({ 'data.$': 'States.StringToJson($.[0].body)' }, sqs)).toEqual({
      data: { order_id: '7' },
    });
    expect(
      evaluatePayloadTemplate(
        { 'n.$': 'States.ArrayGetItem($.[*], 1)', 'id.$': '$$.Execution.Id ' },
        scope([5, 6]),
      ),
    ).toEqual({ n: 6, id: 'x' });
  });
});
