/**
 * An in-memory driver: runs a definition to completion through the pure steps, answering tasks
 * from mocks (MockConfigFile shape: `Return` / `Throw` per attempt, keyed by state name),
 * running Parallel branches and Map iterations one after another, and advancing a virtual clock
 * for Waits and retry back-offs instead of sleeping. Used by tests, the conformance runner and
 * the benchmark; the durable engine drives the same steps through the database.
 */
import { MAX_HISTORY_EVENTS } from './constants';
import { executionEndedEvent, executionStartedEvent, mapIterationEvent } from './execution-events';
import { interpretState, resumeState } from './interpret';
import type { JsonValue } from './json';
import type {
  BranchOutcome,
  Definition,
  Effect,
  ExecutionContext,
  HistoryEvent,
  ResumeEvent,
  StepEnv,
  Variables,
} from './types';
import { uuidFrom } from './uuid';

/** One mocked attempt of a Task state. */
export type MockResponse = { Return: JsonValue } | { Throw: { Error: string; Cause?: string } };

/** A task the driver cannot mock is passed to this handler (tests); else the execution fails. */
type TaskHandler = (task: {
  stateName: string;
  resource: string;
  input: JsonValue;
  taskToken?: string;
}) =>
  | Promise<{ output: JsonValue } | { error: string; cause?: string }>
  | { output: JsonValue }
  | { error: string; cause?: string };

export interface InMemoryOptions {
  mocks?: Record<string, MockResponse[]>;
  tasks?: TaskHandler;
  /** Virtual start time (default 2024-01-01T00:00:00Z). */
  startTime?: Date | string;
  /** Seed of the deterministic PRNG (default 1), or a PRNG of your own. */
  seed?: number;
  random?: () => number;
  executionName?: string;
  stateMachineName?: string;
  /** History events allowed before the execution fails (default 25,000, as on AWS). */
  maxEvents?: number;
  /** Keep the history events in the result (default true). */
  recordHistory?: boolean;
  /**
   * Real time instead of the virtual clock (Express executions): Waits and retry back-offs
   * sleep, and `now` is the wall clock. The caller supplies both, so this module stays pure.
   */
  clock?: { now(): number; sleep(ms: number): Promise<void> };
  /** Stops the run before its next step (a timeout); the run then rejects with the reason. */
  signal?: AbortSignal;
}

export interface InMemoryResult {
  status: 'SUCCEEDED' | 'FAILED';
  output?: JsonValue;
  error?: string | null;
  cause?: string;
  history: HistoryEvent[];
  eventCount: number;
  /** Virtual time when the execution ended. */
  stopDate: string;
}

const ROLE_ARN = 'arn:aws:iam::123456789012:role/signoff-in-memory';

/** A small seeded PRNG (mulberry32): reproducible runs without Math.random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class EventLimitExceeded extends Error {}

/** Runs `definition` on `input` to the end. */
export async function runInMemory(
  definition: Definition,
  input: JsonValue,
  options: InMemoryOptions = {},
): Promise<InMemoryResult> {
  const runner = new Runner(options);
  const context = runner.executionContext(input);
  runner.record(executionStartedEvent(input, ROLE_ARN, runner.cursor(), runner.env()));
  let outcome: BranchOutcome;
  try {
    outcome = await runner.runThread(definition, input, context, {});
  } catch (error) {
    if (!(error instanceof EventLimitExceeded)) throw error;
    outcome = { status: 'FAILED', error: 'States.Runtime', cause: error.message };
  }
  runner.record(executionEndedEvent(outcome, runner.cursor(), runner.env()), false);
  const base = {
    history: runner.history,
    eventCount: runner.nextId - 1,
    stopDate: runner.env().now.toISOString(),
  };
  if (outcome.status === 'SUCCEEDED') return { status: 'SUCCEEDED', output: outcome.output, ...base };
  return { status: 'FAILED', error: outcome.error, cause: outcome.cause, ...base };
}

class Runner {
  readonly history: HistoryEvent[] = [];
  nextId = 1;
  private clock: number;
  private readonly random: () => number;
  private readonly mockCalls = new Map<string, number>();

  constructor(private readonly options: InMemoryOptions) {
    this.clock = options.clock?.now() ?? new Date(options.startTime ?? '2024-01-01T00:00:00Z').getTime();
    this.random = options.random ?? seededRandom(options.seed ?? 1);
  }

  private cachedEnv?: StepEnv;

  /** The env of the next step; one object per virtual instant (steps never mutate it). */
  env(): StepEnv {
    if (this.options.clock) this.clock = this.options.clock.now();
    if (!this.cachedEnv || this.cachedEnv.now.getTime() !== this.clock)
      this.cachedEnv = { now: new Date(this.clock), random: this.random };
    return this.cachedEnv;
  }

  cursor() {
    return { next: this.nextId, previous: this.nextId - 1 };
  }

  record(events: HistoryEvent[], enforceLimit = true): void {
    this.nextId += events.length;
    if (this.options.recordHistory !== false) for (const e of events) this.history.push(e);
    const limit = this.options.maxEvents ?? MAX_HISTORY_EVENTS;
    if (enforceLimit && this.nextId - 1 > limit) {
      throw new EventLimitExceeded(`The execution reached the maximum number of history events (${limit}).`);
    }
  }

  executionContext(input: JsonValue): ExecutionContext {
    const smName = this.options.stateMachineName ?? 'in-memory';
    const name = this.options.executionName ?? uuidFrom(this.random);
    return {
      Execution: {
        Id: `arn:aws:states:us-east-1:123456789012:execution:${smName}:${name}`,
        Input: input,
        Name: name,
        RoleArn: ROLE_ARN,
        StartTime: new Date(this.clock).toISOString(),
      },
      StateMachine: { Id: `arn:aws:states:us-east-1:123456789012:stateMachine:${smName}`, Name: smName },
    };
  }

  /** Runs a definition (or branch) from StartAt until it succeeds or fails. */
  async runThread(
    definition: Definition,
    input: JsonValue,
    context: ExecutionContext,
    variables: Variables,
  ): Promise<BranchOutcome> {
    let stateName = definition.StartAt;
    let current = input;
    let vars = variables;
    for (;;) {
      this.options.signal?.throwIfAborted();
      let step = await interpretState({
        definition,
        context,
        env: this.env(),
        stateName,
        input: current,
        variables: vars,
        eventIds: this.cursor(),
      });
      this.record(step.history);
      while (step.next.kind === 'pause') {
        const continuation = step.next.continuation;
        const event = await this.perform(step.effects[0], continuation.stateName, context);
        step = await resumeState({
          definition,
          context,
          env: this.env(),
          continuation,
          event,
          variables: step.variables,
          eventIds: this.cursor(),
        });
        this.record(step.history);
      }
      vars = step.variables;
      const next = step.next;
      if (next.kind === 'goto') {
        stateName = next.state;
        current = next.output;
      } else if (next.kind === 'succeed') return { status: 'SUCCEEDED', output: next.output };
      else if (next.kind === 'fail') return { status: 'FAILED', error: next.error, cause: next.cause };
    }
  }

  private async perform(
    effect: Effect | undefined,
    stateName: string,
    context: ExecutionContext,
  ): Promise<ResumeEvent> {
    if (!effect) return { type: 'TimerFired' };
    if (effect.type === 'ScheduleTimer') {
      const clock = this.options.clock;
      if (clock) await clock.sleep(Date.parse(effect.dueAt) - clock.now());
      this.clock = Math.max(clock ? clock.now() : this.clock, Date.parse(effect.dueAt));
      return { type: 'TimerFired' };
    }
    if (effect.type === 'InvokeTask') return this.invoke(stateName, effect);
    return { type: 'BranchesCompleted', outcomes: await this.runBranches(effect, stateName, context) };
  }

  private async invoke(
    stateName: string,
    effect: Extract<Effect, { type: 'InvokeTask' }>,
  ): Promise<ResumeEvent> {
    const mocks = this.options.mocks?.[stateName];
    if (mocks) {
      const call = this.mockCalls.get(stateName) ?? 0;
      this.mockCalls.set(stateName, call + 1);
      const mock = mocks[call];
      if (!mock)
        return {
          type: 'TaskFailed',
          error: 'States.Runtime',
          cause: `No mock response #${call + 1} for state '${stateName}'.`,
        };
      if ('Return' in mock) return { type: 'TaskSucceeded', output: mock.Return };
      return { type: 'TaskFailed', error: mock.Throw.Error, cause: mock.Throw.Cause };
    }
    if (this.options.tasks) {
      const result = await this.options.tasks({
        stateName,
        resource: effect.resource,
        input: effect.input,
        taskToken: effect.taskToken,
      });
      return 'output' in result
        ? { type: 'TaskSucceeded', output: result.output }
        : { type: 'TaskFailed', ...result };
    }
    return {
      type: 'TaskFailed',
      error: 'States.Runtime',
      cause: `The in-memory driver cannot run the resource '${effect.resource}' of state '${stateName}': give a mock or a task handler.`,
    };
  }

  private async runBranches(
    effect: Extract<Effect, { type: 'StartBranches' }>,
    stateName: string,
    context: ExecutionContext,
  ): Promise<BranchOutcome[]> {
    const outcomes: BranchOutcome[] = [];
    const branchContext: ExecutionContext = {
      Execution: context.Execution,
      StateMachine: context.StateMachine,
    };
    const tolerant =
      effect.kind === 'Map' &&
      (effect.toleratedFailureCount !== undefined || effect.toleratedFailurePercentage !== undefined);
    for (let i = 0; i < effect.branches.length; i++) {
      const branch = effect.branches[i];
      if (effect.kind === 'Map')
        this.record(mapIterationEvent('Started', stateName, i, this.cursor(), this.env()));
      const outcome = await this.runThread(branch.definition, branch.input, branchContext, {
        ...effect.variables,
      });
      if (effect.kind === 'Map') {
        const phase = outcome.status === 'SUCCEEDED' ? 'Succeeded' : 'Failed';
        this.record(mapIterationEvent(phase, stateName, i, this.cursor(), this.env()));
      }
      outcomes.push(outcome);
      if (outcome.status === 'FAILED' && !tolerant) break;
    }
    return outcomes;
  }
}
