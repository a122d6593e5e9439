/**
 * The input and output processing every state shares, in AWS's order.
 * JSONPath: InputPath → Parameters → (work) → ResultSelector → ResultPath → OutputPath, and
 * Assign evaluated on the result. JSONata: Arguments → (work) → Assign and Output on `$states`.
 */
import type { JsonObject, JsonValue } from './json';
import { isObject } from './json-utils';
import { evaluateJsonataTemplate } from './jsonata/evaluate';
import { applyResultPath, selectPath } from './paths/io-paths';
import { evaluatePayloadTemplate } from './paths/payload-template';
import { jsonataScope, pathScope, type StateRun } from './step-run';
import type { Variables } from './types';

/** JSONPath: the state input after InputPath. */
export function effectiveInput(run: StateRun): JsonValue {
  if (run.language === 'JSONata') return run.input;
  return selectPath(run.state.InputPath, pathScope(run, run.input));
}

/** The payload the state works on: Parameters (JSONPath) or Arguments (JSONata). */
export async function stateParameters(
  run: StateRun,
  field: 'Parameters' | 'Arguments' = 'Parameters',
): Promise<JsonValue> {
  if (run.language === 'JSONata') {
    const args = run.state.Arguments;
    return args === undefined ? run.input : evaluateJsonataTemplate(args, 'Arguments', jsonataScope(run));
  }
  const input = effectiveInput(run);
  const template = run.state[field];
  return template === undefined ? input : evaluatePayloadTemplate(template, pathScope(run, input));
}

/** What a state produces after its work: the output and the variables it assigns. */
export interface StateOutcome {
  output: JsonValue;
  assigned: Variables;
}

/**
 * Turns a state's result into its output. `defaultOutput` is the JSONata output without an
 * Output field (the result for Task/Map/Parallel, the input for Pass/Choice/Wait/Succeed).
 */
export async function processResult(
  run: StateRun,
  result: JsonValue,
  hasResult: boolean,
): Promise<StateOutcome> {
  if (run.language === 'JSONata') {
    const scope = jsonataScope(run, hasResult ? { result } : {});
    const assigned = await assignJsonata(run.state.Assign, scope);
    const output =
      run.state.Output === undefined
        ? result
        : await evaluateJsonataTemplate(run.state.Output, 'Output', scope);
    return { output, assigned };
  }
  const selected =
    hasResult && run.state.ResultSelector !== undefined
      ? evaluatePayloadTemplate(run.state.ResultSelector, pathScope(run, result))
      : result;
  const assigned = assignJsonPath(run, run.state.Assign, selected);
  const merged = applyResultPath(run.state.ResultPath, run.input, selected);
  const output = selectPath(run.state.OutputPath, pathScope(run, merged));
  return { output, assigned };
}

/** JSONPath Assign: a payload template evaluated with `$` = `value` and the old variables. */
export function assignJsonPath(run: StateRun, assign: JsonValue | undefined, value: JsonValue): Variables {
  if (!isObject(assign)) return {};
  return evaluatePayloadTemplate(assign, pathScope(run, value)) as JsonObject;
}

/** JSONata Assign: each value is a template evaluated against the same `$states`. */
export async function assignJsonata(
  assign: JsonValue | undefined,
  scope: ReturnType<typeof jsonataScope>,
): Promise<Variables> {
  if (!isObject(assign)) return {};
  const out: Variables = {};
  for (const [name, template] of Object.entries(assign)) {
    out[name] = await evaluateJsonataTemplate(template, `Assign/${name}`, scope);
  }
  return out;
}
