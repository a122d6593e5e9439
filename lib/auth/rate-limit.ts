/**
 * A sliding-window rate limit kept in the database (RateLimitHit rows), so every web process
 * counts the same attempts. One transaction per attempt: count the window, refuse or record.
 */
import { db } from '../db/client';

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one attempt for `key`, unless the window is full. */
export async function takeRateLimit(
  key: string,
  { limit, windowMs }: RateLimit,
  now = new Date(),
): Promise<RateLimitResult> {
  const since = new Date(now.getTime() - windowMs);
  return db.$transaction(async (tx) => {
    await tx.rateLimitHit.deleteMany({ where: { key, at: { lte: since } } });
    const hits = await tx.rateLimitHit.findMany({
      where: { key },
      orderBy: { at: 'asc' },
      select: { at: true },
    });
    if (hits.length >= limit) {
      const freeAt = hits[hits.length - limit].at.getTime() + windowMs;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
    }
    await tx.rateLimitHit.create({ data: { key, at: now } });
    return { ok: true };
  });
}
