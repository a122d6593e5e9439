import { describe, expect, it } from 'vitest';
import { JavaRandom } from './java-random';
import { failure, run } from './test-scope';
import { evaluateIntrinsic } from './index';

describe('States.MathAdd', () => {
  it.each([
    [-9, 3, -6],
    [1.49, 1.5, 3],
    [1.5, 1.51, 4],
    [-1.49, -1.5, -2],
    [1.5, 0, 2],
    [-1.5, 0, -1],
    [-2.5, 0, -2],
    [-3.5, 0, -3],
    [111, -1, 110],
  ])('%d + %d = %d (operands rounded half up, as Java)', (a, b, sum) => {
    expect(run('States.MathAdd($.a, $.b)', { a: a, b: b })).toBe(sum);
  });

  it('never returns -0 and rejects non-numbers', () => {
    expect(Object.is(run('States.MathAdd(-0.4, 0)'), 0)).toBe(true);
    expect(failure('States.MathAdd(1e308, 1e308)').cause).toBe(
      'Invalid arguments in States.MathAdd: the sum Infinity is out of range',
    );
    expect(failure("States.MathAdd('1', 2)")).toEqual({
      error: 'States.IntrinsicFailure',
      cause: 'Invalid arguments in States.MathAdd: argument 1 must be a number, but got string',
    });
  });
});

describe('States.MathRandom', () => {
  const scopeWith = (r: number) => ({ resolvePath: () => null, random: () => r });

  it('returns an integer in [start, end) from the injected random', () => {
    expect(evaluateIntrinsic('States.MathRandom(1, 999)', scopeWith(0))).toBe(1);
    expect(evaluateIntrinsic('States.MathRandom(1, 999)', scopeWith(0.999999999))).toBe(998);
    expect(evaluateIntrinsic('States.MathRandom(-99999, -9999)', scopeWith(0.5))).toBe(-54999);
    expect(evaluateIntrinsic('States.MathRandom(12.5, 44.51)', scopeWith(0))).toBe(13);
  });

  it('is reproducible with a seed (java.util.Random)', () => {
    expect(run('States.MathRandom(0, 10, 42)')).toBe(0);
    expect(run('States.MathRandom(0, 100, 42)')).toBe(30);
    expect(run('States.MathRandom($.s, $.e, $.seed)', { s: 0, e: 999, seed: 3 })).toBe(
      run('States.MathRandom(0, 999, 3)'),
    );
    const values = Array.from({ length: 50 }, (_, seed) => run(`States.MathRandom(5, 9, ${seed})`) as number);
    expect(values.every((v) => v >= 5 && v < 9)).toBe(true);
  });

  it('rejects an empty range and non-numbers', () => {
    expect(failure('States.MathRandom(5, 5)')).toEqual({
      error: 'States.IntrinsicFailure',
      cause:
        'Invalid arguments in States.MathRandom: the end number (5) must be greater than the start number (5)',
    });
    expect(failure('States.MathRandom(0, 1e300)').cause).toBe(
      'Invalid arguments in States.MathRandom: the range from 0 to 1e+300 is too large',
    );
    expect(failure("States.MathRandom(1, 5, 'seed')").cause).toBe(
      'Invalid arguments in States.MathRandom: argument 3 must be a number, but got string',
    );
  });
});

describe('JavaRandom', () => {
  it('matches java.util.Random', () => {
    expect(new JavaRandom(42n).nextDouble()).toBe(0.7275636800328681);
    expect(new JavaRandom(42n).nextInt(10)).toBe(0);
    expect(new JavaRandom(42n).nextInt(1 << 20)).toBe(
      Math.floor(((-1170105035 >>> 1) * (1 << 20)) / 2 ** 31),
    );
  });
});
