/**
 * The functions Step Functions adds to JSONata ($partition, $range, $hash, $random, $uuid, $parse)
 * and deterministic replacements for JSONata's clock ($now, $millis). Randomness and time come
 * from the step's env, so two runs of the same step give the same result.
 */
import { queryEvaluationError } from '../errors';
import { evaluateIntrinsic } from '../intrinsics';
import type { JsonValue } from '../json';
import { toJson } from '../json-utils';
import type { StepEnv } from '../types';
import { uuidFrom } from '../uuid';

type Fn = (...args: unknown[]) => unknown;

function partition(array: unknown, size: unknown): unknown {
  if (!Array.isArray(array) || typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
    throw queryEvaluationError('$partition expects an array and a positive integer chunk size');
  }
  const out: unknown[][] = [];
  for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size));
  return out;
}

function range(start: unknown, end: unknown, step: unknown = 1): unknown {
  if (![start, end, step].every((n) => typeof n === 'number' && Number.isInteger(n)) || step === 0) {
    throw queryEvaluationError('$range expects integer start, end and a non-zero integer step');
  }
  const [a, b, s] = [start, end, step] as number[];
  const out: number[] = [];
  for (let v = a; s > 0 ? v <= b : v >= b; v += s) {
    out.push(v);
    if (out.length > 1000) throw queryEvaluationError('$range produced more than 1000 items');
  }
  return out;
}

function parse(text: unknown): unknown {
  if (typeof text !== 'string') throw queryEvaluationError('$parse expects a string');
  try {
    return JSON.parse(text);
  } catch {
    throw queryEvaluationError(`$parse could not parse the string: ${text}`);
  }
}

/** Bindings for one evaluation; they shadow JSONata's own clock and PRNG. */
export function stepFunctions(env: StepEnv): Record<string, Fn> {
  return {
    partition,
    range,
    parse,
    hash: (value: unknown, algorithm: unknown) =>
      evaluateIntrinsic(
        {
          kind: 'call',
          name: 'States.Hash',
          args: [
            { kind: 'literal', value: (toJson(value) ?? null) as JsonValue },
            { kind: 'literal', value: (toJson(algorithm) ?? null) as JsonValue },
          ],
        },
        { random: env.random, resolvePath: () => null },
      ),
    random: () => env.random(),
    uuid: () => uuidFrom(env.random),
    now: () => env.now.toISOString(),
    millis: () => env.now.getTime(),
  };
}
