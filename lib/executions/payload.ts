/** AWS's payload rules: JSON text of at most 256 KiB. */
import type { JsonValue } from '../asl';
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
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new AppError('INVALID_INPUT', `The ${what} is not valid JSON.`, {
      details: [{ path: what, message: 'not valid JSON' }],
    });
  }
}
