/**
 * Payload templates (Parameters, ResultSelector, ItemSelector, Assign, Arguments, Output):
 * in JSONPath mode a key ending in `.$` holds a path or an intrinsic call; in JSONata mode
 * every `{% … %}` string must parse and `.$` keys do not belong.
 */
import { type QueryLanguage, type ValidationContext, report, tooDeep } from './context';
import { DiagnosticCode } from './diagnostic';
import { checkJsonata, checkPathString, isJsonataString } from './expressions';
import { jsonTypeOf, quote } from './json-type';
import { joinPointer } from './pointer';

/** Checks a template for the query language of its state. */
export function checkTemplate(
  value: unknown,
  path: string,
  ctx: ValidationContext,
  language: QueryLanguage,
): void {
  walkTemplate(value, path, ctx, language === 'JSONata' ? visitJsonata : visitJsonPath, 0);
}

type Visitor = (key: string, value: unknown, path: string, ctx: ValidationContext) => boolean;

/** Calls `visit` on every object member; descends where `visit` returns true. */
function walkTemplate(
  value: unknown,
  path: string,
  ctx: ValidationContext,
  visit: Visitor,
  depth: number,
): void {
  if (tooDeep(ctx, path, depth)) return;
  if (isJsonataString(value)) checkExpressionString(value, path, ctx, visit === visitJsonata);
  if (Array.isArray(value))
    value.forEach((item, i) => walkTemplate(item, joinPointer(path, i), ctx, visit, depth + 1));
  if (jsonTypeOf(value) !== 'object') return;
  for (const [key, member] of Object.entries(value as object)) {
    const memberPath = joinPointer(path, key);
    if (visit(key, member, memberPath, ctx)) walkTemplate(member, memberPath, ctx, visit, depth + 1);
  }
}

/** Parses a `{% … %}` string in JSONata; in JSONPath it stays a literal, which is worth a warning. */
function checkExpressionString(
  value: string,
  path: string,
  ctx: ValidationContext,
  jsonataState: boolean,
): void {
  if (jsonataState) checkJsonata(value, path, ctx);
  else
    report(
      ctx,
      path,
      DiagnosticCode.QUERY_LANGUAGE_MISMATCH,
      'this looks like a JSONata expression, but the state uses JSONPath, so it stays a literal string; set "QueryLanguage": "JSONata" on the state to evaluate it.',
      'WARNING',
    );
}

function visitJsonPath(key: string, value: unknown, path: string, ctx: ValidationContext): boolean {
  if (!key.endsWith('.$')) return true;
  if (typeof value !== 'string') {
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_TYPE,
      `the value of ${quote(key)} must be a string holding a JSONPath or an intrinsic function call, not ${jsonTypeOf(value)}.`,
    );
  } else {
    checkPathString(value, 'pathOrIntrinsic', path, ctx);
  }
  return false;
}

function visitJsonata(key: string, _value: unknown, path: string, ctx: ValidationContext): boolean {
  if (key.endsWith('.$')) {
    report(
      ctx,
      path,
      DiagnosticCode.QUERY_LANGUAGE_MISMATCH,
      `keys ending in ".$" are JSONPath syntax; in a JSONata state write ${quote(key.slice(0, -2))} with a "{% … %}" value.`,
    );
    return false;
  }
  return true;
}
