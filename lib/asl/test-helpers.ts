/** Helpers for the interpreter's unit tests: a fixed env, a context, one-call steps. */
import { interpretState, resumeState } from './interpret';
import type { JsonValue } from './json';
import type {
  Continuation,
  Definition,
  ExecutionContext,
  ResumeEvent,
  StepEnv,
  StepResult,
  Variables,
} from './types';

/** A fixed clock and a counter-based PRNG. */
export function testEnv(now = '2026-01-01T00:00:00Z', random: () => number = () => 0.5): StepEnv {
  return { now: new Date(now), random };
}

export const testContext: ExecutionContext = {
  Execution: {
    Id: 'arn:aws:states:us-east-1:123456789012:execution:sm:exec',
    Input: { original: true },
    Name: 'exec',
    RoleArn: 'arn:aws:iam::123456789012:role/test',
    StartTime: '2026-01-01T00:00:00.000Z',
  },
  StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:sm', Name: 'sm' },
};

/** A one-state definition (plus optional extra states) around `state`. */
export function oneState(
  state: Record<string, JsonValue>,
  extra: Definition['States'] = {},
  top: Partial<Definition> = {},
): Definition {
  return {
    StartAt: 'S',
    States: { S: { End: true, ...state } as unknown as Definition['States'][string], ...extra },
    ...top,
  };
}

/** Enters `stateName` (default the StartAt) with events numbered from #2. */
export function step(
  definition: Definition,
  input: JsonValue,
  options: { stateName?: string; variables?: Variables; env?: StepEnv; next?: number } = {},
): Promise<StepResult> {
  const next = options.next ?? 2;
  return interpretState({
    definition,
    stateName: options.stateName ?? definition.StartAt,
    input,
    context: testContext,
    variables: options.variables ?? {},
    eventIds: { next, previous: next - 1 },
    env: options.env ?? testEnv(),
  });
}

/** Resumes a paused step with `event`. */
export function resume(
  definition: Definition,
  paused: StepResult,
  event: ResumeEvent,
  options: { env?: StepEnv; next?: number } = {},
): Promise<StepResult> {
  if (paused.next.kind !== 'pause') throw new Error(`expected a pause, got ${paused.next.kind}`);
  const continuation: Continuation = paused.next.continuation;
  const next = options.next ?? 10;
  return resumeState({
    definition,
    continuation,
    event,
    context: testContext,
    variables: paused.variables,
    eventIds: { next, previous: next - 1 },
    env: options.env ?? testEnv(),
  });
}
