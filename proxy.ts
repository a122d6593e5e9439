/**
 * Runs before every page. Two jobs:
 * - a Content-Security-Policy with a fresh nonce per request (Next.js puts it on its own
 *   scripts; no other script may run), sent with the response and handed to the renderer;
 * - signed-out visitors of /inbox, /admin and /profile go to /sign-in and come back afterwards. That only
 *   looks for next-auth's session cookie (user experience); pages and services still check the
 *   session in the database and authorize.
 * Other security headers for every response are in next.config.js.
 */
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
const SIGNED_IN_ONLY = /^\/(inbox|admin|profile)(\/|$)/;

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (SIGNED_IN_ONLY.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL('/sign-in', request.url);
    url.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Pages only: not API routes, Next's static files or prefetches.
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
