/**
 * The one error vocabulary of the services. Services throw AppError; route handlers and server
 * actions map it to a status (appErrorStatus) and its message. Workflow failures (`States.*`)
 * are data on the execution, never AppErrors.
 */
export const appErrorStatus = {
  /** No session / no API key / bad signature: sign in or send credentials, then retry. */
  UNAUTHORIZED: 401,
  /** Authenticated but not allowed (wrong role, not your task): do not retry. */
  FORBIDDEN: 403,
  /** The thing does not exist, or is outside the caller's scope: do not retry. */
  NOT_FOUND: 404,
  /** The endpoint exists but not with this HTTP method (the Allow header lists those it has). */
  METHOD_NOT_ALLOWED: 405,
  /** The request is malformed or fails validation: fix the input (details list the problems). */
  INVALID_INPUT: 400,
  /** The task was decided already: show the recorded outcome, do not retry. */
  ALREADY_DECIDED: 409,
  /** The request clashes with the current state (a name taken, an execution not running): re-read, then decide. */
  CONFLICT: 409,
  /**
   * Someone else claimed the task from the inbox and the claim has not lapsed (the message names
   * them and until when; details: holder, until): wait, ask them, or have a manager break it.
   */
  CLAIMED: 409,
  /** An email link past its expiry, or a token that timed out: ask for a new one. */
  LINK_EXPIRED: 410,
  /** A payload or history over AWS's limits (256 KiB, 25,000 events): shrink it. */
  LIMIT_EXCEEDED: 413,
  /** Too many requests from this key (or too many long-polls held open): wait `Retry-After` seconds, then retry. */
  THROTTLED: 429,
  /** Our fault; logged with its cause. Retry later. */
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof appErrorStatus;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly options?: { cause?: unknown; details?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  get status(): number {
    return appErrorStatus[this.code];
  }

  get details(): unknown {
    return this.options?.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * A database's refusal of the request's own text, as the 400 it is: PostgreSQL stores no NUL
 * character (U+0000) in text (SQLSTATE 22021, 22P05), where SQLite took it. Undefined for any
 * other error.
 */
export function refusedText(error: unknown): AppError | undefined {
  const { message, meta } = (error ?? {}) as {
    message?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
  };
  const code = meta?.driverAdapterError?.cause?.originalCode;
  const refused =
    code === '22021' ||
    code === '22P05' ||
    (typeof message === 'string' && /Code: `22(021|P05)`/.test(message));
  return refused
    ? new AppError('INVALID_INPUT', 'Text may not contain the NUL character (U+0000).')
    : undefined;
}
