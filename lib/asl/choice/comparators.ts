/**
 * Choice comparison operators as a table: each compares the Variable's value with the operand.
 * A value of the wrong type never matches (AWS returns false, not an error).
 */
import type { JsonValue } from '../json';
import { parseTimestamp } from '../timestamps';

export type Comparator = (value: JsonValue, operand: JsonValue) => boolean;

const str =
  (test: (a: string, b: string) => boolean): Comparator =>
  (a, b) =>
    typeof a === 'string' && typeof b === 'string' && test(a, b);
const num =
  (test: (a: number, b: number) => boolean): Comparator =>
  (a, b) =>
    typeof a === 'number' && typeof b === 'number' && test(a, b);
const time =
  (test: (a: number, b: number) => boolean): Comparator =>
  (a, b) => {
    const ta = parseTimestamp(a);
    const tb = parseTimestamp(b);
    return ta !== undefined && tb !== undefined && test(ta, tb);
  };
const is =
  (test: (a: JsonValue) => boolean): Comparator =>
  (a, b) =>
    typeof b === 'boolean' && test(a) === b;

const patterns = new Map<string, RegExp>();

/** StringMatches: `*` matches any run of characters; `\*` and `\\` are literal. */
export function wildcardRegExp(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    let body = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\' && (pattern[i + 1] === '*' || pattern[i + 1] === '\\')) body += '\\' + pattern[++i];
      else if (c === '*') body += '[\\s\\S]*';
      else body += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    re = new RegExp(`^${body}$`);
    patterns.set(pattern, re);
  }
  return re;
}

/** Operators whose operand is a literal; each also exists as `<name>Path` (except StringMatches). */
export const comparators: Record<string, Comparator> = {
  StringEquals: str((a, b) => a === b),
  StringLessThan: str((a, b) => a < b),
  StringGreaterThan: str((a, b) => a > b),
  StringLessThanEquals: str((a, b) => a <= b),
  StringGreaterThanEquals: str((a, b) => a >= b),
  StringMatches: str((a, b) => wildcardRegExp(b).test(a)),
  NumericEquals: num((a, b) => a === b),
  NumericLessThan: num((a, b) => a < b),
  NumericGreaterThan: num((a, b) => a > b),
  NumericLessThanEquals: num((a, b) => a <= b),
  NumericGreaterThanEquals: num((a, b) => a >= b),
  BooleanEquals: (a, b) => typeof a === 'boolean' && a === b,
  TimestampEquals: time((a, b) => a === b),
  TimestampLessThan: time((a, b) => a < b),
  TimestampGreaterThan: time((a, b) => a > b),
  TimestampLessThanEquals: time((a, b) => a <= b),
  TimestampGreaterThanEquals: time((a, b) => a >= b),
  IsNull: is((a) => a === null),
  IsNumeric: is((a) => typeof a === 'number'),
  IsString: is((a) => typeof a === 'string'),
  IsBoolean: is((a) => typeof a === 'boolean'),
  IsTimestamp: is((a) => parseTimestamp(a) !== undefined),
};
