/**
 * Choice rules. JSONPath: a comparison (Variable + exactly one operator) or exactly one of
 * And / Or / Not; Next only on top-level rules. JSONata: Condition and Next.
 */
import { type QueryLanguage, type ValidationContext, report, tooDeep } from './context';
import { DiagnosticCode } from './diagnostic';
import type { FieldSpec, FieldTable, ObjectSpec } from './field-spec';
import { checkObject } from './fields';
import { type JsonRecord, hasOwn, isRecord, jsonTypeOf } from './json-type';
import { joinPointer } from './pointer';

const jp = (spec: FieldSpec): FieldSpec => ({ ...spec, language: 'JSONPath' });
const operand = (type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec =>
  jp({ type, ...extra });

/** Comparison operators and what their operand must be; each also has a `…Path` form. */
const operatorOperands: Readonly<Record<string, FieldSpec>> = {
  ...Object.fromEntries(
    ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals'].flatMap((op) => [
      [`String${op}`, operand('string')],
      [`Numeric${op}`, operand('number')],
      [`Timestamp${op}`, operand('string', { timestamp: true })],
    ]),
  ),
  StringMatches: operand('string'),
  BooleanEquals: operand('boolean'),
};
const typeTests = ['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp'];

/** Every comparison operator: value operands, `…Path` operands and the Is* type tests. */
const comparisonOperators: FieldTable = {
  ...operatorOperands,
  ...Object.fromEntries(
    Object.keys(operatorOperands)
      .filter((op) => op !== 'StringMatches')
      .map((op) => [`${op}Path`, operand('string', { path: 'path' })]),
  ),
  ...Object.fromEntries(typeTests.map((op) => [op, operand('boolean')])),
};
const combinators = ['And', 'Or', 'Not'];

const nestedFields: FieldTable = {
  ...comparisonOperators,
  Variable: operand('string', { path: 'path' }),
  And: jp({ type: 'array' }),
  Or: jp({ type: 'array' }),
  Not: jp({ type: 'object' }),
  Comment: { type: 'string' },
};
const nestedRule: ObjectSpec = {
  what: 'a nested Choice rule',
  fields: nestedFields,
  misplaced: {
    Next: {
      code: DiagnosticCode.INVALID_CHOICE_RULE,
      message: '"Next" belongs on the top-level Choice rule, not inside "And", "Or" or "Not".',
    },
  },
};
const topRule: ObjectSpec = {
  what: 'a Choice rule',
  fields: {
    ...nestedFields,
    Next: { type: 'string', required: true },
    Assign: { type: 'object', template: true },
    Condition: { type: ['string', 'boolean'], computed: true, required: true, language: 'JSONata' },
    Output: { type: 'any', template: true, computed: true, language: 'JSONata' },
  },
};

/** Checks a Choice state's Choices list. */
export function checkChoiceState(
  state: JsonRecord,
  path: string,
  ctx: ValidationContext,
  language: QueryLanguage,
): void {
  const choices = state.Choices;
  if (!Array.isArray(choices)) return;
  const choicesPath = joinPointer(path, 'Choices');
  if (choices.length === 0)
    report(
      ctx,
      choicesPath,
      DiagnosticCode.INVALID_VALUE,
      'a Choice state must have at least one rule in "Choices".',
    );
  choices.forEach((rule, i) => checkRule(rule, joinPointer(choicesPath, i), ctx, language, 0));
}

function checkRule(
  rule: unknown,
  path: string,
  ctx: ValidationContext,
  language: QueryLanguage,
  depth: number,
): void {
  if (tooDeep(ctx, path, depth)) return;
  if (!isRecord(rule)) {
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_TYPE,
      `a Choice rule must be an object, not ${jsonTypeOf(rule)}.`,
    );
    return;
  }
  checkObject(rule, depth === 0 ? topRule : nestedRule, path, ctx, language);
  if (language === 'JSONPath') checkJsonPathRule(rule, path, ctx, depth);
}

function checkJsonPathRule(rule: JsonRecord, path: string, ctx: ValidationContext, depth: number): void {
  const operators = Object.keys(rule).filter((key) => hasOwn(comparisonOperators, key));
  const logic = combinators.filter((key) => hasOwn(rule, key));
  const found = [...operators, ...logic].map((key) => JSON.stringify(key));
  if (found.length === 0) {
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_CHOICE_RULE,
      'a Choice rule needs a comparison operator (such as "StringEquals") or one of "And", "Or", "Not".',
    );
  } else if (found.length > 1) {
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_CHOICE_RULE,
      `a Choice rule must have exactly one comparison operator or combinator, not ${found.join(' and ')}.`,
    );
  }
  if (operators.length > 0 && !hasOwn(rule, 'Variable')) {
    report(
      ctx,
      path,
      DiagnosticCode.MISSING_FIELD,
      `a comparison rule must have "Variable" to compare with ${found[0]}.`,
    );
  }
  if (operators.length === 0 && logic.length > 0 && hasOwn(rule, 'Variable')) {
    report(
      ctx,
      joinPointer(path, 'Variable'),
      DiagnosticCode.INVALID_CHOICE_RULE,
      `"Variable" has no meaning next to ${found[0]}; put it in the sub-rules.`,
    );
  }
  for (const key of logic) checkCombinator(key, rule[key], joinPointer(path, key), ctx, depth);
}

function checkCombinator(
  key: string,
  value: unknown,
  path: string,
  ctx: ValidationContext,
  depth: number,
): void {
  if (key === 'Not') return isRecord(value) ? checkRule(value, path, ctx, 'JSONPath', depth + 1) : undefined;
  if (!Array.isArray(value)) return;
  if (value.length === 0)
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_CHOICE_RULE,
      `${JSON.stringify(key)} must list at least one rule.`,
    );
  value.forEach((rule, i) => checkRule(rule, joinPointer(path, i), ctx, 'JSONPath', depth + 1));
}
