/**
 * Definition validation, as AWS's ValidateStateMachineDefinition does it and more: every problem
 * in one pass, each with an RFC 6901 JSON pointer and a sentence. Pure: no I/O, never throws.
 * The checks live in ./validation/ (one module per concern, driven by field tables).
 */
import { MAX_JSON_DEPTH } from './constants';
import { jsonDepthExceeds } from './json-utils';
import { createContext } from './validation/context';
import { type Diagnostic, DiagnosticCode } from './validation/diagnostic';
import { machineSpec, validateMachine } from './validation/machine';
import { topLevelLanguage } from './validation/query-language';

export type { Diagnostic } from './validation/diagnostic';
export interface ValidationResult {
  /** True when there are no errors (warnings do not count). */
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** Validates a definition given as a parsed object or as a JSON string (parse errors at path ''). */
export function validateDefinition(definition: unknown): ValidationResult {
  try {
    return validateParsed(typeof definition === 'string' ? JSON.parse(definition) : definition);
  } catch (error) {
    const syntax = error instanceof SyntaxError;
    const message = syntax
      ? `the definition is not valid JSON: ${error.message}.`
      : `the definition could not be validated: ${String(error)}.`;
    return toResult([
      {
        path: '',
        code: syntax ? DiagnosticCode.INVALID_JSON : DiagnosticCode.INTERNAL_ERROR,
        message,
        severity: 'ERROR',
      },
    ]);
  }
}

function validateParsed(definition: unknown): ValidationResult {
  if (jsonDepthExceeds(definition, MAX_JSON_DEPTH))
    return toResult([
      {
        path: '',
        code: DiagnosticCode.NESTING_TOO_DEEP,
        message: `the definition nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`,
        severity: 'ERROR',
      },
    ]);
  const ctx = createContext(topLevelLanguage(definition));
  validateMachine(definition, '', machineSpec, ctx);
  return toResult(ctx.diagnostics);
}

function toResult(diagnostics: Diagnostic[]): ValidationResult {
  const errors = diagnostics.filter((d) => d.severity === 'ERROR');
  const warnings = diagnostics.filter((d) => d.severity === 'WARNING');
  return { ok: errors.length === 0, errors, warnings };
}

/** `/States/Ship/Next: state "Shipp" does not exist — did you mean "Ship"?` (the root shows as `(root)`). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.path === '' ? '(root)' : d.path}: ${d.message}`;
}
