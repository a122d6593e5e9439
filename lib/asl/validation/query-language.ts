/**
 * The two query languages. JSONPath states use InputPath, Parameters, ResultSelector,
 * ResultPath, OutputPath and `.$` keys; JSONata states use Arguments, Output, Condition and
 * `{% … %}`. A state may choose its own language, except that a JSONata machine cannot hold a
 * JSONPath state (AWS rejects it).
 */
import { DEFAULT_QUERY_LANGUAGE, type QueryLanguage, type ValidationContext, report } from './context';
import { DiagnosticCode } from './diagnostic';
import { type JsonRecord, hasOwn, isRecord } from './json-type';
import { joinPointer } from './pointer';

export const queryLanguages: readonly QueryLanguage[] = ['JSONPath', 'JSONata'];

/** What to write instead, per field of the other language. */
const replacements: Readonly<Record<string, string>> = {
  InputPath: 'read $states.input inside Arguments or Output',
  Parameters: 'use "Arguments"',
  ResultSelector: 'use "Output" with $states.result',
  ResultPath: 'use "Output" or "Assign" with $states.result',
  OutputPath: 'use "Output"',
  Result: 'use "Output"',
  ItemsPath: 'use "Items"',
  Iterator: 'use "ItemProcessor"',
  Variable: 'use "Condition"',
  Arguments: 'use "Parameters"',
  Output: 'use "OutputPath", "ResultSelector" or "ResultPath"',
  Condition: 'use "Variable" with a comparison operator',
  Items: 'use "ItemsPath"',
};

/** Choice rule fields of JSONPath that JSONata replaces with one Condition. */
const JSONPATH_RULE_FIELD = /^(String|Numeric|Boolean|Timestamp|Is[A-Z]|And$|Or$|Not$)/;

function replacementFor(field: string): string {
  if (hasOwn(replacements, field)) return replacements[field];
  if (JSONPATH_RULE_FIELD.test(field)) return 'use "Condition"';
  if (field.endsWith('Path')) return `use ${JSON.stringify(field.slice(0, -4))} with a "{% … %}" expression`;
  return 'set "QueryLanguage" on the state';
}

/** `"InputPath" is a JSONPath field; in a JSONata state read $states.input …`. */
export function languageMismatchMessage(field: string, stateLanguage: QueryLanguage): string {
  const other: QueryLanguage = stateLanguage === 'JSONata' ? 'JSONPath' : 'JSONata';
  return `${JSON.stringify(field)} is a ${other} field; in a ${stateLanguage} state ${replacementFor(field)}.`;
}

/**
 * The definition's top-level language (invalid values fall back to the default; fields.ts reports
 * them). Without one, a QueryLanguage misplaced among the states counts, so that its states are
 * not reported again for using that language's fields.
 */
export function topLevelLanguage(definition: unknown): QueryLanguage {
  if (!isRecord(definition)) return DEFAULT_QUERY_LANGUAGE;
  const misplaced = isRecord(definition.States) ? definition.States.QueryLanguage : undefined;
  const value = definition.QueryLanguage ?? misplaced;
  return queryLanguages.includes(value as QueryLanguage) ? (value as QueryLanguage) : DEFAULT_QUERY_LANGUAGE;
}

/**
 * `States` without a `"QueryLanguage": "…"` written among the states (seen in AWS's own samples),
 * which is reported once, with where it belongs, instead of as a state that is not an object.
 */
export function statesWithoutQueryLanguage(
  states: JsonRecord,
  statesPath: string,
  ctx: ValidationContext,
): JsonRecord {
  if (!hasOwn(states, 'QueryLanguage') || typeof states.QueryLanguage !== 'string') return states;
  report(
    ctx,
    joinPointer(statesPath, 'QueryLanguage'),
    DiagnosticCode.SCHEMA_VALIDATION_FAILED,
    '"QueryLanguage" belongs at the top level of the definition (or in a state), not among the states.',
  );
  return Object.fromEntries(Object.entries(states).filter(([name]) => name !== 'QueryLanguage'));
}

/** A state's language: its own QueryLanguage, else the top level's; reports JSONPath under JSONata. */
export function stateLanguage(state: JsonRecord, path: string, ctx: ValidationContext): QueryLanguage {
  const own = state.QueryLanguage;
  if (!queryLanguages.includes(own as QueryLanguage)) return ctx.topLanguage;
  if (own === 'JSONPath' && ctx.topLanguage === 'JSONata') {
    report(
      ctx,
      joinPointer(path, 'QueryLanguage'),
      DiagnosticCode.QUERY_LANGUAGE_MISMATCH,
      "a state cannot use JSONPath when the state machine's QueryLanguage is JSONata; set the top level to JSONPath and opt states into JSONata instead.",
    );
  }
  return own as QueryLanguage;
}
