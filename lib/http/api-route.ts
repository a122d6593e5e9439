/**
 * The one wrapper of /api/v1 route handlers: authenticates, hands the handler its actor and
 * request info, and maps every error to `{"error":{"code","message","details"}}` in one place.
 */
import { ZodError } from 'zod';
import { authenticateBearer } from '../auth/api-keys';
import type { Actor, RequestInfo } from '../auth/actor';
import { AppError, appErrorStatus, type AppErrorCode } from '../errors';
import { readBodyText } from './read-body';
import { retryAfterHeader, takeApiToken } from './throttle';

interface ApiContext<P> {
  actor: Actor;
  request: Request;
  requestInfo: RequestInfo;
  params: P;
}

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (ctx: ApiContext<P>) => Promise<Response>;

/** Thrown by readJson when the body is not JSON. */
class MalformedBodyError extends Error {}

export function apiRoute<P = Record<string, never>>(
  options: { auth: 'apiKey' | 'none' },
  handler: Handler<P>,
) {
  return async (request: Request, context?: RouteContext<P>): Promise<Response> => {
    try {
      const actor: Actor =
        options.auth === 'apiKey'
          ? await authenticateBearer(request.headers.get('authorization'))
          : { type: 'system', label: 'anonymous' };
      if (actor.type === 'apiKey' && actor.id) takeApiToken(actor.id);
      const params = (await context?.params) ?? ({} as P);
      return await handler({ actor, request, requestInfo: requestInfoOf(request), params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function requestInfoOf(request: Request): RequestInfo {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return {
    ip: forwarded || request.headers.get('x-real-ip') || undefined,
    userAgent: request.headers.get('user-agent') ?? undefined,
  };
}

/** The parsed JSON body; an empty body is `{}`. Over SIGNOFF_MAX_BODY_BYTES is refused unread (lib/http/read-body.ts). */
export async function readJson(request: Request): Promise<unknown> {
  // A leading byte order mark is allowed in JSON text (RFC 8259 §8.1) and means nothing.
  const text = (await readBodyText(request)).replace(/^\uFEFF/, '');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedBodyError('The request body is not valid JSON.');
  }
}

/** The query string as a plain object (repeated keys: the last wins). */
export function readQuery(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

function errorBody(
  code: AppErrorCode,
  message: string,
  details?: unknown,
): { error: { code: string; message: string; details: unknown } } {
  return { error: { code, message, details: details ?? null } };
}

function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    return json(errorBody('INVALID_INPUT', 'The request is invalid.', details), 400);
  }
  if (error instanceof MalformedBodyError) return json(errorBody('INVALID_INPUT', error.message), 400);
  if (error instanceof AppError)
    return Response.json(errorBody(error.code, error.message, error.details), {
      status: appErrorStatus[error.code],
      headers: retryAfterHeader(error),
    });
  if ((error as { code?: unknown } | null)?.code === 'P2025')
    return json(errorBody('NOT_FOUND', 'Not found.'), 404);
  console.error('[api] unexpected error', error);
  return json(errorBody('INTERNAL', 'Something went wrong on our side. Try again later.'), 500);
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

/**
 * Handlers for the methods a route does not serve: 405 in the API's error shape, with `Allow`
 * (Next.js would answer an empty 405). Export them from the route: `export const { PUT } = …`.
 */
export function otherMethods(allowed: Method[]): Record<Method, (request: Request) => Response> {
  const allow = [...allowed, 'OPTIONS'].join(', ');
  const refuse = (request: Request) => {
    const body = errorBody(
      'METHOD_NOT_ALLOWED',
      `${request.method} is not served here; use ${allowed.join(' or ')}.`,
      {
        allow: allowed,
      },
    );
    return Response.json(body, { status: 405, headers: { allow } });
  };
  return Object.fromEntries(METHODS.map((m) => [m, refuse])) as Record<
    Method,
    (request: Request) => Response
  >;
}
