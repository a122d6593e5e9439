/** Shared helpers for the validation tests. */
import { type ValidationResult, validateDefinition } from '../validate';

export interface Finding {
  path: string;
  code: string;
}

/** The errors (or warnings) of a definition as `{ path, code }`, in reporting order. */
export function findings(definition: unknown, severity: 'ERROR' | 'WARNING' = 'ERROR'): Finding[] {
  const result: ValidationResult = validateDefinition(definition);
  const list = severity === 'ERROR' ? result.errors : result.warnings;
  return list.map(({ path, code }) => ({ path, code }));
}

/** The error messages of a definition. */
export function errorMessages(definition: unknown): string[] {
  return validateDefinition(definition).errors.map((d) => d.message);
}

/** A one-state machine around `state` named `S`; `extra` adds top-level fields. */
export function single(
  state: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { StartAt: 'S', States: { S: state }, ...extra };
}

/** A one-state JSONata machine. */
export function singleJsonata(state: Record<string, unknown>): Record<string, unknown> {
  return single(state, { QueryLanguage: 'JSONata' });
}
