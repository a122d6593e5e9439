/**
 * Resolves a JSONPath-language path against its root: `$...` is the (effective) input, `$$...` the
 * context object and `$name...` a workflow variable.
 */
import { runtimeError } from '../errors';
import type { JsonValue } from '../json';
import { stringify } from '../json-utils';
import type { Variables } from '../types';
import {
  canonicalJsonPath,
  compileJsonPath,
  evaluateJsonPath,
  JsonPathSyntaxError,
  type CompiledPath,
} from './json-path';

/** The three roots a path can start from, plus the PRNG intrinsics may use. */
export interface PathScope {
  input: JsonValue;
  variables: Variables;
  context: () => JsonValue;
  random: () => number;
}

type Root = { kind: 'input' } | { kind: 'context' } | { kind: 'variable'; name: string };

export interface ParsedPath {
  root: Root;
  path: CompiledPath;
}

const cache = new Map<string, ParsedPath>();
const VARIABLE = /^\$([A-Za-z_][A-Za-z0-9_]*)(.*)$/s;

/** Parses (and caches) a path string; throws JsonPathSyntaxError. */
export function parsePath(source: string): ParsedPath {
  const hit = cache.get(source);
  if (hit) return hit;
  const parsed = parseRooted(canonicalJsonPath(source), source);
  if (cache.size > 10_000) cache.clear();
  cache.set(source, parsed);
  return parsed;
}

/** Splits a canonical path into its root and the rest, compiled from a `$` (`source` is for the message). */
function parseRooted(text: string, source: string): ParsedPath {
  if (text.startsWith('$$')) return { root: { kind: 'context' }, path: compileJsonPath(text.slice(1)) };
  if (text === '$' || text.startsWith('$.') || text.startsWith('$[')) {
    return { root: { kind: 'input' }, path: compileJsonPath(text) };
  }
  const m = VARIABLE.exec(text);
  if (!m) throw new JsonPathSyntaxError(`Invalid JSONPath: ${source}`);
  return { root: { kind: 'variable', name: m[1] }, path: compileJsonPath('$' + m[2]) };
}

/** The value a root points at; undefined for an unknown variable. */
function rootValue(root: Root, scope: PathScope): JsonValue | undefined {
  if (root.kind === 'input') return scope.input;
  if (root.kind === 'context') return scope.context();
  return Object.hasOwn(scope.variables, root.name) ? scope.variables[root.name] : undefined;
}

/** Resolves a path; `undefined` when a definite path selects nothing. */
export function resolvePath(source: string, scope: PathScope): JsonValue | undefined {
  let parsed: ParsedPath;
  try {
    parsed = parsePath(source);
  } catch (error) {
    throw runtimeError(error instanceof Error ? error.message : String(error));
  }
  const base = rootValue(parsed.root, scope);
  if (base === undefined) return undefined;
  if (parsed.path.segments.length === 0 && !parsed.path.delegate) return base;
  try {
    return evaluateJsonPath(parsed.path, base);
  } catch (error) {
    if (error instanceof JsonPathSyntaxError) throw runtimeError(error.message);
    throw error;
  }
}

/** The serialized root a path was resolved against (for "could not be found in the input"). */
export function rootText(source: string, scope: PathScope): string {
  try {
    return stringify(rootValue(parsePath(source).root, scope));
  } catch {
    return stringify(scope.input);
  }
}
