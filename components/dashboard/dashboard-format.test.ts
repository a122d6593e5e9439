import { describe, expect, it } from 'vitest';
import { bucketLabel, executionsHref, failureHref, formatDuration, rangeLabel } from './dashboard-format';

describe('dashboard links and labels', () => {
  it('links to the executions list with exactly the filters given', () => {
    expect(executionsHref({})).toBe('/admin/executions');
    const href = executionsHref({
      status: 'FAILED',
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-03T00:00:00.000Z',
    });
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/admin/executions');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: 'FAILED',
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-03T00:00:00.000Z',
    });
    expect(new URL(failureHref('States.Task Failed&x', 'a', 'b'), 'http://x').searchParams.get('error')).toBe(
      'States.Task Failed&x',
    );
    expect(failureHref(null, 'a', 'b')).toBe('/admin/executions?status=FAILED&from=a&to=b');
  });

  it('names buckets in UTC and durations for people', () => {
    expect(bucketLabel('2026-03-02T00:00:00.000Z', 'day')).toBe('Mar 2');
    expect(bucketLabel('2026-03-02T07:00:00.000Z', 'hour')).toBe('07:00');
    expect([45_000, 25 * 60_000, 5.5 * 3_600_000, 80 * 3_600_000].map(formatDuration)).toEqual([
      '45 s',
      '25 min',
      '5.5 h',
      '3.3 d',
    ]);
    expect([rangeLabel(1), rangeLabel(14)]).toEqual(['last 24 hours', 'last 14 days']);
  });
});
