/** Evaluates a parsed intrinsic call: arguments first (left to right), then the function. */
import { StatesError } from '../errors';
import type { JsonValue } from '../json';
import { intrinsicFailure } from './args';
import { intrinsicFunctions } from './registry';
import type { IntrinsicArg, IntrinsicCall, IntrinsicScope } from './types';

function evaluateArg(arg: IntrinsicArg, scope: IntrinsicScope): JsonValue {
  if (arg.kind === 'literal') return arg.value;
  if (arg.kind === 'path') return scope.resolvePath(arg.path);
  return evaluateCall(arg, scope);
}

export function evaluateCall(call: IntrinsicCall, scope: IntrinsicScope): JsonValue {
  const args = call.args.map((arg) => evaluateArg(arg, scope));
  const impl = intrinsicFunctions[call.name];
  if (!impl) throw intrinsicFailure(`Unknown intrinsic function ${call.name}`);
  try {
    return impl(args, call, scope);
  } catch (error) {
    if (error instanceof StatesError) throw error;
    throw intrinsicFailure(`${call.name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
