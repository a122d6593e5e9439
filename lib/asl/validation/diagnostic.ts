/** One problem found in a definition, located by an RFC 6901 JSON pointer. */
export interface Diagnostic {
  /** JSON pointer into the definition, e.g. `/States/Ship/Next`; `''` is the whole document. */
  path: string;
  /** A stable machine-readable code (see `DiagnosticCode`). */
  code: string;
  /** One sentence for a person. */
  message: string;
  severity: 'ERROR' | 'WARNING';
}

/** The codes validation reports, with when each is used. */
export const DiagnosticCode = {
  /** The definition string is not JSON. */
  INVALID_JSON: 'INVALID_JSON',
  /** The document or a state is the wrong overall shape (not an object, unknown Type). */
  SCHEMA_VALIDATION_FAILED: 'SCHEMA_VALIDATION_FAILED',
  /** A required field is absent. */
  MISSING_FIELD: 'MISSING_FIELD',
  /** A field the state type (or object) does not define. */
  UNKNOWN_FIELD: 'UNKNOWN_FIELD',
  /** A field holds a value of the wrong JSON type. */
  INVALID_TYPE: 'INVALID_TYPE',
  /** A value has the right type but is out of range or not one of the allowed values. */
  INVALID_VALUE: 'INVALID_VALUE',
  /** Two fields that exclude each other are both present. */
  CONFLICTING_FIELDS: 'CONFLICTING_FIELDS',
  /** StartAt, Next, Default or a Catch's Next names no state of its namespace. */
  UNKNOWN_STATE: 'UNKNOWN_STATE',
  /** A state name is empty or longer than 80 characters. */
  INVALID_STATE_NAME: 'INVALID_STATE_NAME',
  /** The same state name is used twice in one state machine (across branches too). */
  DUPLICATE_STATE_NAME: 'DUPLICATE_STATE_NAME',
  /** No path from StartAt leads to the state (a WARNING). */
  UNREACHABLE_STATE: 'UNREACHABLE_STATE',
  /** A Choice rule is malformed. */
  INVALID_CHOICE_RULE: 'INVALID_CHOICE_RULE',
  /** Retry or Catch ErrorEquals is malformed, or States.ALL is misplaced. */
  INVALID_ERROR_MATCHER: 'INVALID_ERROR_MATCHER',
  /** A JSONPath expression does not parse. */
  INVALID_JSONPATH: 'INVALID_JSONPATH',
  /** A reference path (ResultPath) uses operators that can select more than one node. */
  INVALID_REFERENCE_PATH: 'INVALID_REFERENCE_PATH',
  /** A `{% … %}` JSONata expression does not parse. */
  INVALID_JSONATA: 'INVALID_JSONATA',
  /** An intrinsic function call has bad syntax, an unknown name or a wrong argument count. */
  INVALID_INTRINSIC: 'INVALID_INTRINSIC',
  /** A field or syntax of the other query language. */
  QUERY_LANGUAGE_MISMATCH: 'QUERY_LANGUAGE_MISMATCH',
  /** A Task Resource that names no integration of this service. */
  INVALID_RESOURCE: 'INVALID_RESOURCE',
  /** An `approval` Task's Parameters/Arguments have the wrong shape (DESIGN.md §4). */
  INVALID_APPROVAL: 'INVALID_APPROVAL',
  /** The validator itself failed on this input (a bug: please report it with the definition). */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  /** The definition nests deeper than validation follows. */
  NESTING_TOO_DEEP: 'NESTING_TOO_DEEP',
} as const;
export type DiagnosticCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];
