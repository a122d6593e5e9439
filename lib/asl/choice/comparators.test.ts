import { describe, expect, it } from 'vitest';
import { comparators, wildcardRegExp } from './comparators';

describe('Choice comparators', () => {
  it.each([
    ['StringEquals', 'a', 'a', true],
    ['StringEquals', 1, '1', false],
    ['StringLessThan', 'A', 'AB', true],
    ['StringGreaterThanEquals', 'AB', 'A', true],
    ['StringLessThanEquals', '', '', true],
    ['NumericEquals', 1, 1, true],
    ['NumericEquals', 1.1, 1, false],
    ['NumericEquals', '1', 1, false],
    ['NumericLessThan', 0, 0, false],
    ['NumericGreaterThanEquals', 1, 0, true],
    ['BooleanEquals', false, false, true],
    ['BooleanEquals', 0, false, false],
    ['TimestampEquals', '2012-10-09T19:00:55Z', '2012-10-09T19:00:55.000+00:00', true],
    ['TimestampLessThan', '2012-10-09T19:00:55Z', '2012-10-09T19:00:56Z', true],
    ['TimestampGreaterThan', 'not a time', '2012-10-09T19:00:56Z', false],
    ['IsNull', null, true, true],
    ['IsNumeric', 1.5, true, true],
    ['IsNumeric', '1', true, false],
    ['IsString', '', true, true],
    ['IsBoolean', false, false, false],
    ['IsTimestamp', '2016-12-05T21:29:29Z', true, true],
    ['IsTimestamp', '2016-12-05T21:29:29', true, false],
  ])('%s(%j, %j) is %s', (op, value, operand, expected) => {
    expect(comparators[op](value as never, operand as never)).toBe(expected);
  });

  it('StringMatches: * is a wildcard, \\* and \\\\ are literal', () => {
    expect(comparators.StringMatches('log-2024.txt', 'log-*.txt')).toBe(true);
    expect(comparators.StringMatches('a*b', 'a\\*b')).toBe(true);
    expect(comparators.StringMatches('axb', 'a\\*b')).toBe(false);
    expect(wildcardRegExp('a\\\\b').test('a\\b')).toBe(true);
    expect(comparators.StringMatches('x.y', 'x?y')).toBe(false);
  });
});
