/**
 * TimeoutSeconds / HeartbeatSeconds of a Task, from a literal, a `...Path` (JSONPath) or a
 * JSONata expression, resolved to positive integers for the engine.
 */
import { queryEvaluationError, runtimeError } from '../errors';
import type { JsonValue } from '../json';
import { evaluateJsonataTemplate, isJsonataExpression } from '../jsonata/evaluate';
import { resolvePath } from '../paths/resolve';
import { jsonataScope, pathScope, type StateRun } from '../step-run';

/** Resolves `field` (TimeoutSeconds or HeartbeatSeconds); undefined when the state sets neither form. */
export async function resolveSeconds(
  run: StateRun,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds',
  input: JsonValue,
): Promise<number | undefined> {
  const literal = run.state[field];
  if (run.language === 'JSONata' && isJsonataExpression(literal)) {
    const value = await evaluateJsonataTemplate(literal, field, jsonataScope(run));
    if (!isPositiveInteger(value))
      throw queryEvaluationError(
        `The ${field} field must evaluate to a positive integer, but was: ${JSON.stringify(value)}`,
      );
    return value;
  }
  if (literal !== undefined) return isPositiveInteger(literal) ? literal : undefined;
  const path = run.state[`${field}Path`];
  if (typeof path !== 'string') return undefined;
  const value = resolvePath(path, pathScope(run, input));
  if (!isPositiveInteger(value)) {
    throw runtimeError(
      `The ${field}Path field refers to value "${typeof value === 'string' ? value : JSON.stringify(value ?? null)}" which is not a valid positive integer: ${path}`,
    );
  }
  return value;
}

function isPositiveInteger(value: JsonValue | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
