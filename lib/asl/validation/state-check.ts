/** What a type-specific state check receives; shared by state.ts and the checks it calls. */
import type { QueryLanguage, ValidationContext } from './context';
import type { ObjectSpec } from './field-spec';
import type { JsonRecord } from './json-type';

/** Validates a nested machine; machine.ts supplies it, so states and machines do not import each other. */
export type NestedValidator = (machine: unknown, path: string, spec: ObjectSpec, depth: number) => void;

/** Everything a type-specific check receives. */
export interface StateCheckInput {
  state: JsonRecord;
  path: string;
  ctx: ValidationContext;
  language: QueryLanguage;
  depth: number;
  validateNested: NestedValidator;
}
