/**
 * Runs one frame as far as it goes without outside work: enters states (or resumes the paused
 * one with its pending event), follows `goto`s, and stops when the frame pauses on an effect
 * it cannot answer at once, ends, or the step budget runs out.
 */
import { interpretState, resumeState, type StepResult } from '../../asl';
import { definitionAt } from '../definitions';
import { applyEffect } from './apply-effect';
import { announceIteration, NOT_ANNOUNCED } from './branches';
import { endFrame } from './end-frame';
import type { LiveFrame } from './live-frame';
import type { Session } from './session';

/** Steps `frame` while it is RUNNING; returns how many steps it took. */
export async function stepFrame(session: Session, frame: LiveFrame, budget: number): Promise<number> {
  let steps = 0;
  while (frame.status === 'RUNNING' && steps < budget) {
    steps += 1;
    if (frame.lastEventId === NOT_ANNOUNCED) announceIteration(session, frame);
    const step = await runOneStep(session, frame);
    session.record(frame, step.history);
    frame.variables = step.variables;
    frame.event = undefined;
    frame.dirty = true;
    const next = step.next;
    if (next.kind === 'goto') {
      frame.stateName = next.state;
      frame.input = next.output;
      frame.continuation = undefined;
    } else if (next.kind === 'pause') {
      frame.continuation = next.continuation;
      frame.status = 'WAITING';
      if (step.effects[0]) await applyEffect(session, frame, step.effects[0]);
    } else if (next.kind === 'succeed') {
      await endFrame(session, frame, { status: 'SUCCEEDED', output: next.output });
    } else {
      await endFrame(session, frame, { status: 'FAILED', error: next.error, cause: next.cause });
    }
  }
  return steps;
}

function runOneStep(session: Session, frame: LiveFrame): Promise<StepResult> {
  const definition = definitionAt(session.pinned, frame.path);
  const common = {
    definition,
    context: session.context(frame),
    variables: frame.variables,
    eventIds: session.cursor(frame),
    env: session.env,
  };
  if (frame.event && frame.continuation)
    return resumeState({ ...common, continuation: frame.continuation, event: frame.event });
  return interpretState({ ...common, stateName: frame.stateName, input: frame.input });
}
