import { describe, expect, it } from 'vitest';
import { parseJsonPath } from './paths';

describe('parseJsonPath', () => {
  it.each([
    ['$', '$', true],
    ['$$', '$$', true],
    ['$$.Execution.Input', '$$', true],
    ['$myVar', 'variable', true],
    ['$myVar.a[0]', 'variable', true],
    ['$.a.b', '$', true],
    ["$['a b']", '$', true],
    ['$["x"].y', '$', true],
    ['$.a[0]', '$', true],
    ['$.a[-1]', '$', true],
    ['$.a-b_c', '$', true],
    ['$.a[*]', '$', false],
    ['$.*', '$', false],
    ['$.a[1:3]', '$', false],
    ['$.a[::2]', '$', false],
    ['$.a[0,2]', '$', false],
    ["$['a','b']", '$', false],
    ['$..name', '$', false],
    ['$..[0]', '$', false],
    ['$.a[?(@.price < 10)]', '$', false],
    ["$.a[?(@.name == 'x)')]", '$', false],
    ['$.a[(@.length-1)]', '$', true],
    // Jayway reads `.[` as `[` (AWS's own samples use it) and trims trailing spaces
    ['$.[0]', '$', true],
    ['$.Snapshots.[0].State', '$', true],
    ["$.a.['b c']", '$', true],
    ['$.[*]', '$', false],
    ["$.[*].['bucket', 'key']", '$', false],
    ['$.[?(@.OU > 0)]', '$', false],
    ['$..[1]', '$', false],
    ['$$.Map.Item.Value.[0]', '$$', true],
    ['$myVar.[0]', 'variable', true],
    ['$$.Execution.Name ', '$$', true],
    ['$.a[0]  ', '$', true],
    ['$ ', '$', true],
  ] as const)('accepts %j', (src, root, definite) => {
    expect(parseJsonPath(src)).toEqual({ ok: true, shape: { root, definite } });
  });

  it.each([
    ['', 'a path must start with "$" at position 0'],
    ['a.b', 'a path must start with "$" at position 0'],
    ['$.', 'expected a member name at position 2'],
    ['$.a[', 'expected an index, a slice, "*", a quoted name or a filter at position 4'],
    ['$.a[0', 'expected "]" at position 5'],
    ["$['a]", 'unterminated quoted name at position 5'],
    ['$.a[?(@.x]', 'unclosed "(" at position 10'],
    ['$.a[?()]', 'empty expression at position 7'],
    ['$a b', 'unexpected " " at position 2'],
    ['$.a..', 'expected a member name at position 5'],
    ['$.a[x]', 'expected an index, a slice, "*", a quoted name or a filter at position 4'],
    ['$.a. [0]', 'expected a member name at position 4'],
    ['$.a.[', 'expected an index, a slice, "*", a quoted name or a filter at position 5'],
    ['$...[0]', 'expected a member name at position 3'],
  ])('rejects %j', (src, reason) => {
    expect(parseJsonPath(src)).toEqual({ ok: false, reason });
  });
});
