/** GET /sign-in — ask for a magic link by email; next-auth's errors come back here as ?error=. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { getSessionUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

const ERRORS: Record<string, string> = {
  AccessDenied: 'That account cannot sign in. Ask an admin to add or reactivate you.',
  RateLimited: 'Too many sign-in links were asked for. Wait a few minutes, then try again.',
  Verification: 'That sign-in link expired or was used already. Ask for a new one below.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; email?: string }>;
}) {
  const { callbackUrl, error, email } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getSessionUser()) redirect(target);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Sign in</h1>
        <p className="text-slate-700">We email you a link that signs you in. No password needed.</p>
      </div>
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {ERRORS[error] ?? 'Signing in did not work. Try again.'}
        </p>
      )}
      <SignInForm
        callbackUrl={target}
        defaultEmail={typeof email === 'string' ? email.slice(0, 254) : undefined}
      />
    </div>
  );
}
