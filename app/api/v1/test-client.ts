/** Calls route handlers directly as functions with real Request objects (tests only). */
import { createApiKey } from '@/lib/auth/api-keys';

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export interface CallOptions {
  body?: unknown;
  /** sent verbatim instead of JSON.stringify(body) (bytes need not be UTF-8) */
  rawBody?: string | Uint8Array;
  /** default: POST with a body, GET without (a GET sends no body) */
  method?: string;
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
  const { status, text } = await callRaw(handler, options);
  return { status, body: text ? JSON.parse(text) : null };
}

/** As `call`, with the answer as text (CSV, or anything a fuzzed request gets back). */
export async function callRaw<P>(
  handler: Handler<P>,
  options: CallOptions & { params?: P } = {},
): Promise<{ status: number; text: string; contentType: string }> {
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
  const method = options.method ?? (body === undefined ? 'GET' : 'POST');
  const sent = method === 'GET' || method === 'HEAD' ? undefined : (body as BodyInit | undefined);
  const response = await handler(new Request(url, { method, headers, body: sent }), {
    params: Promise.resolve(options.params ?? ({} as P)),
  });
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, text: await response.text(), contentType };
}
