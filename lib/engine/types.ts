/** Types of the engine's public API. */
import type { JsonValue } from '../asl';

/** What a caller reports for a task token (SendTaskSuccess / Failure / Heartbeat). */
export type TaskTokenOutcome =
  | { type: 'success'; output: JsonValue }
  | { type: 'failure'; error?: string; cause?: string }
  | { type: 'heartbeat' };
