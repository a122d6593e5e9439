/** The vocabulary of the field tables: what each field of an ASL object may hold. */
import type { QueryLanguage } from './context';
import type { DiagnosticCode } from './diagnostic';
import type { PathKind } from './expressions';

export type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null' | 'any';

export interface FieldSpec {
  /** The JSON type(s) allowed; `integer` is a whole `number`. */
  type: ValueType | readonly ValueType[];
  required?: boolean;
  /** The field exists only in this query language. */
  language?: QueryLanguage;
  /** In JSONata mode the value may be a `"{% … %}"` expression instead. */
  computed?: boolean;
  /** The value is a payload template (`.$` keys, or `{% … %}` strings in JSONata). */
  template?: boolean;
  /** A string value must parse as this kind of path. */
  path?: PathKind;
  /** A string value must be an RFC 3339 timestamp. */
  timestamp?: boolean;
  /** Inclusive numeric bounds; `exclusiveMin` makes `min` strict. */
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  /** The allowed string values. */
  enum?: readonly string[];
}

export type FieldTable = Readonly<Record<string, FieldSpec>>;

/** Fields of which at most one may appear (and, when `required`, exactly one). */
export interface ExclusiveGroup {
  fields: readonly string[];
  required?: boolean;
}

/** A field that is known but wrong here, with the diagnostic to give instead of UNKNOWN_FIELD. */
export interface MisplacedField {
  code: DiagnosticCode;
  message: string;
}

/** The whole description of one kind of ASL object. */
export interface ObjectSpec {
  /** For messages: `a Task state`, `a Retry rule`. */
  what: string;
  fields: FieldTable;
  exclusive?: readonly ExclusiveGroup[];
  misplaced?: Readonly<Record<string, MisplacedField>>;
}
