'use client';
/**
 * The email field that asks for a magic link. next-auth's client posts it with its CSRF
 * token. Every address gets the same answer (only accounts get mail), unless too many links
 * were asked for.
 */
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';

type State = { message: string; email: string } | null;

const RATE_LIMITED = 'Too many sign-in links were asked for. Wait a few minutes, then try again.';

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState<State, FormData>(async (_prev, formData) => {
    const email = String(formData.get('email') ?? '').trim();
    if (!email.includes('@')) return { message: 'Enter your email address.', email };
    const result = await signIn('email', { email, callbackUrl, redirect: false });
    if (result?.error)
      return {
        message:
          result.error === 'RateLimited'
            ? RATE_LIMITED
            : 'The sign-in link could not be sent. Try again in a moment.',
        email,
      };
    router.push(`/check-email?email=${encodeURIComponent(email)}`);
    return null;
  }, null);
  return (
    <form action={action} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state?.email ?? defaultEmail}
          aria-describedby="email-error"
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-base"
        />
        <p id="email-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
          {state?.message}
        </p>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-slate-900 px-5 py-3 font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {pending ? 'Sending…' : 'Email me a sign-in link'}
      </button>
    </form>
  );
}
