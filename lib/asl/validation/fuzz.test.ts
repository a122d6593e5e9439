/**
 * Property test: random and mangled definitions (the conformance definitions with keys deleted,
 * types changed, states renamed and garbage injected) never make validateDefinition throw; the
 * result is always a well-formed ValidationResult whose pointers resolve in the definition.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ValidationResult, validateDefinition } from '../validate';

const CASES_DIR = '/work/shared/conformance/cases';
const MUTANTS = 3000;
/** Fixed so failures replay; set FUZZ_SEED to explore further. */
const SEED = Number(process.env.FUZZ_SEED ?? 20260101);
const RANDOM_DOCUMENTS = 1000;

/** mulberry32: a small seeded PRNG, so a failure replays. */
function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

const garbage = [
  '',
  '$',
  '$$',
  '$.',
  '$[',
  '{%',
  '{% %}',
  '{% ) %}',
  'States.',
  'States.Format(',
  'States.UUID(1)',
  '__proto__',
  'constructor',
  'End',
  'Next',
  '~/~1',
  'x'.repeat(90),
  'Ship\u0000',
  '🙂',
  '$..*',
  "$[?(@.a=='",
  '.$',
  'arn:',
  'approval',
];

function randomValue(rng: Rng, depth = 0): unknown {
  const roll = rng();
  if (depth > 3 || roll < 0.3)
    return pick(rng, [null, true, false, 0, -1, 1.5, 1e308, 99999999999, pick(rng, garbage)]);
  if (roll < 0.6) return Array.from({ length: Math.floor(rng() * 4) }, () => randomValue(rng, depth + 1));
  const keys = [
    'Type',
    'Next',
    'End',
    'StartAt',
    'States',
    'Choices',
    'Branches',
    'Retry',
    'Catch',
    'Variable',
    'And',
    'x.$',
    pick(rng, garbage),
  ];
  return Object.fromEntries(
    Array.from({ length: Math.floor(rng() * 5) }, () => [pick(rng, keys), randomValue(rng, depth + 1)]),
  );
}

/** Every object and array inside `value`, with the value itself. */
function containers(value: unknown, out: object[] = []): object[] {
  if (typeof value !== 'object' || value === null) return out;
  out.push(value);
  for (const child of Object.values(value)) containers(child, out);
  return out;
}

/** Sets an own property, as JSON.parse does (so "__proto__" is a key, not a prototype). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function mutateOnce(rng: Rng, doc: unknown): void {
  const target = pick(rng, containers(doc)) as Record<string, unknown>;
  const keys = Object.keys(target);
  const key = keys.length > 0 ? pick(rng, keys) : '0';
  // Arrays only take indexes, as in JSON: a named key on an array is no JSON document.
  const newKey = Array.isArray(target) ? String(keys.length) : pick(rng, garbage);
  const action = Math.floor(rng() * 5);
  if (action === 0 && !Array.isArray(target)) delete target[key];
  else if (action === 1) put(target, key, randomValue(rng));
  else if (action === 2) put(target, key, pick(rng, garbage));
  else if (action === 3 && !Array.isArray(target) && keys.length > 0) {
    const value = target[key];
    delete target[key];
    put(target, newKey + key.slice(1), value); // rename (a state, a field)
  } else put(target, newKey, structuredClone(pick(rng, containers(doc)))); // graft a subtree
}

function resolvePointer(doc: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  let node = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, token))
      return false;
    node = (node as Record<string, unknown>)[token];
  }
  return true;
}

function expectWellFormed(result: ValidationResult, doc: unknown): void {
  expect(result.ok).toBe(result.errors.length === 0);
  for (const d of [...result.errors, ...result.warnings]) {
    if (d.code === 'INTERNAL_ERROR') throw new Error(`${d.message} in ${JSON.stringify(doc).slice(0, 2000)}`);
    expect(typeof d.message === 'string' && d.message.length > 0).toBe(true);
    if (!resolvePointer(doc, d.path)) throw new Error(`unresolvable pointer ${d.path} (${d.code})`);
  }
  expect(
    result.errors.every((d) => d.severity === 'ERROR') &&
      result.warnings.every((d) => d.severity === 'WARNING'),
  ).toBe(true);
}

const seeds = existsSync(CASES_DIR)
  ? readdirSync(CASES_DIR).map(
      (file) => JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')).definition as unknown,
    )
  : [
      {
        StartAt: 'A',
        States: {
          A: { Type: 'Choice', Choices: [{ Variable: '$.x', IsNull: true, Next: 'B' }], Default: 'B' },
          B: { Type: 'Succeed' },
        },
      },
    ];

describe('validateDefinition under fuzzing', () => {
  it(`never throws on ${MUTANTS} mutated definitions`, () => {
    const rng = seededRandom(SEED);
    for (let i = 0; i < MUTANTS; i++) {
      const doc = structuredClone(pick(rng, seeds));
      for (let m = 1 + Math.floor(rng() * 4); m > 0; m--) mutateOnce(rng, doc);
      expectWellFormed(validateDefinition(doc), doc);
    }
  });

  it(`never throws on ${RANDOM_DOCUMENTS} random documents and truncated JSON text`, () => {
    const rng = seededRandom(SEED + 1);
    for (let i = 0; i < RANDOM_DOCUMENTS; i++) {
      const doc = randomValue(rng);
      expectWellFormed(validateDefinition(doc), doc);
      const text = JSON.stringify(pick(rng, seeds));
      const result = validateDefinition(text.slice(0, Math.floor(rng() * text.length)));
      expect(result.ok).toBe(false);
    }
  });
});
