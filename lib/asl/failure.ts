/**
 * What happens when a state fails: Retry (pause until an absolute `dueAt`), else Catch (go to the
 * handler with the error output), else the (sub)execution fails. Only Task, Parallel and Map
 * states have Retry and Catch.
 */
import { StatesError } from './errors';
import type { JsonObject, JsonValue } from './json';
import { evaluateJsonataTemplate } from './jsonata/evaluate';
import { assignJsonata, assignJsonPath } from './dataflow';
import { applyResultPath } from './paths/io-paths';
import { decideRetry, findCatcher } from './retry';
import { exitState, failState, jsonataScope, pauseState, type StateRun } from './step-run';
import { addSeconds } from './timestamps';
import type { StepResult } from './types';

const RECOVERABLE_TYPES = new Set(['Task', 'Parallel', 'Map']);

/**
 * Routes a failure of `run` through its Retriers and Catchers. `matchAs` is the name Retriers and
 * Catchers see when the failure itself has none (`error` null); if none handles it, the state
 * fails with `error` as it is, which is how AWS ends a Map whose iteration reached a Fail state
 * without an Error.
 */
export async function handleFailure(
  run: StateRun,
  error: string | null,
  cause: string | undefined,
  matchAs: string = error ?? '',
): Promise<StepResult> {
  if (!RECOVERABLE_TYPES.has(run.state.Type)) return failState(run, error, cause);
  const fromTask = run.state.Type === 'Task';
  const retry = decideRetry(run.state.Retry, matchAs, fromTask, run.retryCounts, run.env.random);
  if (retry) {
    const dueAt = addSeconds(run.env.now, retry.delaySeconds);
    run.retryCounts = retry.retryCounts;
    return pauseState(run, 'retry', { type: 'ScheduleTimer', dueAt, purpose: 'Retry' });
  }
  const catcher = findCatcher(run.state.Catch, matchAs, fromTask);
  if (!catcher) return failState(run, error, cause);
  try {
    return await applyCatcher(run, catcher, { Error: matchAs, Cause: cause ?? '' });
  } catch (caught) {
    if (caught instanceof StatesError) return failState(run, caught.error, caught.cause);
    throw caught;
  }
}

async function applyCatcher(
  run: StateRun,
  catcher: JsonObject,
  errorOutput: JsonObject,
): Promise<StepResult> {
  const next = typeof catcher.Next === 'string' ? catcher.Next : undefined;
  if (run.language === 'JSONata') {
    const scope = jsonataScope(run, { errorOutput });
    const assigned = await assignJsonata(catcher.Assign, scope);
    const output: JsonValue =
      catcher.Output === undefined
        ? errorOutput
        : await evaluateJsonataTemplate(catcher.Output, 'Output', scope);
    return exitCaught(run, output, assigned, next);
  }
  const assigned = assignJsonPath(run, catcher.Assign, errorOutput);
  const output = applyResultPath(catcher.ResultPath, run.input, errorOutput);
  return exitCaught(run, output, assigned, next);
}

function exitCaught(
  run: StateRun,
  output: JsonValue,
  assigned: JsonObject,
  next: string | undefined,
): StepResult {
  if (next === undefined)
    return failState(run, 'States.Runtime', `Catcher of state '${run.name}' has no Next`);
  const result = exitState(run, output, assigned, next);
  if (result.next.kind === 'succeed') result.next = { kind: 'goto', state: next, output };
  return result;
}
