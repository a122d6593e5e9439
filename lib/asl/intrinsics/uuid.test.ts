import { describe, expect, it } from 'vitest';
import { evaluateIntrinsic } from './index';
import { testScope } from './test-scope';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('States.UUID', () => {
  it('is a v4 UUID drawn from the injected random', () => {
    const value = evaluateIntrinsic('States.UUID()', testScope({}, 7));
    expect(value).toMatch(V4);
    expect(evaluateIntrinsic('States.UUID()', testScope({}, 7))).toBe(value);
    expect(evaluateIntrinsic('States.UUID()', testScope({}, 8))).not.toBe(value);
  });

  it('is exact for a fixed random source', () => {
    expect(evaluateIntrinsic('States.UUID()', { resolvePath: () => null, random: () => 0 })).toBe(
      '00000000-0000-4000-8000-000000000000',
    );
    expect(evaluateIntrinsic('States.UUID()', { resolvePath: () => null, random: () => 0.9999999 })).toBe(
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
    );
  });
});
