/** InputPath, OutputPath and ResultPath of the JSONPath query language. */
import { runtimeError, StatesError, StatesErrorName } from '../errors';
import type { JsonObject, JsonValue } from '../json';
import { isObject, stringify } from '../json-utils';
import { compileJsonPath, normalizedPath, referenceSegments } from './json-path';
import { parsePath, resolvePath, type PathScope } from './resolve';

/**
 * Applies InputPath or OutputPath: absent keeps the value, `null` gives `{}`, a path selects.
 * A definite path that selects nothing is a States.Runtime error, worded as AWS words it.
 */
export function selectPath(path: JsonValue | undefined, scope: PathScope): JsonValue {
  if (path === undefined) return scope.input;
  if (path === null) return {};
  if (typeof path !== 'string') throw runtimeError(`Invalid path '${String(path)}'`);
  if (path === '$') return scope.input;
  const value = resolvePath(path, scope);
  if (value === undefined) {
    let shown = path;
    try {
      shown = normalizedPath(parsePath(path).path);
      if (path.startsWith('$$')) shown = '$' + shown;
    } catch {
      // keep the source text
    }
    throw runtimeError(`Invalid path '${path}' : No results for path: ${shown}`);
  }
  return value;
}

/**
 * Applies ResultPath: absent or `$` replaces the input, `null` discards the result, a reference
 * path writes the result into a copy of the input (only the objects along the path are copied).
 */
export function applyResultPath(
  resultPath: JsonValue | undefined,
  input: JsonValue,
  result: JsonValue,
): JsonValue {
  if (resultPath === undefined || resultPath === '$') return result;
  if (resultPath === null) return input;
  if (typeof resultPath !== 'string' || !resultPath.startsWith('$'))
    throw runtimeError(`Invalid ResultPath '${String(resultPath)}'`);
  let segments: (string | number)[] | undefined;
  try {
    segments = referenceSegments(compileJsonPath(resultPath));
  } catch {
    segments = undefined;
  }
  if (!segments) throw runtimeError(`Invalid ResultPath '${resultPath}': not a reference path`);
  const written = writeAt(input, segments, 0, result);
  if (written === undefined) {
    throw new StatesError(
      StatesErrorName.ResultPathMatchFailure,
      `Unable to apply ResultPath "${resultPath}" to input ${stringify(input)}`,
    );
  }
  return written;
}

function writeAt(
  target: JsonValue | undefined,
  segments: (string | number)[],
  i: number,
  value: JsonValue,
): JsonValue | undefined {
  if (i === segments.length) return value;
  const key = segments[i];
  if (typeof key === 'number') {
    if (!Array.isArray(target) || key < 0 || key >= target.length) return undefined;
    const child = writeAt(target[key], segments, i + 1, value);
    if (child === undefined) return undefined;
    const copy = target.slice();
    copy[key] = child;
    return copy;
  }
  if (target !== undefined && !isObject(target)) return undefined;
  const base: JsonObject = target ?? {};
  const child = writeAt(Object.hasOwn(base, key) ? base[key] : undefined, segments, i + 1, value);
  if (child === undefined) return undefined;
  return { ...base, [key]: child };
}
