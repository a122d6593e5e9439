/** Input checks that AWS answers with their own error types (not ValidationException). */
import { MAX_JSON_DEPTH } from '../asl/constants';
import { jsonDepthExceeds } from '../asl/json-utils';
import { validateDefinition } from '../asl/validate';
import { expressProblems } from '../asl/validation/express';
import { AWS_NAME_PATTERN } from '../workflows/schemas';
import { sfnError } from './sfn-error';

export function assertName(name: string, what = 'name'): void {
  if (!AWS_NAME_PATTERN.test(name))
    throw sfnError(
      'InvalidName',
      `Invalid Name: '${name}' is not a valid ${what} (1–80 characters without whitespace, brackets, wildcards or special characters).`,
    );
}

/** InvalidDefinition naming every problem with its JSON pointer, as AWS's message does. */
export function assertDefinition(text: string, type: 'STANDARD' | 'EXPRESS' = 'STANDARD'): void {
  const result = validateDefinition(text);
  const errors = result.ok && type === 'EXPRESS' ? expressProblems(JSON.parse(text)) : result.errors;
  if (errors.length === 0) return;
  const problems = errors.map((d) => `${d.code}: ${d.message} at ${d.path || '/'}`);
  throw sfnError('InvalidDefinition', `Invalid State Machine Definition: '${problems.join(', ')}'`);
}

/** JSON text (AWS's `input`, `output`): InvalidExecutionInput / InvalidOutput otherwise. */
export function assertJsonText(text: string, errorType: 'InvalidExecutionInput' | 'InvalidOutput'): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > 256 * 1024)
    throw sfnError(
      errorType === 'InvalidOutput' ? 'InvalidOutput' : 'InvalidExecutionInput',
      `The payload is ${bytes} bytes; the limit is 262144 (256 KiB).`,
    );
  const what = errorType === 'InvalidOutput' ? 'Invalid Output' : 'Invalid Execution Input';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw sfnError(errorType, `${what}: the text is not valid JSON.`);
  }
  if (jsonDepthExceeds(value, MAX_JSON_DEPTH))
    throw sfnError(errorType, `${what}: the JSON nests deeper than ${MAX_JSON_DEPTH} levels.`);
}
