/**
 * Turns the effect a paused step returned into rows, or answers it at once: a Wait or retry
 * that is already due resumes in the same transaction (Wait 0 costs no commit), a timer
 * otherwise; a task goes to its integration; Parallel/Map start child frames.
 */
import type { Effect } from '../../asl';
import { startTask } from '../integrations/start-task';
import { startBranches } from './branches';
import type { LiveFrame } from './live-frame';
import type { Session } from './session';

export async function applyEffect(session: Session, frame: LiveFrame, effect: Effect): Promise<void> {
  if (effect.type === 'ScheduleTimer') {
    const dueAt = new Date(effect.dueAt);
    if (dueAt.getTime() <= session.now.getTime()) return session.wake(frame, { type: 'TimerFired' });
    session.timers.push({
      key: `${frame.id}:${effect.purpose}:${session.nextEventId}`,
      frameId: frame.id,
      purpose: effect.purpose,
      dueAt,
    });
    return;
  }
  if (effect.type === 'InvokeTask') return startTask(session, frame, effect);
  return startBranches(session, frame, effect);
}
