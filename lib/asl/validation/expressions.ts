/**
 * Checks for the three expression syntaxes a definition can hold in a string: JSONPath paths,
 * intrinsic function calls (`States.Format(…)`) and JSONata (`{% … %}`).
 */
import jsonata from 'jsonata';
import { type IntrinsicArg, parseIntrinsic } from '../intrinsics/index';
import { type ValidationContext, report } from './context';
import { DiagnosticCode } from './diagnostic';
import { quote } from './json-type';
import { parseJsonPath } from './paths';

/** What a string field must hold in JSONPath mode. */
export type PathKind = 'path' | 'referencePath' | 'pathOrIntrinsic';

/** True for `"{% … %}"`, the JSONata expression form. */
export function isJsonataString(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 4 && value.startsWith('{%') && value.endsWith('%}');
}

/** True when a string is written as an intrinsic call rather than a path. */
function looksLikeIntrinsic(value: string): boolean {
  return value.trimStart().startsWith('States.');
}

/** Checks `src` against `kind`; reports at `path` and returns whether it is valid. */
export function checkPathString(src: string, kind: PathKind, path: string, ctx: ValidationContext): boolean {
  if (kind === 'pathOrIntrinsic' && looksLikeIntrinsic(src)) return checkIntrinsic(src, path, ctx);
  const parsed = parseJsonPath(src);
  if (!parsed.ok) {
    const expected =
      kind === 'pathOrIntrinsic' ? 'a JSONPath or an intrinsic function call' : 'a valid JSONPath';
    report(ctx, path, DiagnosticCode.INVALID_JSONPATH, `${quote(src)} is not ${expected}: ${parsed.reason}.`);
    return false;
  }
  if (kind !== 'referencePath') return true;
  if (parsed.shape.root !== '$' || !parsed.shape.definite) {
    const why =
      parsed.shape.root !== '$'
        ? 'it must start with "$" (not the context or a variable)'
        : 'no wildcards, filters, slices, unions or ".."';
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_REFERENCE_PATH,
      `${quote(src)} must be a reference path to a single node: ${why}.`,
    );
    return false;
  }
  return true;
}

/** Parses an intrinsic call (name, arity, syntax) and the paths among its arguments. */
function checkIntrinsic(src: string, path: string, ctx: ValidationContext): boolean {
  let args: IntrinsicArg[];
  try {
    args = parseIntrinsic(src).args;
  } catch (error) {
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_INTRINSIC,
      `${quote(src)} is not a valid intrinsic function call: ${errorText(error)}.`,
    );
    return false;
  }
  return args.every((arg) => checkIntrinsicArg(arg, path, ctx));
}

function checkIntrinsicArg(arg: IntrinsicArg, path: string, ctx: ValidationContext): boolean {
  if (arg.kind === 'call') return arg.args.every((inner) => checkIntrinsicArg(inner, path, ctx));
  if (arg.kind === 'path') return checkPathString(arg.path, 'path', path, ctx);
  return true;
}

/** Parses the body of a `{% … %}` string with the jsonata package (parsing only, no evaluation). */
export function checkJsonata(src: string, path: string, ctx: ValidationContext): boolean {
  const body = src.slice(2, -2);
  if (body.trim() === '') {
    report(ctx, path, DiagnosticCode.INVALID_JSONATA, 'the JSONata expression is empty.');
    return false;
  }
  try {
    jsonata(body);
    return true;
  } catch (error) {
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_JSONATA,
      `${quote(src)} is not a valid JSONata expression: ${errorText(error)}.`,
    );
    return false;
  }
}

function errorText(error: unknown): string {
  const message =
    error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
      ? String((error as { message: unknown }).message)
      : String(error);
  return message.replace(/\.$/, '');
}
