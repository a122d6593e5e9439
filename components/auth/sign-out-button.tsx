'use client';
import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: '/sign-in' })}
      className="text-sm whitespace-nowrap text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
    >
      Sign out
    </button>
  );
}
