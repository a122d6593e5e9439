import { describe, expect, it } from 'vitest';
import { formatAgo, formatDuration, formatUtcPrecise } from './format';

describe('formatDuration', () => {
  it('picks a unit a person reads at a glance', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(350)).toBe('350 ms');
    expect(formatDuration(4_249)).toBe('4.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(2 * 3_600_000 + 10 * 60_000)).toBe('2 h 10 min');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h');
  });

  it('says how long ago, "just now" under a minute', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(formatAgo('2026-01-01T11:59:30Z', now)).toBe('just now');
    expect(formatAgo('2026-01-01T11:55:00Z', now)).toBe('5 min ago');
    expect(formatAgo('2025-12-29T12:00:00Z', now)).toBe('3 d ago');
  });

  it('prints event times to the millisecond', () => {
    expect(formatUtcPrecise('2026-01-02T03:04:05.678Z')).toBe('2026-01-02 03:04:05.678 UTC');
  });
});
