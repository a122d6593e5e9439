/**
 * Wait: pauses until an absolute time (Seconds, Timestamp, SecondsPath, TimestampPath, or their
 * JSONata forms). The output and Assign are computed on entry and applied when the timer fires.
 */
import { processResult, effectiveInput } from '../dataflow';
import { queryEvaluationError, runtimeError } from '../errors';
import type { JsonValue } from '../json';
import { isJsonataExpression, evaluateJsonataTemplate, expressionText } from '../jsonata/evaluate';
import { resolvePath, type PathScope } from '../paths/resolve';
import { exitState, jsonataScope, pathScope, pauseState, stillPaused, type StateRun } from '../step-run';
import { addSeconds, parseTimestamp } from '../timestamps';
import type { StateHandler } from './state-handler';

export const waitState: StateHandler = {
  async enter(run) {
    const dueAt = run.language === 'JSONata' ? await dueAtJsonata(run) : dueAtJsonPath(run);
    const { output, assigned } = await processResult(
      run,
      run.language === 'JSONata' ? run.input : effectiveInput(run),
      false,
    );
    return pauseState(run, 'wait', { type: 'ScheduleTimer', dueAt, purpose: 'Wait' }, { output, assigned });
  },
  async resume(run, continuation, event) {
    if (event.type !== 'TimerFired') return stillPaused(run, continuation);
    return exitState(run, continuation.output ?? null, continuation.assigned);
  },
};

function dueAtJsonPath(run: StateRun): string {
  const { state } = run;
  if (typeof state.Seconds === 'number') return addSeconds(run.env.now, state.Seconds);
  if (typeof state.Timestamp === 'string')
    return timestampOrThrow(
      state.Timestamp,
      () => `The Timestamp field is not a valid timestamp: ${state.Timestamp}`,
    );
  const scope = pathScope(run, effectiveInput(run));
  if (typeof state.SecondsPath === 'string')
    return addSeconds(run.env.now, secondsFromPath(state.SecondsPath, scope));
  if (typeof state.TimestampPath === 'string') {
    const path = state.TimestampPath;
    const value = resolvePath(path, scope);
    return timestampOrThrow(
      value,
      () =>
        `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${path} == ${typeof value === 'string' ? value : JSON.stringify(value)}`,
    );
  }
  throw runtimeError('The Wait state has no Seconds, Timestamp, SecondsPath or TimestampPath field.');
}

/**
 * The whole, non-negative number of seconds SecondsPath selects, or States.Runtime worded as AWS
 * words it: a value that is not a whole number (1.5, -1.5, "2") "cannot be parsed as a long value",
 * a negative one "references a negative value", a path that selects nothing "does not reference an
 * input value". A string is shown as its text, as AWS shows a TimestampPath value.
 */
function secondsFromPath(path: string, scope: PathScope): number {
  const value = resolvePath(path, scope);
  if (value === undefined)
    throw runtimeError(`The SecondsPath parameter does not reference an input value: ${path}`);
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw runtimeError(`The SecondsPath parameter cannot be parsed as a long value: ${path} == ${shown}`);
  if (value < 0)
    throw runtimeError(`The SecondsPath parameter references a negative value: ${path} == ${shown}`);
  return value;
}

async function dueAtJsonata(run: StateRun): Promise<string> {
  const scope = jsonataScope(run);
  if (run.state.Seconds !== undefined) {
    const seconds = await evaluateJsonataTemplate(run.state.Seconds, 'Seconds', scope);
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      const shown = isJsonataExpression(run.state.Seconds)
        ? expressionText(run.state.Seconds)
        : JSON.stringify(run.state.Seconds);
      throw queryEvaluationError(
        `The JSONata expression '${shown}' specified for the field 'Seconds' must evaluate to a non-negative integer, but was: ${JSON.stringify(seconds)}`,
      );
    }
    return addSeconds(run.env.now, seconds);
  }
  const value = await evaluateJsonataTemplate(run.state.Timestamp ?? null, 'Timestamp', scope);
  return timestampOrThrow(
    value,
    () =>
      `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
    true,
  );
}

function timestampOrThrow(value: JsonValue | undefined, message: () => string, jsonata = false): string {
  const ms = parseTimestamp(value);
  if (ms === undefined) throw jsonata ? queryEvaluationError(message()) : runtimeError(message());
  return new Date(ms).toISOString();
}
