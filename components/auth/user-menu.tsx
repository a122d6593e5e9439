/** The header's right side: who is signed in (and their role) with Sign out, or a Sign in link. */
import Link from 'next/link';
import { getSessionUser } from '@/lib/auth/session';
import { SignOutButton } from './sign-out-button';

export async function UserMenu() {
  const user = await getSessionUser();
  if (!user) {
    return (
      <Link href="/sign-in" className="text-sm font-medium text-slate-900 underline-offset-2 hover:underline">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex min-w-0 items-center gap-3">
      <span className="hidden truncate text-sm text-slate-700 sm:inline" title={user.email}>
        {user.email} <span className="text-slate-500">({user.role})</span>
      </span>
      <SignOutButton />
    </div>
  );
}
