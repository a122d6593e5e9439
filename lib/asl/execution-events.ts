/**
 * History events that belong to the execution and to Map iterations rather than to one state:
 * the engine records them around the steps (ExecutionStarted is always event #1).
 */
import { isoTime, HistoryRecorder, executionStartedDetails, payloadDetails } from './history';
import type { JsonObject, JsonValue } from './json';
import type { BranchOutcome, EventCursor, HistoryEvent, StepEnv } from './types';

/** `ExecutionStarted` for an execution of `input`. */
export function executionStartedEvent(
  input: JsonValue,
  roleArn: string,
  eventIds: EventCursor,
  env: StepEnv,
): HistoryEvent[] {
  const history = new HistoryRecorder(eventIds, isoTime(env.now));
  history.add('ExecutionStarted', 'executionStartedEventDetails', executionStartedDetails(input, roleArn));
  return history.events;
}

/** `ExecutionSucceeded` or `ExecutionFailed` for how the top-level definition ended. */
export function executionEndedEvent(
  outcome: BranchOutcome,
  eventIds: EventCursor,
  env: StepEnv,
): HistoryEvent[] {
  const history = new HistoryRecorder(eventIds, isoTime(env.now));
  if (outcome.status === 'SUCCEEDED') {
    history.add(
      'ExecutionSucceeded',
      'executionSucceededEventDetails',
      payloadDetails(JSON.stringify(outcome.output), 'output'),
    );
  } else {
    const details: JsonObject = {};
    if (outcome.error !== null) details.error = outcome.error;
    if (outcome.cause !== undefined) details.cause = outcome.cause;
    history.add('ExecutionFailed', 'executionFailedEventDetails', details);
  }
  return history.events;
}

/** `MapIterationStarted` / `Succeeded` / `Failed` for item `index` of Map state `stateName`. */
export function mapIterationEvent(
  phase: 'Started' | 'Succeeded' | 'Failed',
  stateName: string,
  index: number,
  eventIds: EventCursor,
  env: StepEnv,
): HistoryEvent[] {
  const history = new HistoryRecorder(eventIds, isoTime(env.now));
  const key = `mapIteration${phase}EventDetails`;
  history.add(`MapIteration${phase}`, key, { name: stateName, index });
  return history.events;
}

/** `MapRunStarted` (a Distributed Map's items began as child executions of map run `mapRunArn`). */
export function mapRunStartedEvent(mapRunArn: string, eventIds: EventCursor, env: StepEnv): HistoryEvent[] {
  const history = new HistoryRecorder(eventIds, isoTime(env.now));
  history.add('MapRunStarted', 'mapRunStartedEventDetails', { mapRunArn });
  return history.events;
}
