/** Execution-level history events the interpreter does not build (Aborted, Redriven, TimedOut). */
import type { JsonObject } from '../../asl';
import type { Session } from './session';

export function recordExecutionEvent(session: Session, type: string, detailsKey: string, details: JsonObject): void {
  const cursor = session.cursor(undefined);
  session.record(undefined, [{ id: cursor.next, previousEventId: cursor.previous, timestamp: session.now.toISOString(), type, [detailsKey]: details }]);
}

/** `{ error, cause }` without the absent ones, as AWS prints event details. */
export function errorDetails(error?: string | null, cause?: string | null): JsonObject {
  const details: JsonObject = {};
  if (error != null) details.error = error;
  if (cause != null) details.cause = cause;
  return details;
}
