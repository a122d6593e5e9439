/**
 * ASL intrinsic functions (`States.Format(...)` and friends) for JSONPath states.
 * Parsing is pure and cached by source; path arguments are resolved through the caller's scope.
 */
import { StatesError } from '../errors';
import type { JsonValue } from '../json';
import { intrinsicFailure } from './args';
import { evaluateCall } from './evaluate';
import { parseCall } from './parser';
import { IntrinsicSyntaxError } from './types';
import type { IntrinsicCall, IntrinsicScope } from './types';

export { intrinsicArity } from './arity';
export { IntrinsicSyntaxError } from './types';
export type { IntrinsicArg, IntrinsicCall, IntrinsicScope } from './types';

/** Parsed ASTs by source text; the same expressions run many times. */
const parseCache = new Map<string, IntrinsicCall>();
/** Bound on the cache so a stream of distinct expressions cannot grow it without limit. */
const PARSE_CACHE_LIMIT = 5000;

/** True when `src` starts with `States.` and looks like a call (`States.Name(...)`). */
export function isIntrinsic(src: string): boolean {
  return /^\s*States\.[A-Za-z0-9]+\s*\(.*\)\s*$/s.test(src);
}

/** Parses an intrinsic expression; throws IntrinsicSyntaxError on bad syntax, name or arity. */
export function parseIntrinsic(src: string): IntrinsicCall {
  const cached = parseCache.get(src);
  if (cached) return cached;
  const call = parseCall(src);
  if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
  parseCache.set(src, call);
  return call;
}

/**
 * Evaluates an intrinsic. Failures throw StatesError('States.IntrinsicFailure', cause); a
 * StatesError raised by `scope.resolvePath` (e.g. a missing path) passes through unchanged.
 */
export function evaluateIntrinsic(src: string | IntrinsicCall, scope: IntrinsicScope): JsonValue {
  let call: IntrinsicCall;
  try {
    call = typeof src === 'string' ? parseIntrinsic(src) : src;
  } catch (error) {
    if (error instanceof IntrinsicSyntaxError) throw intrinsicFailure(error.message);
    throw error;
  }
  try {
    return evaluateCall(call, scope);
  } catch (error) {
    if (error instanceof StatesError) throw error;
    throw intrinsicFailure(error instanceof Error ? error.message : String(error));
  }
}
