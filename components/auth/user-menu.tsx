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
    <div className="flex min-w-0 items-center gap-2 sm:gap-3">
      <Link
        href="/profile"
        className="hidden truncate text-sm text-slate-700 underline-offset-2 hover:underline sm:inline"
        title="Your profile"
      >
        {user.email} <span className="text-slate-600">({user.role})</span>
      </Link>
      <Link href="/profile" className="text-sm text-slate-700 underline-offset-2 hover:underline sm:hidden">
        Profile
      </Link>
      <SignOutButton />
    </div>
  );
}
