/** Defaults and limits of the language, named as the ASL specification names them. */

/** Retrier `IntervalSeconds` when absent. */
export const DEFAULT_INTERVAL_SECONDS = 1;
/** Retrier `MaxAttempts` when absent. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** Retrier `BackoffRate` when absent. */
export const DEFAULT_BACKOFF_RATE = 2.0;
/** Task `TimeoutSeconds` when absent (AWS: 99999999 s, effectively none). */
export const DEFAULT_TIMEOUT_SECONDS = 99999999;
/** Largest payload (state input/output, task result) in bytes: 256 KiB. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
/** Largest number of history events of one execution. */
export const MAX_HISTORY_EVENTS = 25_000;
/** Map `MaxConcurrency` 0 means unbounded. */
export const UNBOUNDED_CONCURRENCY = 0;
