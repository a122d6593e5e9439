import { describe, expect, it } from 'vitest';
import { failure, run } from './test-scope';

describe('array intrinsics', () => {
  it('States.Array collects its arguments in order', () => {
    expect(run("States.Array($.a, 'x', 2, null, States.Array())", { a: { k: 1 } })).toEqual([
      { k: 1 },
      'x',
      2,
      null,
      [],
    ]);
  });

  it('States.ArrayPartition chunks, the last chunk shorter', () => {
    expect(run('States.ArrayPartition($, 4)', [1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9],
    ]);
  });

  it('States.ArrayPartition rejects a chunk size below 1', () => {
    expect(failure('States.ArrayPartition($, 0)', [1])).toEqual({
      error: 'States.IntrinsicFailure',
      cause: 'Invalid arguments in States.ArrayPartition: chunk size must be greater than 0, but got 0',
    });
  });

  it('States.ArrayContains compares structurally, key order ignored', () => {
    expect(run('States.ArrayContains($.a, $.v)', { a: [{ x: 1, y: [2] }], v: { y: [2], x: 1 } })).toBe(true);
    expect(run('States.ArrayContains($.a, $.v)', { a: [true, false], v: false })).toBe(true);
    expect(run('States.ArrayContains($.a, $.v)', { a: [], v: null })).toBe(false);
    expect(run('States.ArrayContains($.a, 1)', { a: ['1'] })).toBe(false);
  });

  it.each([
    ['States.ArrayRange(1, 9, 2)', [1, 3, 5, 7, 9]],
    ['States.ArrayRange(1, 9, 9)', [1]],
    ['States.ArrayRange(0, 4, 1)', [0, 1, 2, 3, 4]],
    ['States.ArrayRange(5, 1, -2)', [5, 3, 1]],
    ['States.ArrayRange(5, 1, 1)', []],
    ['States.ArrayRange(1, 999, 1)', Array.from({ length: 999 }, (_, i) => i + 1)],
  ])('%s', (src, expected) => expect(run(src)).toEqual(expected));

  it('States.ArrayRange allows 1000 items and rejects 1001', () => {
    expect(run('States.ArrayRange(0, 999, 1)')).toHaveLength(1000);
    expect(failure('States.ArrayRange(0, 1000, 1)').cause).toBe(
      'Invalid arguments in States.ArrayRange: the result would have 1001 items, more than the maximum of 1000',
    );
    expect(failure('States.ArrayRange(0, 10, 0)').cause).toBe(
      'Invalid arguments in States.ArrayRange: step must not be 0',
    );
  });

  it('States.ArrayGetItem returns the item and fails out of bounds', () => {
    expect(run('States.ArrayGetItem($, 0)', ['a', 'b'])).toBe('a');
    expect(failure('States.ArrayGetItem($, 2)', ['a', 'b'])).toEqual({
      error: 'States.IntrinsicFailure',
      cause: 'Invalid arguments in States.ArrayGetItem: index 2 is out of bounds for an array of length 2',
    });
    expect(failure('States.ArrayGetItem($, -1)', ['a']).error).toBe('States.IntrinsicFailure');
    expect(failure('States.ArrayGetItem($, 0.5)', ['a']).error).toBe('States.IntrinsicFailure');
  });

  it('States.ArrayLength counts, States.ArrayUnique keeps first occurrences', () => {
    expect(run('States.ArrayLength($)', [])).toBe(0);
    const input = [
      null,
      null,
      true,
      true,
      false,
      1,
      1,
      1.1,
      0,
      -0,
      'a',
      'a',
      [],
      [],
      [null],
      [null],
      { a: 1, b: 2 },
      { b: 2, a: 1 },
      { a: 1, b: 1 },
    ];
    expect(run('States.ArrayUnique($)', input)).toEqual([
      null,
      true,
      false,
      1,
      1.1,
      0,
      'a',
      [],
      [null],
      { a: 1, b: 2 },
      { a: 1, b: 1 },
    ]);
  });

  it('rejects arguments of the wrong type', () => {
    expect(failure('States.ArrayLength($)', { a: 1 })).toEqual({
      error: 'States.IntrinsicFailure',
      cause: 'Invalid arguments in States.ArrayLength: argument 1 must be an array, but got object',
    });
    expect(failure("States.ArrayPartition($, 'x')", []).cause).toBe(
      'Invalid arguments in States.ArrayPartition: argument 2 must be a number, but got string',
    );
  });
});
