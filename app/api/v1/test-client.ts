/** Calls route handlers directly as functions with real Request objects (tests only). */
import { createApiKey } from '@/lib/auth/api-keys';

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export interface CallOptions {
  body?: unknown;
  /** sent verbatim instead of JSON.stringify(body) */
  rawBody?: string;
  query?: Record<string, string>;
  /** false: no Authorization header; a string: that header */
  auth?: boolean | string;
}

let bearer: string | undefined;

export async function apiKeyHeader(): Promise<string> {
  if (!bearer) {
    const { id, secret } = await createApiKey({ name: 'route-tests' });
    bearer = `Bearer ${id}.${secret}`;
  }
  return bearer;
}

// Tests read arbitrary response JSON; asserting with toEqual/toMatchObject is the type check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ResponseJson = any;

export async function call<P>(
  handler: Handler<P>,
  options: CallOptions & { params?: P } = {},
): Promise<{ status: number; body: ResponseJson }> {
  const url = new URL('http://localhost/api/v1/test');
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-forwarded-for': '203.0.113.7, 10.0.0.1',
    'user-agent': 'route-test',
  };
  if (options.auth !== false)
    headers.authorization = typeof options.auth === 'string' ? options.auth : await apiKeyHeader();
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const method = body === undefined ? 'GET' : 'POST';
  const response = await handler(new Request(url, { method, headers, body }), {
    params: Promise.resolve(options.params ?? ({} as P)),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
