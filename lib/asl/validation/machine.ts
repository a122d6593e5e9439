/** A state machine or a nested one (a branch, an item processor): its fields, states, references and reachability. */
import { type ValidationContext, report, tooDeep } from './context';
import { DiagnosticCode } from './diagnostic';
import type { ObjectSpec } from './field-spec';
import { checkObject } from './fields';
import { isRecord, jsonTypeOf, quote } from './json-type';
import { joinPointer } from './pointer';
import { queryLanguages, statesWithoutQueryLanguage } from './query-language';
import { checkReachability } from './reachability';
import { checkReferences } from './references';
import { MAX_SECONDS } from './state-fields';
import { validateState } from './state';

/** AWS's limit on state name length. */
const MAX_STATE_NAME_LENGTH = 80;

export const machineSpec: ObjectSpec = {
  what: 'a state machine',
  fields: {
    StartAt: { type: 'string', required: true },
    States: { type: 'object', required: true },
    Comment: { type: 'string' },
    Version: { type: 'string' },
    TimeoutSeconds: { type: 'integer', min: 1, max: MAX_SECONDS },
    QueryLanguage: { type: 'string', enum: queryLanguages },
  },
};

/** Validates a machine at `path` against `spec` (machineSpec at the top, branch or processor specs inside). */
export function validateMachine(
  machine: unknown,
  path: string,
  spec: ObjectSpec,
  ctx: ValidationContext,
  depth = 0,
): void {
  if (tooDeep(ctx, path, depth)) return;
  if (!isRecord(machine)) {
    report(
      ctx,
      path,
      DiagnosticCode.SCHEMA_VALIDATION_FAILED,
      `${spec.what} must be an object, not ${jsonTypeOf(machine)}.`,
    );
    return;
  }
  checkObject(machine, spec, path, ctx, ctx.topLanguage);
  if (!isRecord(machine.States)) return;
  const statesPath = joinPointer(path, 'States');
  const states = statesWithoutQueryLanguage(machine.States, statesPath, ctx);
  if (Object.keys(states).length === 0)
    report(ctx, statesPath, DiagnosticCode.INVALID_VALUE, '"States" must hold at least one state.');
  const validateNested = (nested: unknown, nestedPath: string, nestedSpec: ObjectSpec, nestedDepth: number) =>
    validateMachine(nested, nestedPath, nestedSpec, ctx, nestedDepth);
  for (const [name, state] of Object.entries(states)) {
    const statePath = joinPointer(statesPath, name);
    checkStateName(name, statePath, ctx);
    validateState(state, statePath, ctx, depth, validateNested);
  }
  checkReferences(machine, states, path, ctx);
  checkReachability(machine, states, path, ctx);
}

function checkStateName(name: string, path: string, ctx: ValidationContext): void {
  if (name.length === 0 || name.length > MAX_STATE_NAME_LENGTH) {
    report(
      ctx,
      path,
      DiagnosticCode.INVALID_STATE_NAME,
      `a state name must be 1 to ${MAX_STATE_NAME_LENGTH} characters long, not ${name.length}.`,
    );
  }
  const first = ctx.stateNames.get(name);
  if (first === undefined) ctx.stateNames.set(name, path);
  else
    report(
      ctx,
      path,
      DiagnosticCode.DUPLICATE_STATE_NAME,
      `state name ${quote(name)} is already used at ${first}; names must be unique across the whole state machine.`,
    );
}
