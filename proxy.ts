/**
 * Signed-out visitors of /inbox and /admin go to /sign-in and come back afterwards. This only
 * looks for next-auth's session cookie (user experience); pages and services still check the
 * session in the database and authorize. /api/*, /approve/* and /dev/mailbox are not matched.
 */
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = new URL('/sign-in', request.url);
  url.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(url);
}

export const config = { matcher: ['/inbox', '/inbox/:path*', '/admin', '/admin/:path*'] };
