import { type Diagnostic, DiagnosticCode } from './diagnostic';

export type QueryLanguage = 'JSONPath' | 'JSONata';

/** The default query language when a definition names none. */
export const DEFAULT_QUERY_LANGUAGE: QueryLanguage = 'JSONPath';

/** How deep nested branches, processors and payloads are followed before giving up. */
const MAX_NESTING_DEPTH = 64;

/** What every check needs: where to put findings, and the definition-wide settings. */
export interface ValidationContext {
  readonly diagnostics: Diagnostic[];
  /** The top-level QueryLanguage; states without their own inherit it. */
  readonly topLanguage: QueryLanguage;
  /** Every state name seen so far in the whole machine, with its pointer. */
  readonly stateNames: Map<string, string>;
}

export function createContext(topLanguage: QueryLanguage): ValidationContext {
  return { diagnostics: [], topLanguage, stateNames: new Map() };
}

/** Records an ERROR (the default) or a WARNING. */
export function report(
  ctx: ValidationContext,
  path: string,
  code: DiagnosticCode,
  message: string,
  severity: Diagnostic['severity'] = 'ERROR',
): void {
  ctx.diagnostics.push({ path, code, message, severity });
}

/** Reports NESTING_TOO_DEEP and returns true when `depth` passes the limit. */
export function tooDeep(ctx: ValidationContext, path: string, depth: number): boolean {
  if (depth <= MAX_NESTING_DEPTH) return false;
  report(
    ctx,
    path,
    DiagnosticCode.NESTING_TOO_DEEP,
    `nesting deeper than ${MAX_NESTING_DEPTH} levels is not validated`,
  );
  return true;
}
