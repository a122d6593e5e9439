/**
 * Choice: the first matching rule picks Next (JSONPath comparison rules or a JSONata
 * `Condition`); else `Default`; else States.NoChoiceMatched. A rule may carry Assign and (JSONata)
 * Output; the state's own Assign / Output apply when Default is taken.
 */
import { evaluateRule } from '../choice/evaluate-rule';
import { assignJsonata, assignJsonPath, effectiveInput } from '../dataflow';
import { StatesError, StatesErrorName } from '../errors';
import type { JsonObject, JsonValue } from '../json';
import { isObject } from '../json-utils';
import { evaluateJsonataTemplate, evaluateTyped } from '../jsonata/evaluate';
import { selectPath } from '../paths/io-paths';
import { exitState, jsonataScope, pathScope, type StateRun } from '../step-run';
import type { StepResult } from '../types';
import type { StateHandler } from './state-handler';

export const choiceState: StateHandler = {
  async enter(run) {
    const rules = Array.isArray(run.state.Choices) ? run.state.Choices : [];
    return run.language === 'JSONata' ? chooseJsonata(run, rules) : chooseJsonPath(run, rules);
  },
};

function chooseJsonPath(run: StateRun, rules: JsonValue[]): StepResult {
  const input = effectiveInput(run);
  const scope = pathScope(run, input);
  const rule = rules.find((r) => evaluateRule(r, scope)) as JsonObject | undefined;
  const holder = rule ?? run.state;
  const next = targetOf(run, rule);
  const assigned = assignJsonPath(run, holder.Assign, input);
  const output = selectPath(run.state.OutputPath, pathScope(run, input));
  return exitState(run, output, assigned, next);
}

async function chooseJsonata(run: StateRun, rules: JsonValue[]): Promise<StepResult> {
  const scope = jsonataScope(run);
  let rule: JsonObject | undefined;
  for (const candidate of rules) {
    if (!isObject(candidate)) continue;
    if ((await evaluateTyped(candidate.Condition ?? null, 'Condition', 'boolean', scope)) === true) {
      rule = candidate;
      break;
    }
  }
  const holder = rule ?? run.state;
  const next = targetOf(run, rule);
  const assigned = await assignJsonata(holder.Assign, scope);
  const output =
    holder.Output === undefined ? run.input : await evaluateJsonataTemplate(holder.Output, 'Output', scope);
  return exitState(run, output, assigned, next);
}

function targetOf(run: StateRun, rule: JsonObject | undefined): string {
  const next = rule ? rule.Next : run.state.Default;
  if (typeof next === 'string') return next;
  throw new StatesError(StatesErrorName.NoChoiceMatched, 'No Matches!');
}
