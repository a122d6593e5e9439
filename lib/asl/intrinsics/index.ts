/**
 * ASL intrinsic functions (`States.Format(...)` and friends) for JSONPath states.
 * Parsing is pure and cached; path arguments are resolved through the caller's scope.
 */
import type { JsonValue } from '../json';
import { StatesError, StatesErrorName } from '../errors';

/** One argument of an intrinsic call. */
export type IntrinsicArg =
  | { kind: 'literal'; value: JsonValue }
  | { kind: 'path'; path: string }
  | IntrinsicCall;

/** A parsed `States.Name(args...)` expression. */
export type IntrinsicCall = { kind: 'call'; name: string; args: IntrinsicArg[] };

/** What an intrinsic needs from the interpreter: path resolution and randomness. */
export interface IntrinsicScope {
  resolvePath(path: string): JsonValue;
  random(): number;
}

/** Bad syntax, unknown function or wrong argument count. */
export class IntrinsicSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntrinsicSyntaxError';
  }
}

/** Argument counts per function, known statically (max Infinity = variadic). */
export const intrinsicArity: Record<string, { min: number; max: number }> = {
  'States.Format': { min: 1, max: Infinity },
  'States.StringToJson': { min: 1, max: 1 },
  'States.JsonToString': { min: 1, max: 1 },
  'States.Array': { min: 0, max: Infinity },
  'States.ArrayPartition': { min: 2, max: 2 },
  'States.ArrayContains': { min: 2, max: 2 },
  'States.ArrayRange': { min: 3, max: 3 },
  'States.ArrayGetItem': { min: 2, max: 2 },
  'States.ArrayLength': { min: 1, max: 1 },
  'States.ArrayUnique': { min: 1, max: 1 },
  'States.Base64Encode': { min: 1, max: 1 },
  'States.Base64Decode': { min: 1, max: 1 },
  'States.Hash': { min: 2, max: 2 },
  'States.JsonMerge': { min: 3, max: 3 },
  'States.MathRandom': { min: 2, max: 3 },
  'States.MathAdd': { min: 2, max: 2 },
  'States.StringSplit': { min: 2, max: 2 },
  'States.UUID': { min: 0, max: 0 },
};

/** True when `src` starts with `States.` and looks like a call. */
export function isIntrinsic(src: string): boolean {
  return /^\s*States\.[A-Za-z0-9]+\s*\(.*\)\s*$/s.test(src);
}

/** Parses an intrinsic expression; throws IntrinsicSyntaxError. (Stub: filled in next.) */
export function parseIntrinsic(src: string): IntrinsicCall {
  throw new IntrinsicSyntaxError(`Intrinsic parser not ready: ${src}`);
}

/** Evaluates an intrinsic; failures throw StatesError('States.IntrinsicFailure', cause). */
export function evaluateIntrinsic(src: string | IntrinsicCall, scope: IntrinsicScope): JsonValue {
  void scope;
  throw new StatesError(StatesErrorName.IntrinsicFailure, `Not implemented: ${typeof src === 'string' ? src : src.name}`);
}
