/** States.MathAdd and States.MathRandom. */
import type { JsonValue } from '../json';
import { expectRoundedInteger, intrinsicFailure } from './args';
import { JavaRandom } from './java-random';
import type { IntrinsicImpl, IntrinsicScope } from './types';

/** The widest [start, end) range: Java's nextInt takes an int bound. */
const MAX_RANDOM_SPAN = 0x7fffffff;

/** AWS rounds each operand to the nearest integer (half up, as Java) before adding. */
function mathAdd(args: JsonValue[]): JsonValue {
  const sum =
    expectRoundedInteger('States.MathAdd', args, 0) + expectRoundedInteger('States.MathAdd', args, 1);
  if (!Number.isSafeInteger(sum))
    throw intrinsicFailure(`Invalid arguments in States.MathAdd: the sum ${sum} is out of range`);
  return sum;
}

/**
 * An integer in [start, end): start inclusive, end exclusive, non-integers rounded. With a seed
 * the value comes from java.util.Random(seed).nextInt(end - start), so it is reproducible.
 */
function mathRandom(args: JsonValue[], _call: unknown, scope: IntrinsicScope): JsonValue {
  const start = expectRoundedInteger('States.MathRandom', args, 0);
  const end = expectRoundedInteger('States.MathRandom', args, 1);
  const span = end - start;
  if (span <= 0) {
    throw intrinsicFailure(
      `Invalid arguments in States.MathRandom: the end number (${end}) must be greater than the start number (${start})`,
    );
  }
  if (span > MAX_RANDOM_SPAN) {
    throw intrinsicFailure(
      `Invalid arguments in States.MathRandom: the range from ${start} to ${end} is too large`,
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
