/**
 * The limits that protect a server from its callers, read once from the environment (README,
 * "Limits"). Each is per process: with N web servers behind a load balancer a key gets N times
 * its rate, which is what a per-process budget of CPU and connections is about.
 */

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number of 0 or more (it is "${raw}").`);
  return value;
}

export interface ServerLimits {
  /** Request bodies over this many bytes are refused before they are read in full (413). */
  maxBodyBytes: number;
  /** Sustained requests per second per API key; 0 turns rate limiting off. */
  apiRatePerSecond: number;
  /** Requests a key may send at once above its rate before it is throttled. */
  apiBurst: number;
  /** Concurrent GetActivityTask long-polls this process holds open; more are refused at once. */
  maxLongPolls: number;
}

let cached: ServerLimits | undefined;

export function serverLimits(): ServerLimits {
  if (!cached) {
    const apiRatePerSecond = positiveInteger('SIGNOFF_API_RATE_PER_SECOND', 1000);
    cached = {
      maxBodyBytes: positiveInteger('SIGNOFF_MAX_BODY_BYTES', 4 * 1024 * 1024),
      apiRatePerSecond,
      apiBurst: positiveInteger('SIGNOFF_API_BURST', apiRatePerSecond * 2),
      maxLongPolls: positiveInteger('SIGNOFF_MAX_LONG_POLLS', 200),
    };
  }
  return cached;
}

/** Tests change the environment and read the limits again. */
export function resetServerLimits(): void {
  cached = undefined;
}
