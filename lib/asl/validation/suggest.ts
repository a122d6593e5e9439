/** "Did you mean" suggestions by edit distance. */

/** Edit distance with adjacent transpositions (optimal string alignment): "Tsak" is 1 from "Task". */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/** The furthest a candidate may be and still be suggested: about a third of the name, at least 1. */
function maxDistance(name: string): number {
  return Math.max(1, Math.floor(name.length / 3));
}

/** Names longer than any valid state name (80) get no suggestion; this bounds the work. */
const MAX_SUGGESTED_LENGTH = 120;

/** The closest candidate (a case-only difference wins), or undefined when none is close. */
export function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > MAX_SUGGESTED_LENGTH) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= maxDistance(name) && bestDistance < name.length ? best : undefined;
}

/** ` — did you mean "X"?` or an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const suggestion = suggestName(name, candidates);
  return suggestion === undefined ? '' : ` — did you mean ${JSON.stringify(suggestion)}?`;
}
