/** Validates a definition before it is stored; invalid ones never become a version. */
import { createHash } from 'node:crypto';
import { validateDefinition, type ValidationResult } from '../asl/validate';
import { expressProblems } from '../asl/validation/express';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import { AppError } from '../errors';

/** AWS's limit on a definition's size. */
const MAX_DEFINITION_BYTES = 1024 * 1024;

/** Validate without storing: every diagnostic with its JSON pointer. An API key needs workflows:read. */
export async function checkDefinition({
  definition,
  actor,
}: {
  definition: string;
  actor: Actor;
}): Promise<ValidationResult> {
  await authorize(actor, 'workflows:read');
  return validateDefinition(definition);
}

export type WorkflowType = 'STANDARD' | 'EXPRESS';

/**
 * Throws INVALID_INPUT with the diagnostics as details, or LIMIT_EXCEEDED for an oversized text.
 * An EXPRESS workflow may not wait outside its run (validation/express.ts).
 */
export function assertValidDefinition(text: string, type: WorkflowType = 'STANDARD'): void {
  if (Buffer.byteLength(text, 'utf8') > MAX_DEFINITION_BYTES) {
    throw new AppError('LIMIT_EXCEEDED', `A definition is at most ${MAX_DEFINITION_BYTES} bytes.`);
  }
  const result = validateDefinition(text);
  const errors = result.ok && type === 'EXPRESS' ? expressProblems(JSON.parse(text)) : result.errors;
  if (errors.length > 0) {
    const count = errors.length;
    throw new AppError('INVALID_INPUT', `The definition has ${count} problem${count === 1 ? '' : 's'}.`, {
      details: errors,
    });
  }
}

export function definitionHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
