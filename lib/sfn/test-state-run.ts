/**
 * TestState's driver: runs one state through the pure interpreter. A Wait is skipped (its timer
 * fires at once), a Task is answered by the request's mock, a Retry stops the run (RETRIABLE).
 */
import {
  completeTask,
  fireTimer,
  interpretState,
  type Definition,
  type ExecutionContext,
  type JsonValue,
  type StepEnv,
  type StepResult,
} from '../asl';
import { MAX_JSON_DEPTH } from '../asl/constants';
import { jsonDepthExceeds } from '../asl/json-utils';
import { sfnError } from './sfn-error';

type TestMock = { result?: string; errorOutput?: { error?: string; cause?: string } };

export interface TestStateOutcome {
  status: 'SUCCEEDED' | 'FAILED' | 'CAUGHT_ERROR' | 'RETRIABLE';
  output?: string;
  error?: string;
  cause?: string;
  nextState?: string;
}

interface RunOptions {
  definition: Definition;
  stateName: string;
  input: JsonValue;
  variables: Record<string, JsonValue>;
  context: ExecutionContext;
  env: StepEnv;
  mock?: TestMock;
}

/** The interpreter may step a state at most this often (a Wait, then a Task answer, …). */
const MAX_STEPS = 5;

export async function runTestState(options: RunOptions): Promise<TestStateOutcome> {
  const base = {
    definition: options.definition,
    context: options.context,
    variables: options.variables,
    eventIds: { next: 1, previous: 0 },
    env: options.env,
  };
  let step = await interpretState({ ...base, stateName: options.stateName, input: options.input });
  for (let i = 0; i < MAX_STEPS && step.next.kind === 'pause'; i++) {
    const continuation = step.next.continuation;
    const effect = step.effects[0];
    const resume = {
      ...base,
      continuation,
      variables: step.variables,
      eventIds: { next: 100 * (i + 1), previous: 0 },
    };
    if (continuation.phase === 'retry') return { status: 'RETRIABLE', ...mockError(options.mock) };
    if (effect?.type === 'ScheduleTimer') step = await fireTimer(resume);
    else if (effect?.type === 'InvokeTask') step = await completeTask(resume, mockOutcome(options.mock));
    else throw sfnError('ValidationException', 'TestState does not run Parallel or Map states.');
  }
  return outcomeOf(step, options.mock);
}

function mockOutcome(mock: TestMock | undefined): { output: JsonValue } | { error: string; cause?: string } {
  if (mock?.result !== undefined) return { output: mockResult(mock.result) };
  if (mock?.errorOutput) return { error: mock.errorOutput.error ?? '', cause: mock.errorOutput.cause };
  throw sfnError(
    'ValidationException',
    'TestState runs a Task state only with a mock (mock.result or mock.errorOutput): Signoff does not call integrations from TestState.',
  );
}

/** `mock.result`: JSON text (ValidationException otherwise). */
function mockResult(text: string): JsonValue {
  try {
    const value = JSON.parse(text) as JsonValue;
    if (!jsonDepthExceeds(value, MAX_JSON_DEPTH)) return value;
  } catch {
    // refused below
  }
  throw sfnError('ValidationException', `mock.result must be JSON at most ${MAX_JSON_DEPTH} levels deep.`);
}

function mockError(mock: TestMock | undefined): { error?: string; cause?: string } {
  return { error: mock?.errorOutput?.error, cause: mock?.errorOutput?.cause };
}

function outcomeOf(step: StepResult, mock: TestMock | undefined): TestStateOutcome {
  const next = step.next;
  if (next.kind === 'pause')
    throw sfnError('ValidationException', 'The state did not finish within TestState.');
  if (next.kind === 'fail') return { status: 'FAILED', error: next.error ?? undefined, cause: next.cause };
  const output = JSON.stringify(next.output);
  const nextState = next.kind === 'goto' ? next.state : undefined;
  if (mock?.errorOutput && next.kind === 'goto')
    return { status: 'CAUGHT_ERROR', output, nextState, ...mockError(mock) };
  return { status: 'SUCCEEDED', output, nextState };
}
