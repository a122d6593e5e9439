/**
 * GET /setup/<token> — the one-time link a real install prints on its console: a form that
 * creates the first admin. Opening it changes nothing; the button POSTs.
 */
import type { Metadata } from 'next';
import { isSetupLinkUsable } from '@/lib/auth/setup-link';
import { SetupForm } from './setup-form';

export const metadata: Metadata = {
  title: 'Set up Signoff',
  robots: { index: false },
  referrer: 'same-origin',
};
export const dynamic = 'force-dynamic';

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await isSetupLinkUsable(token)))
    return (
      <div className="mx-auto max-w-sm space-y-3">
        <h1 className="text-2xl font-bold">This setup link cannot be used</h1>
        <p className="text-slate-700">
          It was used already, it expired, or it is incomplete. While no admin exists, each start of the
          server prints a new one on its console.
        </p>
      </div>
    );
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Create the first admin</h1>
        <p className="text-slate-700">
          This link works once. The account you create here manages people, groups, API keys and workflows.
        </p>
      </div>
      <SetupForm token={token} />
    </div>
  );
}
