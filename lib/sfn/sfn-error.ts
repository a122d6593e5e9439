/**
 * The one error mapping of /api/sfn: everything thrown while answering a call becomes AWS's
 * `{"__type","message"}` with AWS's status. Services say which AWS error they mean through
 * `AppError.details.awsErrorType`; this module raises its own errors the same way.
 */
import { ZodError } from 'zod';
import { AppError, type AppErrorCode } from '../errors';
import { retryAfterHeader } from '../http/throttle';

/**
 * Errors AWS answers with something other than 400. AccessDeniedException (a key without the
 * scope, DESIGN §6) is not among them: Step Functions' common errors answer it with 400.
 */
const statusOf: Record<string, number> = {
  MissingAuthenticationTokenException: 403,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  IncompleteSignatureException: 403,
  ThrottlingException: 429,
  InternalFailure: 500,
  ServiceUnavailable: 503,
};

/** When a service gives no awsErrorType, its code says what AWS would have said. */
const typeOfCode: Record<AppErrorCode, string> = {
  UNAUTHORIZED: 'UnrecognizedClientException',
  FORBIDDEN: 'AccessDeniedException',
  NOT_FOUND: 'ResourceNotFound',
  METHOD_NOT_ALLOWED: 'UnknownOperationException',
  INVALID_INPUT: 'ValidationException',
  ALREADY_DECIDED: 'ConflictException',
  CONFLICT: 'ConflictException',
  CLAIMED: 'ConflictException',
  LINK_EXPIRED: 'TaskTimedOut',
  LIMIT_EXCEEDED: 'ValidationException',
  THROTTLED: 'ThrottlingException',
  INTERNAL: 'InternalFailure',
};

/** An AppError that answers as AWS's `type` (the status follows AWS, not the code). */
export function sfnError(type: string, message: string): AppError {
  const code: AppErrorCode = statusOf[type] === 403 ? 'UNAUTHORIZED' : 'INVALID_INPUT';
  return new AppError(code, message, { details: { awsErrorType: type } });
}

function awsErrorTypeOf(error: AppError): string {
  const details = error.details as { awsErrorType?: unknown } | undefined;
  return typeof details?.awsErrorType === 'string' ? details.awsErrorType : typeOfCode[error.code];
}

function awsErrorBody(error: unknown): { type: string; message: string; status: number } {
  if (error instanceof AppError) {
    const type = awsErrorTypeOf(error);
    return { type, message: error.message, status: statusOf[type] ?? 400 };
  }
  if (error instanceof ZodError) {
    const problems = error.issues.map(
      (issue) => `'${issue.path.map(String).join('.') || '(body)'}': ${issue.message}`,
    );
    return {
      type: 'ValidationException',
      message: `${error.issues.length} validation error(s) detected: ${problems.join('; ')}`,
      status: 400,
    };
  }
  console.error('[sfn] unexpected error', error);
  return {
    type: 'InternalFailure',
    message: 'The request processing has failed because of an unknown error.',
    status: 500,
  };
}

export function awsErrorResponse(error: unknown): Response {
  const { type, message, status } = awsErrorBody(error);
  return new Response(JSON.stringify({ __type: type, message }), {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-errortype': type,
      ...retryAfterHeader(error),
    },
  });
}

/** Re-raises a service's generic INVALID_INPUT (e.g. a bad nextToken) as the AWS type this action documents. */
export function retypeInvalidInput(error: unknown, type: string, message: string): never {
  if (
    error instanceof AppError &&
    error.code === 'INVALID_INPUT' &&
    awsErrorTypeOf(error) === 'ValidationException'
  )
    throw sfnError(type, message);
  throw error;
}
