/**
 * Retriers and Catchers: which one matches an error, how long to back off. Matching follows
 * AWS: `States.ALL` matches any error but the terminal ones (States.Runtime,
 * States.DataLimitExceeded); `States.TaskFailed` matches any error of a Task except States.Timeout.
 */
import { DEFAULT_BACKOFF_RATE, DEFAULT_INTERVAL_SECONDS, DEFAULT_MAX_ATTEMPTS } from './constants';
import { StatesErrorName, terminalErrors } from './errors';
import type { JsonObject, JsonValue } from './json';
import { isObject } from './json-utils';

/** True when `errorEquals` names `error`. */
export function errorMatches(errorEquals: JsonValue | undefined, error: string, fromTask: boolean): boolean {
  if (!Array.isArray(errorEquals) || terminalErrors.has(error)) return false;
  return errorEquals.some((name) => {
    if (name === error || name === StatesErrorName.ALL) return true;
    return name === StatesErrorName.TaskFailed && fromTask && error !== StatesErrorName.Timeout;
  });
}

/** A retry decision: which retrier, how long to wait, the counts after this retry. */
export interface RetryDecision {
  retrierIndex: number;
  delaySeconds: number;
  retryCounts: number[];
}

/**
 * The first retrier whose ErrorEquals matches decides: retry if it has attempts left (counts are
 * per retrier for the whole visit of the state), else no retry (the Catchers get the error).
 */
export function decideRetry(
  retry: JsonValue | undefined,
  error: string,
  fromTask: boolean,
  retryCounts: number[],
  random: () => number,
): RetryDecision | undefined {
  if (!Array.isArray(retry)) return undefined;
  const index = retry.findIndex((r) => isObject(r) && errorMatches(r.ErrorEquals, error, fromTask));
  if (index < 0) return undefined;
  const retrier = retry[index] as JsonObject;
  const used = retryCounts[index] ?? 0;
  const maxAttempts = numberOr(retrier.MaxAttempts, DEFAULT_MAX_ATTEMPTS);
  if (used >= maxAttempts) return undefined;
  const counts = retryCounts.slice();
  counts[index] = used + 1;
  return { retrierIndex: index, delaySeconds: backoffSeconds(retrier, used, random), retryCounts: counts };
}

/** IntervalSeconds × BackoffRate^used, capped by MaxDelaySeconds, with FULL jitter if asked. */
export function backoffSeconds(retrier: JsonObject, used: number, random: () => number): number {
  const interval = numberOr(retrier.IntervalSeconds, DEFAULT_INTERVAL_SECONDS);
  const rate = numberOr(retrier.BackoffRate, DEFAULT_BACKOFF_RATE);
  let delay = interval * Math.pow(rate, used);
  const max = retrier.MaxDelaySeconds;
  if (typeof max === 'number' && max > 0) delay = Math.min(delay, max);
  if (retrier.JitterStrategy === 'FULL') delay = random() * delay;
  return delay;
}

/** The first Catcher whose ErrorEquals matches `error`. */
export function findCatcher(
  catchers: JsonValue | undefined,
  error: string,
  fromTask: boolean,
): JsonObject | undefined {
  if (!Array.isArray(catchers)) return undefined;
  const hit = catchers.find((c) => isObject(c) && errorMatches(c.ErrorEquals, error, fromTask));
  return hit as JsonObject | undefined;
}

function numberOr(value: JsonValue | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
