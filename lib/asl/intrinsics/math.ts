/** States.MathAdd and States.MathRandom. */
import type { JsonValue } from '../json';
import { expectRoundedInteger, intrinsicFailure } from './args';
import { JavaRandom } from './java-random';
import type { IntrinsicImpl, IntrinsicScope } from './types';

/** AWS rounds each operand to the nearest integer (half up, as Java) before adding. */
function mathAdd(args: JsonValue[]): JsonValue {
  return expectRoundedInteger('States.MathAdd', args, 0) + expectRoundedInteger('States.MathAdd', args, 1);
}

/**
 * An integer in [start, end): start inclusive, end exclusive, non-integers rounded. With a seed
 * the value comes from java.util.Random(seed).nextInt(end - start), so it is reproducible.
 */
function mathRandom(args: JsonValue[], _call: unknown, scope: IntrinsicScope): JsonValue {
  const start = expectRoundedInteger('States.MathRandom', args, 0);
  const end = expectRoundedInteger('States.MathRandom', args, 1);
  const span = end - start;
  if (span <= 0 || span > 0x7fffffff) {
    throw intrinsicFailure(
      `Invalid arguments in States.MathRandom: the end number (${end}) must be greater than the start number (${start})`,
    );
  }
  if (args.length > 2) {
    const seed = expectRoundedInteger('States.MathRandom', args, 2);
    return start + new JavaRandom(BigInt(seed)).nextInt(span);
  }
  const r = scope.random();
  return start + Math.min(span - 1, Math.max(0, Math.floor((Number.isFinite(r) ? r : 0) * span)));
}

export const mathFunctions: Record<string, IntrinsicImpl> = {
  'States.MathAdd': mathAdd,
  'States.MathRandom': mathRandom,
};
