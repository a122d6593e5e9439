/**
 * History events the interpreter does not build: the execution's own (Aborted, Redriven,
 * TimedOut) and a frame's that happen outside a step (ActivityStarted).
 */
import type { JsonObject } from '../../asl';
import type { LiveFrame } from './live-frame';
import type { Session } from './session';

export function recordExecutionEvent(
  session: Session,
  type: string,
  detailsKey: string,
  details: JsonObject,
): void {
  recordFrameEvent(session, undefined, type, detailsKey, details);
}

/** An event after the frame's last one (the frame is then written with the session). */
export function recordFrameEvent(
  session: Session,
  frame: LiveFrame | undefined,
  type: string,
  detailsKey: string,
  details: JsonObject,
): void {
  const cursor = session.cursor(frame);
  session.record(frame, [
    {
      id: cursor.next,
      previousEventId: cursor.previous,
      timestamp: session.now.toISOString(),
      type,
      [detailsKey]: details,
    },
  ]);
  if (frame) frame.dirty = true;
}

/** `{ error, cause }` without the absent ones, as AWS prints event details. */
export function errorDetails(error?: string | null, cause?: string | null): JsonObject {
  const details: JsonObject = {};
  if (error != null) details.error = error;
  if (cause != null) details.cause = cause;
  return details;
}
