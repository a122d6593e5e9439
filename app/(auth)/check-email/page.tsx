/** GET /check-email — after asking for a link: where it went, and the built-in mailbox in the demo. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from '@/lib/auth/auth-options';
import { isDemoMode } from '@/lib/auth/install-mode';

export const metadata: Metadata = { title: 'Check your email' };
export const dynamic = 'force-dynamic';

export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string }>;
}) {
  const { email } = await searchParams;
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">Check your email</h1>
      <p className="text-slate-700">
        If {email ? <strong className="break-all">{email}</strong> : 'your address'} has an account, a sign-in
        link is on its way. It works once, for {SIGN_IN_LINK_MAX_AGE_SECONDS / 60} minutes.
      </p>
      {isDemoMode() && !process.env.SMTP_URL && (
        <p className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-700">
          No mail server is configured, so the message waits in the{' '}
          <Link href="/dev/mailbox" className="font-medium underline">
            built-in mailbox
          </Link>
          .
        </p>
      )}
      <Link href="/sign-in" className="text-sm text-slate-600 underline">
        Use another address
      </Link>
    </div>
  );
}
