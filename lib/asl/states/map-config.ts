/**
 * Map settings resolved on entry: the items, MaxConcurrency(Path) and the tolerated failure
 * thresholds (ToleratedFailureCount/Percentage and their Path / JSONata forms).
 */
import { effectiveInput } from '../dataflow';
import { queryEvaluationError, runtimeError } from '../errors';
import type { JsonValue } from '../json';
import { evaluateJsonataTemplate, evaluateTyped, isJsonataExpression } from '../jsonata/evaluate';
import { selectPath } from '../paths/io-paths';
import { resolvePath } from '../paths/resolve';
import { jsonataScope, pathScope, type StateRun } from '../step-run';

/** The array the Map iterates over (ItemsPath / Items, default the state's input). */
export async function mapItems(run: StateRun): Promise<JsonValue[]> {
  if (run.language === 'JSONata') {
    if (run.state.Items !== undefined)
      return (await evaluateTyped(run.state.Items, 'Items', 'array', jsonataScope(run))) as JsonValue[];
    if (!Array.isArray(run.input))
      throw queryEvaluationError(`Map state input must be an array but was: ${JSON.stringify(run.input)}`);
    return run.input;
  }
  const input = effectiveInput(run);
  const items =
    run.state.ItemsPath === undefined ? input : selectPath(run.state.ItemsPath, pathScope(run, input));
  if (!Array.isArray(items))
    throw runtimeError(`Map state input must be an array but was: ${JSON.stringify(items)}`);
  return items;
}

type NumberKind = 'integer' | 'float';

/** Resolves `field`, `${field}Path` or a JSONata `field`; undefined when none is set. */
async function resolveNumber(run: StateRun, field: string, kind: NumberKind): Promise<number | undefined> {
  const literal = run.state[field];
  if (run.language === 'JSONata' && isJsonataExpression(literal)) {
    const value = await evaluateJsonataTemplate(literal, field, jsonataScope(run));
    if (!isValid(value, kind))
      throw queryEvaluationError(
        `The ${field} field must evaluate to a valid ${kind}, but was: ${JSON.stringify(value)}`,
      );
    return value;
  }
  if (typeof literal === 'number') return literal;
  const path = run.state[`${field}Path`];
  if (typeof path !== 'string') return undefined;
  const value = resolvePath(path, pathScope(run, effectiveInput(run)));
  if (!isValid(value, kind)) {
    const shown = typeof value === 'string' ? value : JSON.stringify(value ?? null);
    throw runtimeError(
      `The ${field}Path field refers to value "${shown}" which is not a valid ${kind}: ${path}`,
    );
  }
  return value;
}

function isValid(value: JsonValue | undefined, kind: NumberKind): value is number {
  return typeof value === 'number' && Number.isFinite(value) && (kind === 'float' || Number.isInteger(value));
}

/** MaxConcurrency (0 = unbounded). */
export async function mapMaxConcurrency(run: StateRun): Promise<number> {
  const value = (await resolveNumber(run, 'MaxConcurrency', 'integer')) ?? 0;
  if (value < 0) throw runtimeError('MaxConcurrency must be a non-negative integer.');
  return value;
}

/** The tolerated failure thresholds; both undefined means no failure is tolerated. */
export async function mapTolerance(run: StateRun): Promise<{ count?: number; percentage?: number }> {
  const count = await resolveNumber(run, 'ToleratedFailureCount', 'integer');
  if (count !== undefined && count < 0) throw runtimeError('ToleratedFailureCount cannot be negative.');
  const percentage = await resolveNumber(run, 'ToleratedFailurePercentage', 'float');
  if (percentage !== undefined && (percentage < 0 || percentage > 100)) {
    throw runtimeError('ToleratedFailurePercentage must be between 0 and 100.');
  }
  const tolerance: { count?: number; percentage?: number } = {};
  if (count !== undefined) tolerance.count = count;
  if (percentage !== undefined) tolerance.percentage = percentage;
  return tolerance;
}

/** True when the failures exceed what the thresholds tolerate. */
export function exceedsTolerance(
  tolerance: { count?: number; percentage?: number },
  failed: number,
  total: number,
): boolean {
  if (failed === 0) return false;
  if (tolerance.count === undefined && tolerance.percentage === undefined) return true;
  const countOk = tolerance.count !== undefined && failed <= tolerance.count;
  const percentOk =
    tolerance.percentage !== undefined && total > 0 && (failed / total) * 100 <= tolerance.percentage;
  return !(countOk || percentOk);
}
