/** AWS's payload rules: JSON text of at most 256 KiB (and, ours, at most MAX_JSON_DEPTH deep). */
import type { JsonValue } from '../asl';
import { MAX_JSON_DEPTH } from '../asl/constants';
import { jsonDepthExceeds } from '../asl/json-utils';
import { AppError } from '../errors';

export const MAX_PAYLOAD_BYTES = 256 * 1024;

/** Parses and size-checks a payload; `what` names it in the error ("input", "output"). */
export function parsePayload(text: string, what: string): JsonValue {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new AppError(
      'LIMIT_EXCEEDED',
      `The ${what} is ${bytes} bytes; the limit is ${MAX_PAYLOAD_BYTES} (256 KiB).`,
      {
        details: { awsErrorType: 'InvalidExecutionInput' },
      },
    );
  }
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    throw new AppError('INVALID_INPUT', `The ${what} is not valid JSON.`, {
      details: [{ path: what, message: 'not valid JSON' }],
    });
  }
  assertJsonDepth(value, what);
  return value;
}

/** INVALID_INPUT when `value` nests deeper than MAX_JSON_DEPTH (checked before it is serialized). */
export function assertJsonDepth(value: unknown, what: string): void {
  if (jsonDepthExceeds(value, MAX_JSON_DEPTH))
    throw new AppError('INVALID_INPUT', `The ${what} nests deeper than ${MAX_JSON_DEPTH} levels.`, {
      details: [{ path: what, message: `nested deeper than ${MAX_JSON_DEPTH} levels` }],
    });
}
