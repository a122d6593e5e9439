/**
 * GET /sign-in/confirm — where the magic link in the mail leads. Opening it changes nothing (a
 * mail scanner's prefetch leaves the link usable); the Sign in button POSTs the link to
 * next-auth's callback, which spends it and starts the session.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false }, referrer: 'same-origin' };
export const dynamic = 'force-dynamic';

type Query = { token?: string; email?: string; callbackUrl?: string };

export default async function ConfirmSignInPage({ searchParams }: { searchParams: Promise<Query> }) {
  const { token, email, callbackUrl } = await searchParams;
  const valid = typeof token === 'string' && /^[A-Za-z0-9]{16,200}$/.test(token) && typeof email === 'string';
  if (!valid)
    return (
      <div className="mx-auto max-w-sm space-y-3">
        <h1 className="text-2xl font-bold">This sign-in link is not complete</h1>
        <p className="text-slate-700">Copy the whole link from the email, or ask for a new one.</p>
        <Link href="/sign-in" className="text-sm font-medium underline">
          Ask for a new link
        </Link>
      </div>
    );
  const action = `/api/auth/callback/email?${new URLSearchParams({
    callbackUrl: safeCallbackUrl(callbackUrl),
    token,
    email,
  })}`;
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Sign in to Signoff</h1>
        <p className="text-slate-700">
          Signing in as <strong className="break-all">{email}</strong>. The link works once.
        </p>
      </div>
      <form method="post" action={action}>
        <button
          type="submit"
          className="w-full rounded-md bg-slate-900 px-5 py-3 font-semibold text-white hover:bg-slate-700"
        >
          Sign in
        </button>
      </form>
    </div>
  );
}
