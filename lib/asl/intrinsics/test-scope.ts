/** Test helper: a scope whose resolver walks `$`, `$$` and `$var` paths over plain objects. */
import { StatesError } from '../errors';
import type { JsonValue } from '../json';
import { evaluateIntrinsic } from './index';
import type { IntrinsicScope } from './types';

type Roots = { input?: JsonValue; context?: JsonValue; variables?: Record<string, JsonValue> };

function rootOf(path: string, roots: Roots): [JsonValue | undefined, string] {
  if (path.startsWith('$$')) return [roots.context, path.slice(2)];
  const name = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(path);
  if (name) return [roots.variables?.[name[1]], path.slice(name[0].length)];
  return [roots.input, path.slice(1)];
}

function resolveSimplePath(path: string, roots: Roots): JsonValue {
  let [value, rest] = rootOf(path, roots);
  const segment = /^(?:\.([A-Za-z0-9_-]+)|\[(\d+)\]|\['([^']*)'\])/;
  while (rest && value !== undefined) {
    const match = segment.exec(rest);
    if (!match) throw new Error(`test resolver cannot read ${path}`);
    const key = match[1] ?? match[3];
    value =
      key !== undefined
        ? (value as Record<string, JsonValue>)?.[key]
        : (value as JsonValue[])?.[Number(match[2])];
    rest = rest.slice(match[0].length);
  }
  if (value === undefined)
    throw new StatesError('States.Runtime', `The JsonPath argument ${path} could not be found`);
  return value;
}

/** A scope over `roots` with a deterministic random source (a simple LCG). */
export function testScope(roots: Roots = {}, seed = 1): IntrinsicScope {
  let state = seed >>> 0;
  return {
    resolvePath: (path) => resolveSimplePath(path, roots),
    random: () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    },
  };
}

/** Evaluates `src` against `input` (as `$`). */
export function run(src: string, input: JsonValue = null, roots: Roots = {}): JsonValue {
  return evaluateIntrinsic(src, testScope({ input, ...roots }));
}

/** The error an evaluation throws, as `{ error, cause }` (fails the test when it succeeds). */
export function failure(src: string, input: JsonValue = null): { error: string; cause: string } {
  try {
    run(src, input);
  } catch (e) {
    if (e instanceof StatesError) return { error: e.error, cause: e.cause };
    throw e;
  }
  throw new Error(`expected ${src} to fail`);
}
