/** AST and implementation types shared by the intrinsic modules. */
import type { JsonValue } from '../json';

/** One argument of an intrinsic call. `raw` keeps a string literal's escapes for States.Format. */
export type IntrinsicArg =
  { kind: 'literal'; value: JsonValue; raw?: string } | { kind: 'path'; path: string } | IntrinsicCall;

/** A parsed `States.Name(args...)` expression. */
export type IntrinsicCall = { kind: 'call'; name: string; args: IntrinsicArg[] };

/** What an intrinsic needs from the interpreter: path resolution and randomness. */
export interface IntrinsicScope {
  resolvePath(path: string): JsonValue;
  random(): number;
}

/** Evaluated arguments plus the call they came from (for literal-aware functions). */
export type IntrinsicImpl = (args: JsonValue[], call: IntrinsicCall, scope: IntrinsicScope) => JsonValue;

/** Bad syntax, unknown function or wrong argument count; raised while parsing. */
export class IntrinsicSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntrinsicSyntaxError';
  }
}
