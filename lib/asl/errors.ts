/**
 * Errors a state raises while it runs. Their names are AWS's; workflow failures are data on the
 * execution (DESIGN.md), so a StatesError never reaches HTTP: the interpreter turns it into a
 * `fail` step, a Retry or a Catch.
 */
export const StatesErrorName = {
  ALL: 'States.ALL',
  Runtime: 'States.Runtime',
  Timeout: 'States.Timeout',
  HeartbeatTimeout: 'States.HeartbeatTimeout',
  TaskFailed: 'States.TaskFailed',
  Permissions: 'States.Permissions',
  QueryEvaluationError: 'States.QueryEvaluationError',
  IntrinsicFailure: 'States.IntrinsicFailure',
  ResultPathMatchFailure: 'States.ResultPathMatchFailure',
  ParameterPathFailure: 'States.ParameterPathFailure',
  BranchFailed: 'States.BranchFailed',
  NoChoiceMatched: 'States.NoChoiceMatched',
  ExceedToleratedFailureThreshold: 'States.ExceedToleratedFailureThreshold',
  ItemReaderFailed: 'States.ItemReaderFailed',
  ResultWriterFailed: 'States.ResultWriterFailed',
  DataLimitExceeded: 'States.DataLimitExceeded',
} as const;

/** A runtime failure inside a state: `error` is the ASL error name, `cause` AWS's text. */
export class StatesError extends Error {
  constructor(
    readonly error: string,
    readonly cause: string,
  ) {
    super(`${error}: ${cause}`);
    this.name = 'StatesError';
  }
}

/** The prefix AWS puts before causes raised while a state evaluates its fields. */
export function stateCausePrefix(stateName: string, enteredEventId: number): string {
  return `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}).`;
}

/** Shorthand for a `States.Runtime` failure with AWS's message. */
export function runtimeError(cause: string): StatesError {
  return new StatesError(StatesErrorName.Runtime, cause);
}

/** Shorthand for a `States.QueryEvaluationError` failure with AWS's message. */
export function queryEvaluationError(cause: string): StatesError {
  return new StatesError(StatesErrorName.QueryEvaluationError, cause);
}

/**
 * Errors a Retrier or Catcher may never match, even with `States.ALL`: they are terminal
 * (AWS: "States.ALL can't catch States.DataLimitExceeded and runtime errors").
 */
export const terminalErrors: ReadonlySet<string> = new Set([
  StatesErrorName.Runtime,
  StatesErrorName.DataLimitExceeded,
]);
