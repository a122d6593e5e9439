/**
 * java.util.Random (48-bit LCG), so a seeded States.MathRandom gives the same sequence as
 * AWS's Java runtime for the same seed. Pure: BigInt only.
 */
const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

export class JavaRandom {
  private seed: bigint;

  constructor(seed: bigint) {
    this.seed = (seed ^ MULTIPLIER) & MASK;
  }

  /** The next `bits` random bits as a signed 32-bit int (Java's `next(int)`). */
  private next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  /** Uniform int in [0, bound); bound must be positive (Java's `nextInt(int)`). */
  nextInt(bound: number): number {
    if (!Number.isInteger(bound) || bound <= 0 || bound > 0x7fffffff)
      throw new RangeError('bound must be positive');
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    for (let u = r; ; u = this.next(31)) {
      r = u % bound;
      if (((u - r + m) | 0) >= 0) return r;
    }
  }

  /** Uniform double in [0, 1) (Java's `nextDouble()`). */
  nextDouble(): number {
    return (this.next(26) * 2 ** 27 + this.next(27)) * 2 ** -53;
  }
}
