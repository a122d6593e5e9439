/**
 * The pure step: `interpretState` enters a state and returns what should happen next;
 * `resumeState` continues a paused state with what the engine observed (a timer fired, a task
 * ended, branches joined). No I/O, no clock, no randomness but `env`'s.
 */
import { StatesError, StatesErrorName, stateCausePrefix } from './errors';
import { handleFailure } from './failure';
import { isoTime, HistoryRecorder } from './history';
import { isObject, serializeJson } from './json-utils';
import { stateHandlers } from './states';
import { failState, languageOf, stillPaused, type StateRun } from './step-run';
import type { Continuation, ResumeRequest, StateDefinition, StepRequest, StepResult } from './types';

/** Runs state `stateName` on `input`: records `<Type>StateEntered` and does the state's work. */
export async function interpretState(request: StepRequest): Promise<StepResult> {
  const history = new HistoryRecorder(request.eventIds, isoTime(request.env.now));
  const state = lookupState(request.definition.States, request.stateName);
  if (!state) return missingState(request.stateName, history, request.variables);
  const run = createRun(request, state, history, { enteredTime: history.timestampText(), retryCounts: [] });
  const inputText = serializeJson(request.input) ?? 'null';
  run.enteredEventId = history.add(`${state.Type}StateEntered`, 'stateEnteredEventDetails', {
    name: request.stateName,
    input: inputText,
    inputDetails: { truncated: false },
  });
  return guarded(run, () => stateHandlers[state.Type].enter(run, false));
}

/** Continues a paused state. A late or mismatched event changes nothing (no-op pause). */
export async function resumeState(request: ResumeRequest): Promise<StepResult> {
  const { continuation, event } = request;
  const history = new HistoryRecorder(request.eventIds, isoTime(request.env.now));
  const state = lookupState(request.definition.States, continuation.stateName);
  if (!state) return missingState(continuation.stateName, history, request.variables);
  const run = createRun(
    { ...request, stateName: continuation.stateName, input: continuation.input },
    state,
    history,
    continuation,
  );
  run.enteredEventId = continuation.enteredEventId;
  const handler = stateHandlers[state.Type];
  if (continuation.phase === 'retry') {
    if (event.type !== 'TimerFired') return stillPaused(run, continuation);
    return guarded(run, () => handler.enter(run, true));
  }
  if (!handler.resume) return stillPaused(run, continuation);
  const resume = handler.resume;
  return guarded(run, () => resume(run, continuation, event));
}

function lookupState(states: unknown, name: string): StateDefinition | undefined {
  if (!isObject(states) || !Object.hasOwn(states, name)) return undefined;
  const state = states[name];
  if (!isObject(state) || typeof state.Type !== 'string' || !Object.hasOwn(stateHandlers, state.Type))
    return undefined;
  return state as StateDefinition;
}

type RunSeed = Pick<StepRequest, 'definition' | 'stateName' | 'input' | 'context' | 'variables' | 'env'>;

function createRun(
  request: RunSeed,
  state: StateDefinition,
  history: HistoryRecorder,
  resumed: Pick<Continuation, 'enteredTime' | 'retryCounts'>,
): StateRun {
  return {
    definition: request.definition,
    name: request.stateName,
    state,
    language: languageOf(state, request.definition),
    input: request.input,
    context: request.context,
    variables: request.variables,
    env: request.env,
    history,
    enteredEventId: 0,
    enteredTime: resumed.enteredTime,
    retryCount: resumed.retryCounts.reduce((a, b) => a + (b ?? 0), 0),
    retryCounts: resumed.retryCounts,
  };
}

/** Runs a state's work; evaluation errors become AWS-worded failures (then Retry/Catch). */
async function guarded(run: StateRun, work: () => Promise<StepResult>): Promise<StepResult> {
  try {
    return await work();
  } catch (caught) {
    const error =
      caught instanceof StatesError ? caught : new StatesError(StatesErrorName.Runtime, describe(caught));
    const cause =
      error.error === StatesErrorName.DataLimitExceeded
        ? error.cause
        : `${stateCausePrefix(run.name, run.enteredEventId)} ${error.cause}`;
    return handleFailure(run, error.error, cause);
  }
}

function describe(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught);
}

function missingState(
  name: string,
  history: HistoryRecorder,
  variables: StepRequest['variables'],
): StepResult {
  const run = { history, variables } as StateRun;
  return failState(
    run,
    StatesErrorName.Runtime,
    `The state '${name}' is not defined or has an unknown Type.`,
  );
}
