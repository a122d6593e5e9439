/** One module per state type, looked up by `Type`. */
import type { StateRun } from '../step-run';
import type { Continuation, ResumeEvent, StepResult } from '../types';
import { choiceState } from './choice';
import { failStateHandler } from './fail';
import { mapState } from './map';
import { parallelState } from './parallel';
import { passState } from './pass';
import { succeedState } from './succeed';
import { taskState } from './task';
import { waitState } from './wait';

/** What a state type does when entered (or retried) and when its pause ends. */
export interface StateHandler {
  enter(run: StateRun, isRetry: boolean): Promise<StepResult>;
  resume?(run: StateRun, continuation: Continuation, event: ResumeEvent): Promise<StepResult>;
}

export const stateHandlers: Record<string, StateHandler> = {
  Pass: passState,
  Task: taskState,
  Choice: choiceState,
  Wait: waitState,
  Succeed: succeedState,
  Fail: failStateHandler,
  Parallel: parallelState,
  Map: mapState,
};
