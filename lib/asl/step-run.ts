/**
 * The per-step working set shared by the state modules: which state runs, on what, with which
 * variables and clock, and where its history goes. Also the common exits (transition, fail).
 */
import { MAX_PAYLOAD_BYTES } from './constants';
import { StatesError, StatesErrorName } from './errors';
import { HistoryRecorder, outputDetails } from './history';
import type { JsonObject, JsonValue } from './json';
import { serializeJson, utf8Length } from './json-utils';
import type { JsonataScope } from './jsonata/evaluate';
import type { PathScope } from './paths/resolve';
import type {
  Continuation,
  Definition,
  Effect,
  ExecutionContext,
  QueryLanguage,
  StateDefinition,
  StepEnv,
  StepResult,
  Variables,
} from './types';

/** Everything a state module needs for one step. */
export interface StateRun {
  definition: Definition;
  name: string;
  state: StateDefinition;
  language: QueryLanguage;
  /** The raw state input, before InputPath. */
  input: JsonValue;
  context: ExecutionContext;
  variables: Variables;
  env: StepEnv;
  history: HistoryRecorder;
  enteredEventId: number;
  enteredTime: string;
  retryCount: number;
  retryCounts: number[];
  contextObject?: JsonObject;
}

/** The state's query language: its own field, else the definition's, else JSONPath. */
export function languageOf(state: StateDefinition, definition: Definition): QueryLanguage {
  const own = state.QueryLanguage ?? definition.QueryLanguage;
  return own === 'JSONata' ? 'JSONata' : 'JSONPath';
}

/** `$$` / `$states.context`: the engine's context plus `State`, built once per step. */
function contextObject(run: StateRun): JsonObject {
  if (!run.contextObject) {
    const { Execution, StateMachine, Map, Task } = run.context;
    const object: JsonObject = {
      Execution,
      StateMachine,
      State: { EnteredTime: run.enteredTime, Name: run.name, RetryCount: run.retryCount },
    };
    if (Map) object.Map = Map;
    if (Task) object.Task = Task;
    run.contextObject = object;
  }
  return run.contextObject;
}

/** A JSONPath scope whose `$` is `input`. */
export function pathScope(run: StateRun, input: JsonValue): PathScope {
  return { input, variables: run.variables, context: () => contextObject(run), random: run.env.random };
}

/** A JSONata scope with `$states.input` and optional result / errorOutput. */
export function jsonataScope(
  run: StateRun,
  extra: { result?: JsonValue; errorOutput?: JsonValue } = {},
): JsonataScope {
  return {
    states: { input: run.input, context: contextObject(run), ...extra },
    variables: run.variables,
    env: run.env,
  };
}

/** Serializes a payload and enforces the 256 KiB limit (States.DataLimitExceeded). */
export function serializePayload(run: StateRun, value: JsonValue): string {
  const text = serializeJson(value);
  if (text.length > MAX_PAYLOAD_BYTES / 4 && utf8Length(text) > MAX_PAYLOAD_BYTES) {
    throw new StatesError(
      StatesErrorName.DataLimitExceeded,
      `The state/task '${run.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    );
  }
  return text;
}

/** Leaves the state: records `<Type>StateExited`, applies variables, goes to Next or ends. */
export function exitState(run: StateRun, output: JsonValue, assigned?: Variables, next?: string): StepResult {
  const text = serializePayload(run, output);
  run.history.add(`${run.state.Type}StateExited`, 'stateExitedEventDetails', {
    name: run.name,
    ...outputDetails(text),
  });
  const variables =
    assigned && Object.keys(assigned).length > 0 ? { ...run.variables, ...assigned } : run.variables;
  const target = next ?? (typeof run.state.Next === 'string' ? run.state.Next : undefined);
  if (run.state.End === true || target === undefined) {
    return { next: { kind: 'succeed', output }, effects: [], history: run.history.events, variables };
  }
  return {
    next: { kind: 'goto', state: target, output },
    effects: [],
    history: run.history.events,
    variables,
  };
}

/** Ends the (sub)execution with a failure; the caller records ExecutionFailed / MapIterationFailed. */
export function failState(run: StateRun, error: string | null, cause?: string): StepResult {
  return {
    next: { kind: 'fail', error, cause },
    effects: [],
    history: run.history.events,
    variables: run.variables,
  };
}

/** Pauses on one effect; the continuation carries what the resume needs. */
export function pauseState(
  run: StateRun,
  phase: Continuation['phase'],
  effect: Effect,
  extra: object = {},
): StepResult {
  return {
    next: {
      kind: 'pause',
      continuation: {
        stateName: run.name,
        phase,
        input: run.input,
        enteredEventId: run.enteredEventId,
        enteredTime: run.enteredTime,
        retryCounts: run.retryCounts,
        ...extra,
      },
    },
    effects: [effect],
    history: run.history.events,
    variables: run.variables,
  };
}

/** A pause that the event did not end (a stale timer, say): nothing changes. */
export function stillPaused(run: StateRun, continuation: Continuation): StepResult {
  return {
    next: { kind: 'pause', continuation },
    effects: [],
    history: run.history.events,
    variables: run.variables,
  };
}
