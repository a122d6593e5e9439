// GET/POST /api/auth/* — next-auth 4: magic-link sign-in, its callback, session and sign-out.
// Two guards sit in front of it: asking for a link is rate-limited per address and per IP, and
// a GET of the magic link's callback (a mail scanner's prefetch) only shows the confirm page —
// the link is spent by that page's POST.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/auth-options';
import { limitSignInRequest } from '@/lib/auth/limit-sign-in';
import { requestInfoOf } from '@/lib/http/api-route';
import { appUrl } from '@/lib/mail/app-url';

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname.endsWith('/callback/email'))
    return Response.redirect(appUrl(`/sign-in/confirm${url.search}`), 303);
  return handler(request, context);
}

export async function POST(request: Request, context: Context): Promise<Response> {
  if (new URL(request.url).pathname.endsWith('/signin/email')) {
    const form = await request
      .clone()
      .formData()
      .catch(() => new FormData());
    const limited = await limitSignInRequest({
      email: String(form.get('email') ?? ''),
      ip: requestInfoOf(request).ip,
    });
    if (!limited.ok)
      return Response.json(
        { url: appUrl('/sign-in?error=RateLimited') },
        { status: 429, headers: { 'retry-after': String(limited.retryAfterSeconds) } },
      );
  }
  return handler(request, context);
}
