/**
 * Percentiles by linear interpolation between the two nearest ranks (PostgreSQL's
 * percentile_cont, numpy's default): of n sorted values, the p-th lies at position p·(n−1).
 * Positions are computed in integers (p as a fraction num/den) so SQL and JavaScript agree on
 * which ranks to fetch: SQL returns only those rows, never every duration.
 */
export interface Fraction {
  num: number;
  den: number;
}

export const MEDIAN: Fraction = { num: 1, den: 2 };
export const P90: Fraction = { num: 9, den: 10 };

/** The 0-based ranks a percentile of n values reads: floor(p·(n−1)) and the next one. */
function percentileRanks(n: number, p: Fraction): [number, number] {
  const lower = Math.floor(((n - 1) * p.num) / p.den);
  return [lower, Math.min(lower + 1, n - 1)];
}

/** The percentile from the values at its ranks (`valueAt(rank)`), rounded to a whole unit. */
export function interpolatePercentile(n: number, p: Fraction, valueAt: (rank: number) => number): number {
  const [lower, upper] = percentileRanks(n, p);
  const weight = (((n - 1) * p.num) % p.den) / p.den;
  return Math.round(valueAt(lower) + (valueAt(upper) - valueAt(lower)) * weight);
}
