/** Checks one field's value against its FieldSpec: type, range, enum, path, timestamp, template. */
import { type QueryLanguage, type ValidationContext, report } from './context';
import { DiagnosticCode } from './diagnostic';
import { checkJsonata, checkPathString, isJsonataString } from './expressions';
import type { FieldSpec, ValueType } from './field-spec';
import { jsonTypeOf, quote } from './json-type';
import { checkTemplate } from './templates';
import { isTimestamp } from './timestamp';

const typeNames: Record<ValueType, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
  any: 'any JSON value',
};

function matchesType(value: unknown, type: ValueType): boolean {
  const actual = jsonTypeOf(value);
  if (type === 'any') return actual !== 'unsupported';
  return actual === type || (type === 'number' && actual === 'integer');
}

function allowedTypes(spec: FieldSpec): readonly ValueType[] {
  return typeof spec.type === 'string' ? [spec.type] : spec.type;
}

/** Checks `value` of field `key`; reports at `path`. */
export function checkFieldValue(
  key: string,
  value: unknown,
  spec: FieldSpec,
  path: string,
  ctx: ValidationContext,
  language: QueryLanguage,
): void {
  if (language === 'JSONata' && spec.computed && isJsonataString(value)) {
    checkJsonata(value, path, ctx);
    return;
  }
  const types = allowedTypes(spec);
  if (!types.some((type) => matchesType(value, type))) {
    const expected = types.map((type) => typeNames[type]).join(' or ');
    const orExpression = language === 'JSONata' && spec.computed ? ' or a "{% … %}" expression' : '';
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_TYPE,
      `${JSON.stringify(key)} must be ${expected}${orExpression}, not ${jsonTypeOf(value)}.`,
    );
    return;
  }
  if (typeof value === 'number') checkRange(key, value, spec, path, ctx);
  if (typeof value === 'string') checkString(key, value, spec, path, ctx);
  if (spec.template) checkTemplate(value, path, ctx, language);
}

function checkRange(key: string, value: number, spec: FieldSpec, path: string, ctx: ValidationContext): void {
  const tooLow = spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min);
  const tooHigh = spec.max !== undefined && value > spec.max;
  if (!tooLow && !tooHigh) return;
  const low =
    spec.min === undefined ? '' : spec.exclusiveMin ? `greater than ${spec.min}` : `at least ${spec.min}`;
  const high = spec.max === undefined ? '' : `at most ${spec.max}`;
  const bounds = [low, high].filter(Boolean).join(' and ');
  report(ctx, path, DiagnosticCode.INVALID_VALUE, `${JSON.stringify(key)} must be ${bounds}, not ${value}.`);
}

function checkString(
  key: string,
  value: string,
  spec: FieldSpec,
  path: string,
  ctx: ValidationContext,
): void {
  if (spec.enum && !spec.enum.includes(value)) {
    const allowed = spec.enum.map((v) => JSON.stringify(v)).join(', ');
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_VALUE,
      `${JSON.stringify(key)} must be one of ${allowed}, not ${quote(value)}.`,
    );
  }
  if (spec.path) checkPathString(value, spec.path, path, ctx);
  if (spec.timestamp && !isTimestamp(value)) {
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_VALUE,
      `${JSON.stringify(key)} must be an RFC 3339 timestamp such as "2026-01-31T09:00:00Z", not ${quote(value)}.`,
    );
  }
}
