import { describe, expect, it } from 'vitest';
import { limitSignInRequest } from './limit-sign-in';

describe('sign-in rate limits', () => {
  it('allows 5 links per address in 15 minutes, then says how long to wait; the window moves on', async () => {
    const t0 = new Date('2026-12-01T10:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    for (let i = 0; i < 5; i++)
      expect(await limitSignInRequest({ email: 'a@example.com' }, at(i))).toEqual({ ok: true });
    expect(await limitSignInRequest({ email: ' A@example.com ' }, at(5))).toEqual({
      ok: false,
      retryAfterSeconds: 600,
    });
    expect(await limitSignInRequest({ email: 'b@example.com' }, at(5))).toEqual({ ok: true });
    expect(await limitSignInRequest({ email: 'a@example.com' }, at(15.5))).toEqual({ ok: true });
  });

  it('allows 20 requests per IP whatever the addresses', async () => {
    const now = new Date('2026-12-02T10:00:00Z');
    for (let i = 0; i < 20; i++)
      expect((await limitSignInRequest({ email: `p${i}@example.com`, ip: '198.51.100.7' }, now)).ok).toBe(
        true,
      );
    expect((await limitSignInRequest({ email: 'p99@example.com', ip: '198.51.100.7' }, now)).ok).toBe(false);
    expect((await limitSignInRequest({ email: 'p99@example.com', ip: '198.51.100.8' }, now)).ok).toBe(true);
  });
});
