/**
 * Public API of the pure ASL interpreter.
 *
 * - `interpretState` enters a state; `resumeState` continues one that paused on an effect
 *   (`fireTimer`, `completeTask` and `joinBranches` are the same call with a typed event).
 * - The execution-level events (`executionStartedEvent`, `executionEndedEvent`,
 *   `mapIterationEvent`) are recorded by whoever drives the steps.
 * - `runInMemory` drives a whole execution with mocked tasks and a virtual clock.
 */
import { resumeState } from './interpret';
import type { JsonValue, ResumeRequest, StepResult } from './types';

export { interpretState, resumeState } from './interpret';
export {
  executionEndedEvent,
  executionStartedEvent,
  mapIterationEvent,
  mapRunStartedEvent,
} from './execution-events';
export { activityName } from './history';
export * from './types';

type ResumeBase = Omit<ResumeRequest, 'event'>;

/** Continues a Wait or a Retry whose timer is due. */
export function fireTimer(request: ResumeBase): Promise<StepResult> {
  return resumeState({ ...request, event: { type: 'TimerFired' } });
}

/** Reports a task's result or error to the Task state that scheduled it. */
export function completeTask(
  request: ResumeBase,
  outcome: { output: JsonValue } | { error: string; cause?: string; timedOut?: boolean },
): Promise<StepResult> {
  if ('output' in outcome)
    return resumeState({ ...request, event: { type: 'TaskSucceeded', output: outcome.output } });
  if (outcome.timedOut) {
    const error = outcome.error === 'States.HeartbeatTimeout' ? 'States.HeartbeatTimeout' : 'States.Timeout';
    return resumeState({ ...request, event: { type: 'TaskTimedOut', error, cause: outcome.cause } });
  }
  return resumeState({
    ...request,
    event: { type: 'TaskFailed', error: outcome.error, cause: outcome.cause },
  });
}
