/** One state: its Type, its fields per the table, then the checks particular to its type. */
import { type ValidationContext, report } from './context';
import { DiagnosticCode } from './diagnostic';
import { checkObject } from './fields';
import { type JsonRecord, isRecord, jsonTypeOf, quote } from './json-type';
import { joinPointer } from './pointer';
import { stateLanguage } from './query-language';
import { checkChoiceState } from './choice';
import { checkMap, checkParallel } from './nested';
import type { NestedValidator, StateCheckInput } from './state-check';
import { type StateType, stateSpecs, stateTypes } from './state-fields';
import { didYouMean } from './suggest';
import { checkTask } from './task';

type StateCheck = (input: StateCheckInput) => void;
const noFurtherChecks: StateCheck = () => {};

/** Checks beyond the field table, per type (ranges, formats and exclusions live in the table). */
const stateChecks: Record<StateType, StateCheck> = {
  Task: ({ state, path, ctx, language }) => checkTask(state, path, ctx, language),
  Choice: ({ state, path, ctx, language }) => checkChoiceState(state, path, ctx, language),
  Parallel: checkParallel,
  Map: checkMap,
  Pass: noFurtherChecks,
  Wait: noFurtherChecks,
  Succeed: noFurtherChecks,
  Fail: noFurtherChecks,
};

/** Validates the state at `path`; nested machines go through `validateNested`. */
export function validateState(
  state: unknown,
  path: string,
  ctx: ValidationContext,
  depth: number,
  validateNested: NestedValidator,
): void {
  if (!isRecord(state)) {
    report(
      ctx,
      path,
      DiagnosticCode.SCHEMA_VALIDATION_FAILED,
      `a state must be an object, not ${jsonTypeOf(state)}.`,
    );
    return;
  }
  const type = readType(state, path, ctx);
  if (!type) return;
  const language = stateLanguage(state, path, ctx);
  checkObject(state, stateSpecs[type], path, ctx, language);
  stateChecks[type]({ state, path, ctx, language, depth, validateNested });
}

function readType(state: JsonRecord, path: string, ctx: ValidationContext): StateType | undefined {
  const type = state.Type;
  if (stateTypes.includes(type as StateType)) return type as StateType;
  if (type === undefined) {
    report(ctx, path, DiagnosticCode.MISSING_FIELD, 'a state must have "Type".');
  } else if (typeof type !== 'string') {
    report(
      ctx,
      joinPointer(path, 'Type'),
      DiagnosticCode.INVALID_TYPE,
      `"Type" must be a string, not ${jsonTypeOf(type)}.`,
    );
  } else {
    const hint = didYouMean(type, stateTypes) || `; use one of ${stateTypes.join(', ')}.`;
    report(
      ctx,
      joinPointer(path, 'Type'),
      DiagnosticCode.INVALID_VALUE,
      `${quote(type)} is not a state type${hint}`,
    );
  }
  return undefined;
}
