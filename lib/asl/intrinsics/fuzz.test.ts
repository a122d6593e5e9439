/**
 * Seeded fuzz: mangled intrinsic sources never make parseIntrinsic throw anything but
 * IntrinsicSyntaxError, nor evaluateIntrinsic anything but StatesError.
 */
import { describe, expect, it } from 'vitest';
import { StatesError } from '../errors';
import type { JsonValue } from '../json';
import { IntrinsicSyntaxError, evaluateIntrinsic, intrinsicArity, parseIntrinsic } from './index';

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const NAMES = Object.keys(intrinsicArity);
const ATOMS = [
  "'a,b'",
  "'{}'",
  "'\\''",
  "'\\{'",
  '-1',
  '0',
  '2.5',
  '1e3',
  'true',
  'false',
  'null',
  '$',
  '$.a',
  '$[0]',
  '$$.x',
  '$v.y',
  "$['k']",
  "'SHA-256'",
  "'MD5'",
];
const NOISE = [
  '(',
  ')',
  ',',
  "'",
  '\\',
  '$',
  '[',
  ']',
  '{',
  '}',
  ' ',
  'States.',
  'x',
  '-',
  '.',
  '"',
  '\u0000',
  '🆗',
];
const VALUES: JsonValue[] = [
  null,
  true,
  0,
  -1,
  2.5,
  1e9,
  '',
  'a,b',
  'RGF0YQ==',
  '{"k":1}',
  [],
  [1, [2], 'x'],
  { a: 1 },
  { b: [null] },
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function generate(rand: () => number, depth: number): string {
  const name = pick(rand, NAMES);
  const { min, max } = intrinsicArity[name];
  const count =
    rand() < 0.7 ? min + Math.floor(rand() * (Math.min(max, min + 2) - min + 1)) : Math.floor(rand() * 4);
  const args = Array.from({ length: count }, () =>
    depth < 3 && rand() < 0.3 ? generate(rand, depth + 1) : pick(rand, ATOMS),
  );
  return `${name}(${args.join(', ')})`;
}

function mangle(rand: () => number, src: string): string {
  let out = src;
  for (let n = Math.floor(rand() * 4); n > 0; n--) {
    const at = Math.floor(rand() * (out.length + 1));
    const op = rand();
    if (op < 0.4) out = out.slice(0, at) + pick(rand, NOISE) + out.slice(at);
    else if (op < 0.8) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rand() * 3));
    else out = out.slice(0, at);
  }
  return out;
}

describe('intrinsics fuzz', () => {
  it('throws only the documented error types on 3000 generated and mangled sources', () => {
    const rand = lcg(20240607);
    let parsed = 0;
    let evaluated = 0;
    for (let i = 0; i < 3000; i++) {
      const src = rand() < 0.25 ? generate(rand, 0) : mangle(rand, generate(rand, 0));
      try {
        parseIntrinsic(src);
        parsed++;
      } catch (error) {
        expect(error, src).toBeInstanceOf(IntrinsicSyntaxError);
      }
      const scope = { resolvePath: () => pick(rand, VALUES), random: rand };
      try {
        evaluateIntrinsic(src, scope);
        evaluated++;
      } catch (error) {
        expect(error, src).toBeInstanceOf(StatesError);
        expect((error as StatesError).error, src).toBe('States.IntrinsicFailure');
      }
    }
    expect(parsed).toBeGreaterThan(300);
    expect(evaluated).toBeGreaterThan(100);
  });
});
