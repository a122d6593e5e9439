/** Defaults and limits of the language, named as the ASL specification names them. */

/** Retrier `IntervalSeconds` when absent. */
export const DEFAULT_INTERVAL_SECONDS = 1;
/** Retrier `MaxAttempts` when absent. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** Retrier `BackoffRate` when absent. */
export const DEFAULT_BACKOFF_RATE = 2.0;
/** Largest payload (state input/output, task result) in bytes: 256 KiB. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
/** Largest number of history events of one execution. */
export const MAX_HISTORY_EVENTS = 25_000;
/**
 * Deepest nesting of arrays and objects a payload or definition may have (Signoff's limit; AWS
 * names none). JSON.parse takes any depth, but serializing, hashing and evaluating recurse per
 * level and overflow the stack near 5,000, so deeper JSON is refused where it comes in.
 */
export const MAX_JSON_DEPTH = 1000;
