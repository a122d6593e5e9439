/** The interface of one state type's module; the registry in index.ts maps each Type to one. */
import type { StateRun } from '../step-run';
import type { Continuation, ResumeEvent, StepResult } from '../types';

/** What a state type does when entered (or retried) and when its pause ends. */
export interface StateHandler {
  enter(run: StateRun, isRetry: boolean): Promise<StepResult>;
  resume?(run: StateRun, continuation: Continuation, event: ResumeEvent): Promise<StepResult>;
}
