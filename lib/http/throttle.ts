/**
 * Per-key rate limiting for the APIs: a token bucket per API key, in this process's memory (a
 * database row per request would cost more than most requests it protects). The bucket holds
 * `apiBurst` tokens and refills at `apiRatePerSecond`; an empty bucket answers THROTTLED with
 * the seconds until a token is back, which the routes send as `Retry-After`.
 */
import { AppError } from '../errors';
import { serverLimits } from './limits';

interface Bucket {
  tokens: number;
  at: number;
}

const buckets = new Map<string, Bucket>();
/** Buckets idle long enough to be full again are dropped when the map grows past this. */
const MAX_BUCKETS = 10_000;

/** Spends one token of `key`'s bucket, or throws THROTTLED (awsErrorType ThrottlingException). */
export function takeApiToken(key: string, now = Date.now()): void {
  const { apiRatePerSecond: rate, apiBurst: burst } = serverLimits();
  if (rate === 0) return;
  const bucket = buckets.get(key) ?? { tokens: burst, at: now };
  bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
  bucket.at = now;
  if (bucket.tokens < 1) {
    buckets.set(key, bucket);
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / rate));
    throw new AppError('THROTTLED', `Rate exceeded: this key may send ${rate} requests per second.`, {
      details: { awsErrorType: 'ThrottlingException', retryAfterSeconds },
    });
  }
  bucket.tokens -= 1;
  if (!buckets.has(key) && buckets.size >= MAX_BUCKETS) dropFullBuckets(now, burst / rate);
  buckets.set(key, bucket);
}

function dropFullBuckets(now: number, refillSeconds: number): void {
  for (const [key, bucket] of buckets) if (now - bucket.at >= refillSeconds * 1000) buckets.delete(key);
}

/** Tests start from full buckets. */
export function resetThrottle(): void {
  buckets.clear();
}

/** The Retry-After header for a THROTTLED error, or none. */
export function retryAfterHeader(error: unknown): Record<string, string> {
  if (!(error instanceof AppError) || error.code !== 'THROTTLED') return {};
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' ? { 'retry-after': String(seconds) } : {};
}
