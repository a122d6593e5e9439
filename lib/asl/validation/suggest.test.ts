import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestName } from './suggest';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['Ship', 'Ship', 0],
    ['Shipp', 'Ship', 1],
    ['Tsak', 'Task', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%j to %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('suggestName', () => {
  const names = ['Ship', 'Approve', 'NotifyRejected', 'Done'];

  it('suggests the closest name within a third of its length', () => {
    expect(suggestName('Shipp', names)).toBe('Ship');
    expect(suggestName('Aprove', names)).toBe('Approve');
    expect(suggestName('NotifyRejcted', names)).toBe('NotifyRejected');
  });

  it('prefers a case-only difference', () => {
    expect(suggestName('done', ['Dome', 'Done'])).toBe('Done');
  });

  it('suggests nothing when nothing is close, or for one-letter names', () => {
    expect(suggestName('Billing', names)).toBeUndefined();
    expect(suggestName('Y', ['X'])).toBeUndefined();
    expect(suggestName('x'.repeat(500), names)).toBeUndefined();
  });

  it('formats the suffix', () => {
    expect(didYouMean('Shipp', names)).toBe(' — did you mean "Ship"?');
    expect(didYouMean('Billing', names)).toBe('');
  });
});
