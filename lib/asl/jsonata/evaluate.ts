/**
 * JSONata in ASL: a string `{% expr %}` is an expression, anything else a literal. Expressions
 * are compiled once and cached; `$states` and the workflow variables are passed as bindings.
 */
import jsonata from 'jsonata';
import { queryEvaluationError, StatesError } from '../errors';
import type { JsonObject, JsonValue } from '../json';
import { jsonTypeName, stringify, toJson } from '../json-utils';
import type { StepEnv, Variables } from '../types';
import { stepFunctions } from './functions';

/** What `$states` holds while a field is evaluated. */
export interface JsonataScope {
  states: { input: JsonValue; context: JsonValue; result?: JsonValue; errorOutput?: JsonValue };
  variables: Variables;
  env: StepEnv;
}

const compiled = new Map<string, jsonata.Expression>();
const hasExpressions = new WeakMap<object, boolean>();

/** True for a `{% ... %}` string. */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('{%') && value.endsWith('%}') && value.length >= 4;
}

/** The expression text inside `{% %}`, trimmed (how AWS quotes it in causes). */
export function expressionText(source: string): string {
  return source.slice(2, -2).trim();
}

function compile(expression: string, field: string): jsonata.Expression {
  let expr = compiled.get(expression);
  if (!expr) {
    try {
      expr = jsonata(expression);
    } catch (error) {
      throw queryEvaluationError(
        `The JSONata expression '${expression}' specified for the field '${field}' could not be parsed: ${errorText(error)}`,
      );
    }
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(expression, expr);
  }
  return expr;
}

function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const code = 'code' in error ? `${String(error.code)}: ` : '';
    return `${code}${String(error.message)}`;
  }
  return String(error);
}

/** Evaluates one `{% %}` string; undefined results and thrown errors are QueryEvaluationErrors. */
export async function evaluateExpression(
  source: string,
  field: string,
  scope: JsonataScope,
): Promise<JsonValue> {
  const expression = expressionText(source);
  const expr = compile(expression, field);
  let raw: unknown;
  try {
    raw = await expr.evaluate(scope.states.input, {
      ...stepFunctions(scope.env),
      ...scope.variables,
      states: scope.states,
    });
  } catch (error) {
    if (error instanceof StatesError) throw error;
    throw queryEvaluationError(
      `The JSONata expression '${expression}' specified for the field '${field}' threw an error during evaluation. ${errorText(error)}`,
    );
  }
  const value = toJson(raw);
  if (value === undefined) {
    throw queryEvaluationError(
      `The JSONata expression '${expression}' specified for the field '${field}' returned nothing (undefined).`,
    );
  }
  return value;
}

/** Evaluates a JSONata template (Arguments, Output, Assign values, ItemSelector...). */
export async function evaluateJsonataTemplate(
  template: JsonValue,
  field: string,
  scope: JsonataScope,
): Promise<JsonValue> {
  if (isJsonataExpression(template)) return evaluateExpression(template, field, scope);
  if (typeof template !== 'object' || template === null || !containsExpression(template)) return template;
  if (Array.isArray(template)) {
    const out: JsonValue[] = [];
    for (let i = 0; i < template.length; i++)
      out.push(await evaluateJsonataTemplate(template[i], `${field}/${i}`, scope));
    return out;
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(template))
    out[key] = await evaluateJsonataTemplate(value, `${field}/${key}`, scope);
  return out;
}

function containsExpression(template: JsonValue): boolean {
  if (typeof template !== 'object' || template === null) return isJsonataExpression(template);
  const hit = hasExpressions.get(template);
  if (hit !== undefined) return hit;
  const values = Array.isArray(template) ? template : Object.values(template);
  const found = values.some(containsExpression);
  hasExpressions.set(template, found);
  return found;
}

/** Evaluates a field that must produce a given JSON type (Items: array, Condition: boolean...). */
export async function evaluateTyped(
  template: JsonValue,
  field: string,
  expected: 'array' | 'boolean' | 'number' | 'string' | 'object',
  scope: JsonataScope,
): Promise<JsonValue> {
  const value = await evaluateJsonataTemplate(template, field, scope);
  if (jsonTypeName(value) !== expected) {
    const shown = isJsonataExpression(template) ? expressionText(template) : stringify(template);
    throw queryEvaluationError(
      `The JSONata expression '${shown}' specified for the field '${field}' returned an unexpected result type. Expected '${expected}', but was '${jsonTypeName(value)}' for value: ${stringify(value)}`,
    );
  }
  return value;
}

/** Whether a value is a plain object (re-exported for state modules). */
