import { describe, expect, it } from 'vitest';
import { isTimestamp } from './timestamp';

describe('isTimestamp', () => {
  it.each([
    '2016-03-14T01:59:00Z',
    '2024-02-29T23:59:59.999Z',
    '2026-01-01T00:00:00+05:30',
    '2026-01-01T00:00:00-00:00',
  ])('accepts %s', (value) => {
    expect(isTimestamp(value)).toBe(true);
  });

  it.each([
    '2016-03-14 01:59:00Z',
    '2016-03-14T01:59:00',
    '2016-03-14t01:59:00z',
    '2023-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T00:00:00+2:00',
    '',
  ])('rejects %j', (value) => {
    expect(isTimestamp(value)).toBe(false);
  });
});
